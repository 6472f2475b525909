import { createTriage, type EvaluateResult } from 'order-triage';
import { buildOrder, buildShipment, customerTextOf, expectReport, logisticsScenarios, minutesAfter, trackingEvent } from 'order-triage/testing';
import { describe, expect, it } from 'vitest';
import { DAY } from './logistics-fixtures.js';

const triage = createTriage({ locale: 'en' });
const codes = (r: EvaluateResult) => expectReport(r).findings.map((f) => f.code);
const atPickupPoint = (...after: ReturnType<typeof trackingEvent>[]) =>
  buildOrder({
    status: 'shipped',
    shipments: [
      buildShipment({ estimatedDeliveryAt: minutesAfter(10 * DAY), events: [trackingEvent('picked_up', 120), trackingEvent('available_for_pickup', DAY, '丰巢快递柜'), ...after] }),
    ],
  });

describe('AWAITING_PICKUP', () => {
  it('reminds the customer where the parcel waits and until when, with no chase and no delay coupon, though it is past its ETA', () => {
    const { order, now } = logisticsScenarios.awaitingPickup();
    const r = expectReport(triage.evaluate({ ...order, promisedDeliveryBy: minutesAfter(2 * DAY) }, { now }));
    expect(r.findings.map((f) => f.code)).toEqual(['DELIVERY_DELAYED', 'AWAITING_PICKUP']);
    expect(r.actions.map((a) => a.kind)).toEqual(['contact_customer']);
    expect(customerTextOf(r)).toContain('is waiting for you at 菜鸟驿站(科技园店). Please collect it by Mar 10, 2026, 10:00');
  });

  it('waits more than waitingHours (24 h) at the pickup point', () => {
    expect(codes(triage.evaluate(atPickupPoint(), { now: minutesAfter(2 * DAY) }))).toEqual([]);
    expect(codes(triage.evaluate(atPickupPoint(), { now: minutesAfter(2 * DAY + 60) }))).toEqual(['AWAITING_PICKUP']);
  });

  it('counts the collection deadline from the arrival plus holdDays', () => {
    const short = createTriage({ locale: 'en', thresholds: { AWAITING_PICKUP: { holdDays: 3 } } });
    expect(customerTextOf(expectReport(short.evaluate(atPickupPoint(), { now: minutesAfter(2 * DAY + 60) })))).toContain('by Mar 5, 2026, 10:00');
  });

  it('stays silent once the parcel is collected', () => {
    expect(codes(triage.evaluate(atPickupPoint(trackingEvent('delivered', 3 * DAY)), { now: minutesAfter(4 * DAY) }))).toEqual([]);
  });

  it('names its evidence: the pickup event and the hours it has waited', () => {
    const f = expectReport(triage.evaluate(atPickupPoint(), { now: minutesAfter(2 * DAY + 60) })).findings[0];
    expect(f?.evidence.conditions).toContainEqual({ fact: 'tracking.hoursSinceLastEvent', value: 25, operator: 'greaterThan', threshold: 24, passed: true });
    expect(f?.evidence.records.shipments?.[0]?.events).toContainEqual(expect.objectContaining({ code: 'available_for_pickup', location: '丰巢快递柜' }));
  });

  it('refuses a holdDays past ten years at createTriage, naming it, instead of failing an evaluation on an invalid date', () => {
    expect(() => createTriage({ thresholds: { AWAITING_PICKUP: { holdDays: 2_147_483_648 } } })).toThrow(/thresholds\.AWAITING_PICKUP\.holdDays/);
    expect(() => createTriage({ thresholds: { AWAITING_PICKUP: { holdDays: 3_650 } } })).not.toThrow();
  });
});
