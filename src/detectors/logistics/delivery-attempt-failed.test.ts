import { createTriage, type EvaluateResult } from 'order-triage';
import { buildOrder, buildShipment, customerMessageOf, customerTextOf, expectReport, logisticsScenarios, minutesAfter, trackingEvent } from 'order-triage/testing';
import { describe, expect, it } from 'vitest';
import { DAY } from './logistics-fixtures.js';

const triage = createTriage({ locale: 'en' });
const codes = (r: EvaluateResult) => expectReport(r).findings.map((f) => f.code);
const attempted = (...after: ReturnType<typeof trackingEvent>[]) =>
  buildOrder({
    status: 'shipped',
    shipments: [
      buildShipment({
        estimatedDeliveryAt: minutesAfter(10 * DAY),
        events: [trackingEvent('picked_up', 120), trackingEvent('out_for_delivery', DAY), trackingEvent('delivery_attempt_failed', DAY + 120), ...after],
      }),
    ],
  });

describe('DELIVERY_ATTEMPT_FAILED', () => {
  it('arranges a re-delivery with the customer, with no chase and no delay coupon, though it is past its ETA', () => {
    const { order, now } = logisticsScenarios.deliveryAttemptFailed();
    const r = expectReport(triage.evaluate({ ...order, promisedDeliveryBy: minutesAfter(3 * DAY) }, { now }));
    expect(r.findings.map((f) => f.code)).toEqual(['DELIVERY_DELAYED', 'DELIVERY_ATTEMPT_FAILED']);
    expect(r.actions.map((a) => a.kind)).toEqual(['contact_customer']);
    expect(customerMessageOf(r)?.params.options).toEqual(['redeliver', 'pickup_point']);
    expect(customerTextOf(r)).toContain('another delivery attempt at a time that suits you or collection from a nearby pickup point');
  });

  it('fires on a failed attempt not followed by a delivery', () => {
    expect(codes(triage.evaluate(attempted(), { now: minutesAfter(DAY + 180) }))).toEqual(['DELIVERY_ATTEMPT_FAILED']);
    expect(codes(triage.evaluate(attempted(trackingEvent('out_for_delivery', 2 * DAY)), { now: minutesAfter(2 * DAY + 60) }))).toEqual(['DELIVERY_ATTEMPT_FAILED']);
  });

  it('stays silent once delivered, refused or left at a pickup point', () => {
    expect(codes(triage.evaluate(attempted(trackingEvent('delivered', 2 * DAY)), { now: minutesAfter(2 * DAY + 60) }))).toEqual([]);
    expect(codes(triage.evaluate(attempted(trackingEvent('available_for_pickup', 2 * DAY)), { now: minutesAfter(2 * DAY + 60) }))).toEqual([]);
    expect(codes(triage.evaluate(attempted(trackingEvent('refused', 2 * DAY)), { now: minutesAfter(2 * DAY + 60) }))).toEqual(['DELIVERY_REFUSED']);
  });

  it('has no thresholds to change: options for it are rejected', () => {
    expect(() => createTriage({ thresholds: { DELIVERY_ATTEMPT_FAILED: { hours: 1 } } } as never)).toThrow(/thresholds\.DELIVERY_ATTEMPT_FAILED\.hours/);
  });

  it('names its evidence: the hours since the failed attempt and the attempt event', () => {
    const f = expectReport(triage.evaluate(attempted(), { now: minutesAfter(DAY + 180) })).findings[0];
    expect(f?.evidence.conditions).toContainEqual({ fact: 'tracking.hoursSinceFailedAttempt', value: 1, operator: 'greaterThanInclusive', threshold: 0, passed: true });
    expect(f?.evidence.records.shipments?.[0]?.events).toContainEqual(expect.objectContaining({ code: 'delivery_attempt_failed' }));
  });
});
