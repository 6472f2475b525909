import { createTriage, type EvaluateResult } from 'order-triage';
import { buildOrder, buildShipment, customerTextOf, expectReport, logisticsScenarios, minutesAfter, trackingEvent } from 'order-triage/testing';
import { describe, expect, it } from 'vitest';

const triage = createTriage({ locale: 'en' });
const codes = (r: EvaluateResult) => expectReport(r).findings.map((f) => f.code);
/** A processing order whose label was printed two hours in, with only the carrier's 'info_received'. */
const labelled = (extra: Parameters<typeof buildOrder>[0] = {}) =>
  buildOrder({
    status: 'processing',
    promisedShipBy: minutesAfter(3 * 24 * 60),
    shipments: [buildShipment({ shippedAt: undefined, labelCreatedAt: minutesAfter(120), events: [trackingEvent('info_received', 125)] })],
    ...extra,
  });

describe('NOT_PICKED_UP', () => {
  it('fires 30 h after the label with no pickup scan: chases the carrier and checks with the warehouse, telling the customer nothing yet', () => {
    const { order, now } = logisticsScenarios.notPickedUp();
    const r = expectReport(triage.evaluate(order, { now }));
    expect(r.findings.map((f) => f.code)).toEqual(['NOT_PICKED_UP']);
    expect(r.actions.map((a) => [a.kind, a.params])).toEqual([
      ['urge_carrier', { shipmentId: 'SHP-1', carrier: 'SF', trackingNumber: 'SF1234567890' }],
      ['escalate', { to: 'warehouse', reason: 'not_picked_up' }],
    ]);
    expect(r.actions.some((a) => a.kind === 'coupon')).toBe(false);
  });

  it('waits the pickupHours threshold (24 h by default), per carrier too', () => {
    expect(codes(triage.evaluate(labelled(), { now: minutesAfter(120 + 23 * 60) }))).toEqual([]);
    expect(codes(triage.evaluate(labelled(), { now: minutesAfter(120 + 24 * 60) }))).toEqual(['NOT_PICKED_UP']);
    const patient = createTriage({ thresholds: { NOT_PICKED_UP: { pickupHours: 48, byCarrier: { SF: { pickupHours: 12 } } } } });
    expect(codes(patient.evaluate(labelled(), { now: minutesAfter(120 + 13 * 60) }))).toEqual(['NOT_PICKED_UP']);
  });

  it('stays silent once the carrier scans the parcel in, or without a label time', () => {
    const picked = labelled({
      shipments: [buildShipment({ labelCreatedAt: minutesAfter(120), events: [trackingEvent('info_received', 125), trackingEvent('picked_up', 40 * 60)] })],
    });
    expect(codes(triage.evaluate(picked, { now: minutesAfter(41 * 60) }))).toEqual([]);
    const noLabel = labelled({ shipments: [buildShipment({ shippedAt: undefined, events: [trackingEvent('info_received', 125)] })] });
    expect(codes(triage.evaluate(noLabel, { now: minutesAfter(40 * 60) }))).toEqual([]);
  });

  it("is not also TRACKING_STALLED when the label has waited days with only the carrier's info_received", () => {
    const r = expectReport(triage.evaluate(labelled({ promisedShipBy: minutesAfter(20 * 60) }), { now: minutesAfter(5 * 24 * 60) }));
    expect(r.findings.map((f) => f.code)).toContain('NOT_PICKED_UP');
    expect(r.findings.map((f) => f.code)).not.toContain('TRACKING_STALLED');
  });

  it('tells the customer, briefly, once the promised ship-by time has passed', () => {
    const late = labelled({ promisedShipBy: minutesAfter(20 * 60) });
    const r = expectReport(triage.evaluate(late, { now: minutesAfter(30 * 60) }));
    expect(r.findings.map((f) => f.code)).toEqual(['NOT_PICKED_UP']);
    expect(customerTextOf(r)).toContain('the courier has not collected it yet');
  });

  it('names its evidence: the hours since the label and the shipment with its label time', () => {
    const { order, now } = logisticsScenarios.notPickedUp();
    const f = expectReport(triage.evaluate(order, { now })).findings[0];
    expect(f?.evidence.conditions).toContainEqual({ fact: 'pickup.hoursSinceLabel', value: 30, operator: 'greaterThanInclusive', threshold: 24, passed: true });
    expect(f?.evidence.records.shipments?.[0]).toMatchObject({ id: 'SHP-1', events: [{ code: 'info_received' }] });
  });
});
