import { createTriage, type EvaluateResult } from 'order-triage';
import { customerTextOf, expectReport, logisticsScenarios, minutesAfter } from 'order-triage/testing';
import { describe, expect, it } from 'vitest';
import { DAY, inTransit } from './logistics-fixtures.js';

const triage = createTriage({ locale: 'en' });
const codes = (r: EvaluateResult) => expectReport(r).findings.map((f) => f.code);

describe('DELIVERY_DELAYED', () => {
  it('fires past the estimated delivery time, with one progress message', () => {
    const { order, now } = logisticsScenarios.deliveryDelayed();
    const r = expectReport(triage.evaluate(order, { now }));
    expect(r.findings.map((f) => f.code)).toEqual(['DELIVERY_DELAYED']);
    expect(r.actions.map((a) => a.kind)).toEqual(['urge_carrier', 'coupon', 'contact_customer']);
    expect(customerTextOf(r)).toContain('CN¥5.00 coupon');
  });

  it('stays silent before the due time and once delivered', () => {
    const { order } = logisticsScenarios.deliveryDelayed(); // due at day 3
    expect(codes(triage.evaluate(order, { now: minutesAfter(3 * DAY) }))).toEqual([]);
    expect(codes(triage.evaluate({ ...order, status: 'delivered' }, { now: minutesAfter(4 * DAY) }))).toEqual([]);
  });

  it('prefers the promised delivery date to the carrier’s estimate, and honours a grace period per country', () => {
    const { order } = logisticsScenarios.deliveryDelayed();
    const promised = { ...order, promisedDeliveryBy: minutesAfter(5 * DAY) };
    expect(codes(triage.evaluate(promised, { now: minutesAfter(4 * DAY) }))).toEqual([]);
    const lenient = createTriage({ thresholds: { DELIVERY_DELAYED: { byCountry: { CN: { graceMinutes: 2 * DAY } } } } });
    expect(codes(lenient.evaluate(order, { now: minutesAfter(4 * DAY) }))).toEqual([]);
  });

  it('sends a parcel both stalled and late one message, not two', () => {
    const late = inTransit(300, { estimatedDeliveryAt: minutesAfter(2 * DAY) });
    const r = expectReport(triage.evaluate(late, { now: minutesAfter(300 + 4 * DAY) }));
    expect(r.findings.map((f) => f.code)).toEqual(['TRACKING_STALLED', 'DELIVERY_DELAYED']);
    const messages = r.actions.filter((a) => a.kind === 'contact_customer');
    expect(messages).toHaveLength(1);
    // One progress update: the delay's section, not the stall's as well.
    expect(messages[0]?.params.topics).toEqual(['delivery_delayed']);
    expect(r.actions.filter((a) => a.kind === 'urge_carrier').map((a) => a.because)).toEqual([['TRACKING_STALLED', 'DELIVERY_DELAYED']]);
  });

  it('names its evidence: minutes past due against the grace period', () => {
    const { order, now } = logisticsScenarios.deliveryDelayed();
    const f = expectReport(triage.evaluate(order, { now })).findings[0];
    expect(f?.evidence.conditions).toContainEqual({ fact: 'delivery.minutesPastDue', value: DAY, operator: 'greaterThan', threshold: 0, passed: true });
  });
});
