import { createTriage } from 'order-triage';
import { buildOrder, buildPayment, buildRefund, customerMessageOf, customerTextOf, expectReport, minutesAfter, paymentScenarios } from 'order-triage/testing';
import { describe, expect, it } from 'vitest';

const triage = createTriage({ locale: 'en' });
const now = minutesAfter(30);

const paidTwice = (extra = {}) =>
  buildOrder({
    payments: [buildPayment({ id: 'pay_1', createdAt: minutesAfter(1) }), buildPayment({ id: 'pay_2', method: 'wechat_pay', createdAt: minutesAfter(2) })],
    ...extra,
  });
const refunds = (r: ReturnType<typeof expectReport>) => r.actions.filter((a) => a.kind === 'refund').map((a) => [a.params.paymentId, a.params.amount]);

describe('DUPLICATE_PAYMENT', () => {
  it('refunds the later of two equal payments to its original method, telling the customer its ETA', () => {
    const { order, now } = paymentScenarios.duplicatePayment();
    const r = expectReport(triage.evaluate(order, { now }));
    expect(r.findings.map((f) => f.code)).toEqual(['DUPLICATE_PAYMENT']);
    expect(r.findings[0]?.confidence).toBe(0.95);
    expect(r.actions.map((a) => a.kind)).toEqual(['refund', 'contact_customer']);
    expect(r.actions[0]).toMatchObject({
      kind: 'refund',
      params: { paymentId: 'pay_2', amount: 20_900, currency: 'CNY', method: 'wechat_pay', reason: 'duplicate_payment' },
      owner: 'finance',
      because: ['DUPLICATE_PAYMENT'],
      idempotencyKey: 'ORD-1001/refund/pay_2/20900',
    });
    expect(r.actions[0]?.customerMessage).toBeUndefined();
    expect(customerMessageOf(r)?.params.describes).toEqual(['ORD-1001/refund/pay_2/20900']);
    expect(customerTextOf(r)).toContain('We will refund CN¥209.00 to your WeChat Pay');
    expect(customerTextOf(r)).toContain('1–3 business days');
  });

  it('takes the refund ETA from the payment method, overridable by policy', () => {
    const order = paidTwice({
      payments: [buildPayment({ id: 'pay_1' }), buildPayment({ id: 'pay_2', method: 'card', createdAt: minutesAfter(2) })],
    });
    expect(customerTextOf(expectReport(triage.evaluate(order, { now })))).toContain('5–10 business days');
    const fast = createTriage({ locale: 'en', policy: { refundEta: { byMethod: { card: { minDays: 2, maxDays: 4 } } } } });
    expect(customerTextOf(expectReport(fast.evaluate(order, { now })))).toContain('2–4 business days');
  });

  it('needs a supervisor for a refund above the agent limit and lets an agent act alone below it', () => {
    const big = expectReport(triage.evaluate(paidTwice(), { now })).actions[0];
    expect(big?.requiresApproval).toBe('supervisor');
    expect(big?.automatable).toBe(false);
    const small = buildOrder({
      items: [{ sku: 'SKU-SOCK', quantity: 1, unitPrice: 4_000 }],
      payments: [buildPayment({ id: 'pay_1', amount: 5_000 }), buildPayment({ id: 'pay_2', amount: 5_000, createdAt: minutesAfter(2) })],
    });
    const action = expectReport(triage.evaluate(small, { now })).actions[0];
    expect(action?.requiresApproval).toBe('none');
    expect(action?.automatable).toBe(true);
  });

  it('stays silent with a single payment, and once the surplus was refunded', () => {
    expect(expectReport(triage.evaluate(buildOrder(), { now })).findings).toEqual([]);
    const refunded = paidTwice({ refunds: [buildRefund({ paymentId: 'pay_2', amount: 20_900 })] });
    expect(expectReport(triage.evaluate(refunded, { now })).findings).toEqual([]);
  });

  it('refunds only what is left when part of the surplus was already refunded', () => {
    const order = paidTwice({ refunds: [buildRefund({ paymentId: 'pay_2', amount: 5_000, status: 'pending' })] });
    expect(refunds(expectReport(triage.evaluate(order, { now })))).toEqual([['pay_2', 15_900]]);
  });

  it('ignores failed refunds: they returned nothing', () => {
    const order = paidTwice({ refunds: [buildRefund({ paymentId: 'pay_2', amount: 20_900, status: 'failed' })] });
    expect(refunds(expectReport(triage.evaluate(order, { now })))).toEqual([['pay_2', 20_900]]);
  });

  it('does not recommend a refund again once its action was taken', () => {
    const first = expectReport(triage.evaluate(paidTwice(), { now }));
    const key = first.actions[0]?.idempotencyKey ?? '';
    const refunded = { kind: 'refund', idempotencyKey: key, at: minutesAfter(31), amount: 20_900 };
    const later = paidTwice({ actionsTaken: [refunded] });
    const r = expectReport(triage.evaluate(later, { now: minutesAfter(40) }));
    expect(r.findings.map((f) => f.code)).toEqual(['DUPLICATE_PAYMENT']);
    // The refund is done but no message told the customer: the message says it is done.
    expect(r.actions.map((a) => a.kind)).toEqual(['contact_customer']);
    expect(customerTextOf(r)).toContain('We have refunded CN¥209.00 to your WeChat Pay');
    // Once that message is recorded sent as well, nothing is left to do or say.
    const told = paidTwice({ actionsTaken: [refunded, { kind: 'contact_customer', idempotencyKey: r.actions[0]?.idempotencyKey ?? '', at: minutesAfter(41) }] });
    expect(expectReport(triage.evaluate(told, { now: minutesAfter(50) })).actions).toEqual([]);
  });

  it('counts a refund the backend made under its own key against every payment it might have drawn on', () => {
    const order = paidTwice({ actionsTaken: [{ kind: 'refund', idempotencyKey: 'crm-77', at: minutesAfter(20), amount: 20_000 }] });
    // 900 surplus left; each payment may have lost 20,000 to the unknown refund, leaving 900 each.
    expect(refunds(expectReport(triage.evaluate(order, { now })))).toEqual([['pay_2', 900]]);
  });

  it('asks finance to reconcile instead of refunding when a refund of unknown amount was taken', () => {
    const order = paidTwice({ actionsTaken: [{ kind: 'refund', idempotencyKey: 'crm-78', at: minutesAfter(20) }] });
    const r = expectReport(triage.evaluate(order, { now }));
    expect(r.actions.map((a) => [a.kind, a.params])).toContainEqual(['manual_review', { reason: 'refund_ledger_unclear' }]);
    expect(r.actions.map((a) => a.kind)).not.toContain('refund');
    expect(customerTextOf(r)).toContain('finance team is checking');
  });

  it('splits the surplus across the latest payments when the last one cannot cover it', () => {
    const order = buildOrder({
      payments: [
        buildPayment({ id: 'pay_1', amount: 20_900, createdAt: minutesAfter(1) }),
        buildPayment({ id: 'pay_2', amount: 15_000, createdAt: minutesAfter(2) }),
        buildPayment({ id: 'pay_3', amount: 10_000, createdAt: minutesAfter(3) }),
      ],
    });
    expect(refunds(expectReport(triage.evaluate(order, { now })))).toEqual([
      ['pay_3', 10_000],
      ['pay_2', 15_000],
    ]);
  });

  it('honours a changed tolerance and minimum payment count', () => {
    // 20,000 + 800 + 200 = 21,000 for a 20,900 order: a surplus of exactly 100.
    const surplus100 = buildOrder({
      payments: [
        buildPayment({ id: 'pay_1', amount: 20_000 }),
        buildPayment({ id: 'pay_2', amount: 800, createdAt: minutesAfter(2) }),
        buildPayment({ id: 'pay_3', amount: 200, createdAt: minutesAfter(3) }),
      ],
    });
    expect(expectReport(triage.evaluate(surplus100, { now })).findings.map((f) => f.code)).toEqual(['DUPLICATE_PAYMENT']);
    const lenient = createTriage({ thresholds: { DUPLICATE_PAYMENT: { toleranceMinor: 100 } } });
    expect(expectReport(lenient.evaluate(surplus100, { now })).findings).toEqual([]);
    const four = createTriage({ thresholds: { DUPLICATE_PAYMENT: { minSucceededPayments: 4 } } });
    expect(expectReport(four.evaluate(surplus100, { now })).findings).toEqual([]);
  });

  it('names its evidence: payment count and surplus against their thresholds, and both payments', () => {
    const f = expectReport(triage.evaluate(paidTwice(), { now })).findings[0];
    expect(f?.evidence.conditions).toEqual([
      { fact: 'payments.succeededCount', value: 2, operator: 'greaterThanInclusive', threshold: 2, passed: true },
      { fact: 'payments.surplus', value: 20_900, operator: 'greaterThan', threshold: 0, passed: true },
    ]);
    expect(f?.evidence.records.payments?.map((p) => p.id)).toEqual(['pay_1', 'pay_2']);
    expect(f?.evidence.facts['payments.netPaid']).toBe(41_800);
    expect(f?.summary).toBe('Order ORD-1001 has 2 succeeded payments netting CN¥418.00, CN¥209.00 more than the CN¥209.00 payable.');
  });
});
