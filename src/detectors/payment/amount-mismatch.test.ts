import { createTriage, type EvaluateResult } from 'order-triage';
import { buildOrder, buildPayment, customerTextOf, expectReport, minutesAfter, paymentScenarios } from 'order-triage/testing';
import { describe, expect, it } from 'vitest';

const triage = createTriage({ locale: 'en' });
const now = minutesAfter(30);

const codes = (r: EvaluateResult) => expectReport(r).findings.map((f) => f.code);
const paying = (amount: number, extra = {}) => buildOrder({ payments: [buildPayment({ amount })], ...extra });

describe('AMOUNT_MISMATCH', () => {
  it('refunds the difference when one payment exceeds what is owed', () => {
    const { order, now } = paymentScenarios.overpaid();
    const r = expectReport(triage.evaluate(order, { now }));
    expect(r.findings.map((f) => f.code)).toEqual(['AMOUNT_MISMATCH']);
    expect(r.actions.map((a) => [a.kind, a.params])).toContainEqual(['refund', { paymentId: 'pay_1', amount: 1_000, currency: 'CNY', method: 'alipay', reason: 'overpayment' }]);
    expect(r.actions.map((a) => a.kind)).toEqual(['refund', 'contact_customer']);
    expect(customerTextOf(r)).toContain('CN¥10.00 too much');
    expect(customerTextOf(r)).toContain('We will refund CN¥10.00 to your Alipay');
  });

  it('holds the shipment and asks for the balance when underpaid', () => {
    const { order, now } = paymentScenarios.underpaid();
    const r = expectReport(triage.evaluate(order, { now }));
    expect(r.actions.map((a) => [a.kind, a.params]).slice(0, 2)).toEqual([
      ['hold_shipment', { reason: 'balance_due', amount: 2_000, currency: 'CNY' }],
      ['send_payment_link', { amount: 2_000, currency: 'CNY', purpose: 'balance' }],
    ]);
    expect(r.actions[0]?.note).toContain('CN¥20.00 short');
    expect(customerTextOf(r)).toContain('remaining CN¥20.00');
    expect(customerTextOf(r)).toContain('hold the parcel until then');
  });

  it('does not try to hold a parcel that has already shipped', () => {
    const r = expectReport(triage.evaluate(paying(18_900, { status: 'shipped' }), { now }));
    expect(r.actions.map((a) => a.kind)).toEqual(['send_payment_link', 'contact_customer']);
    // No text may contradict the order's state: a parcel on its way is not "held".
    expect(customerTextOf(r)).toContain('remaining CN¥20.00');
    expect(customerTextOf(r)).not.toMatch(/hold|held/);
  });

  it('stays silent when paid exactly, and inside a changed tolerance', () => {
    expect(codes(triage.evaluate(paying(20_900), { now }))).toEqual([]);
    const lenient = createTriage({ thresholds: { AMOUNT_MISMATCH: { toleranceMinor: 1 } } });
    expect(codes(lenient.evaluate(paying(20_901), { now }))).toEqual([]);
    expect(codes(lenient.evaluate(paying(20_902), { now }))).toEqual(['AMOUNT_MISMATCH']);
  });

  it('waits while a split payment is still pending within the grace period, then flags it', () => {
    const order = buildOrder({
      payments: [buildPayment({ id: 'pay_1', amount: 10_000 }), buildPayment({ id: 'pay_2', amount: 10_900, status: 'pending', createdAt: minutesAfter(2) })],
    });
    expect(codes(triage.evaluate(order, { now: minutesAfter(32) }))).toEqual([]);
    expect(codes(triage.evaluate(order, { now: minutesAfter(33) }))).toEqual(['AMOUNT_MISMATCH']);
    const patient = createTriage({ thresholds: { AMOUNT_MISMATCH: { pendingGraceMinutes: 60 } } });
    expect(codes(patient.evaluate(order, { now: minutesAfter(33) }))).toEqual([]);
  });

  it('never flags cash on delivery or a cancelled order as underpaid', () => {
    const cod = buildOrder({
      status: 'shipped',
      payments: [buildPayment({ amount: 5_000 }), buildPayment({ id: 'pay_cod', method: 'cod', status: 'pending', amount: 15_900 })],
    });
    expect(codes(triage.evaluate(cod, { now: minutesAfter(3000) }))).toEqual([]);
    expect(codes(triage.evaluate(paying(18_900, { status: 'cancelled' }), { now }))).toEqual([]);
  });

  it('cannot compare a payment in another currency, so it raises nothing rather than a false finding', () => {
    const order = buildOrder({ payments: [buildPayment({ amount: 3_000, currency: 'USD' })] });
    expect(codes(triage.evaluate(order, { now }))).toEqual([]);
  });

  it('names its evidence: the shortfall against the tolerance', () => {
    const f = expectReport(triage.evaluate(paying(18_900), { now })).findings[0];
    expect(f?.evidence.conditions).toContainEqual({
      fact: 'payments.shortfall',
      value: 2_000,
      operator: 'greaterThan',
      threshold: 0,
      passed: true,
    });
    expect(f?.summary).toBe('Order ORD-1001 received CN¥189.00, CN¥20.00 less than the CN¥209.00 payable.');
  });
});
