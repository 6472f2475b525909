import { createTriage, type EvaluateResult } from 'order-triage';
import { buildOrder, buildShipment, customerTextOf, expectReport, logisticsScenarios, minutesAfter } from 'order-triage/testing';
import { describe, expect, it } from 'vitest';

const triage = createTriage({ locale: 'en' });
const codes = (r: EvaluateResult) => expectReport(r).findings.map((f) => f.code);

describe('NOT_SHIPPED_ON_TIME', () => {
  it('fires past promisedShipBy, escalating to the warehouse and apologising to the customer', () => {
    const { order, now } = logisticsScenarios.notShippedOnTime();
    const r = expectReport(triage.evaluate(order, { now }));
    expect(r.findings.map((f) => f.code)).toEqual(['NOT_SHIPPED_ON_TIME']);
    expect(r.actions.map((a) => a.kind)).toEqual(['escalate', 'coupon', 'contact_customer']);
    expect(customerTextOf(r)).toMatch(/sorry/i);
    expect(customerTextOf(r)).toContain('we will add a CN¥5.00 coupon');
    expect(r.actions[1]?.params).toEqual({ amount: 500, currency: 'CNY', validDays: 30, reason: 'NOT_SHIPPED_ON_TIME' });
  });

  it('stays silent until promisedShipBy has passed, and once shipped', () => {
    expect(codes(triage.evaluate(buildOrder(), { now: minutesAfter(48 * 60) }))).toEqual([]);
    expect(codes(triage.evaluate(buildOrder({ shipments: [buildShipment()] }), { now: minutesAfter(50 * 60) }))).toEqual([]);
  });

  it('without a promise, counts shipWithinHours from payment, which can differ per destination country', () => {
    const { promisedShipBy: _none, ...order } = buildOrder();
    expect(codes(triage.evaluate(order, { now: minutesAfter(48 * 60 + 1) }))).toEqual([]); // paid at minute 1
    expect(codes(triage.evaluate(order, { now: minutesAfter(48 * 60 + 2) }))).toEqual(['NOT_SHIPPED_ON_TIME']);
    const perCountry = createTriage({ thresholds: { NOT_SHIPPED_ON_TIME: { byCountry: { CN: { shipWithinHours: 72 } } } } });
    expect(codes(perCountry.evaluate(order, { now: minutesAfter(60 * 60) }))).toEqual([]);
  });

  it('names its evidence: minutes past the promise against the grace period', () => {
    const { order, now } = logisticsScenarios.notShippedOnTime();
    const f = expectReport(triage.evaluate(order, { now })).findings[0];
    expect(f?.evidence.conditions).toContainEqual({ fact: 'shipping.minutesPastShipBy', value: 120, operator: 'greaterThan', threshold: 0, passed: true });
  });
});
