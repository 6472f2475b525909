import { createTriage, type EvaluateResult } from 'order-triage';
import { buildOrder, buildShipment, expectReport, logisticsScenarios, minutesAfter, trackingEvent } from 'order-triage/testing';
import { describe, expect, it } from 'vitest';
import { DAY, inTransit } from './logistics-fixtures.js';

const triage = createTriage({ locale: 'en' });
const codes = (r: EvaluateResult) => expectReport(r).findings.map((f) => f.code);

describe('TRACKING_STALLED', () => {
  it('fires after 3 days without a tracking event, chasing the carrier and telling the customer', () => {
    const { order, now } = logisticsScenarios.trackingStalled();
    const r = expectReport(triage.evaluate(order, { now }));
    expect(r.findings.map((f) => f.code)).toEqual(['TRACKING_STALLED']);
    expect(r.actions.map((a) => [a.kind, a.params])).toContainEqual(['urge_carrier', { shipmentId: 'SHP-1', carrier: 'SF', trackingNumber: 'SF1234567890' }]);
    expect(r.actions.find((a) => a.kind === 'contact_customer')?.customerMessage?.text).toContain('SF1234567890');
  });

  it('stays silent just under 3 days, and for a delivered parcel', () => {
    expect(codes(triage.evaluate(inTransit(300), { now: minutesAfter(300 + 3 * DAY - 1) }))).toEqual([]);
    const delivered = buildOrder({ status: 'delivered', shipments: [buildShipment({ events: [trackingEvent('picked_up', 120), trackingEvent('delivered', DAY)] })] });
    expect(codes(triage.evaluate(delivered, { now: minutesAfter(20 * DAY) }))).toEqual([]);
  });

  it('does not call a parcel stalled over Spring Festival when the calendar marks it', () => {
    const holidays = ['2026-03-02', '2026-03-03', '2026-03-04'];
    const now = minutesAfter(300 + 4 * DAY);
    expect(codes(triage.evaluate(inTransit(300), { now }))).toEqual(['TRACKING_STALLED']);
    expect(codes(triage.evaluate(inTransit(300), { now, calendar: { holidays } }))).toEqual([]);
    const allDays = createTriage({ thresholds: { TRACKING_STALLED: { countBusinessDays: false } } });
    expect(codes(allDays.evaluate(inTransit(300), { now, calendar: { holidays } }))).toEqual(['TRACKING_STALLED']);
  });

  it('counts a parcel handed over but never scanned as silent since it was shipped', () => {
    const unscanned = inTransit(0, { events: [] }); // shippedAt at minute 120
    expect(codes(triage.evaluate(unscanned, { now: minutesAfter(120 + 3 * DAY - 1) }))).toEqual([]);
    expect(codes(triage.evaluate(unscanned, { now: minutesAfter(120 + 3 * DAY) }))).toEqual(['TRACKING_STALLED']);
  });

  it('sorts events that arrive out of order and ignores duplicates', () => {
    const shuffled = inTransit(0, {
      events: [trackingEvent('in_transit', 2 * DAY), trackingEvent('picked_up', 120), trackingEvent('picked_up', 120), trackingEvent('in_transit', 2 * DAY)],
    });
    const r = expectReport(triage.evaluate(shuffled, { now: minutesAfter(4 * DAY) }));
    expect(r.findings).toEqual([]); // the latest event is 2 days old, whatever order it arrived in
    expect(codes(triage.evaluate(shuffled, { now: minutesAfter(5 * DAY) }))).toEqual(['TRACKING_STALLED']);
  });

  it('takes thresholds per carrier', () => {
    const perCarrier = createTriage({ thresholds: { TRACKING_STALLED: { byCarrier: { SF: { stalledDays: 2 } } } } });
    const now = minutesAfter(300 + 2 * DAY);
    expect(codes(triage.evaluate(inTransit(300), { now }))).toEqual([]);
    expect(codes(perCarrier.evaluate(inTransit(300), { now }))).toEqual(['TRACKING_STALLED']);
    expect(expectReport(perCarrier.evaluate(inTransit(300), { now })).findings[0]?.evidence.thresholds).toEqual({ stalledDays: 2, countBusinessDays: true });
  });

  it('becomes PACKAGE_LOST, not both, past the lost threshold', () => {
    expect(codes(triage.evaluate(inTransit(300), { now: minutesAfter(300 + 7 * DAY) }))).toEqual(['PACKAGE_LOST']);
  });

  it('names its evidence: working days since the last event against stalledDays', () => {
    const { order, now } = logisticsScenarios.trackingStalled();
    const f = expectReport(triage.evaluate(order, { now })).findings[0];
    expect(f?.evidence.conditions).toContainEqual({ fact: 'tracking.businessDaysSinceLastEvent', value: 4, operator: 'greaterThanInclusive', threshold: 3, passed: true });
    expect(f?.evidence.records.shipments?.[0]).toMatchObject({ carrier: 'SF', trackingNumber: 'SF1234567890' });
  });
});
