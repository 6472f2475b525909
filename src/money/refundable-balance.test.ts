import { computeRefundableBalances, type OrderSnapshotInput, OrderSnapshotSchema } from 'order-triage';
import { buildOrder, buildPayment, buildRefund, minutesAfter } from 'order-triage/testing';
import { describe, expect, it } from 'vitest';

const twoPayments = (extra: Partial<OrderSnapshotInput> = {}) =>
  buildOrder({
    payments: [buildPayment({ id: 'pay_1', amount: 10_000 }), buildPayment({ id: 'pay_2', amount: 6_000, createdAt: minutesAfter(2) })],
    ...extra,
  });
const refundable = (order: OrderSnapshotInput) => {
  const ledger = computeRefundableBalances(OrderSnapshotSchema.parse(order));
  return { blocked: ledger.blocked, actioned: ledger.actionedTotal, by: Object.fromEntries(ledger.payments.map((b) => [b.payment.id, b.refundable])) };
};
const action = (idempotencyKey: string, amount?: number, kind = 'refund') => ({ kind, idempotencyKey, at: minutesAfter(30), ...(amount === undefined ? {} : { amount }) });

describe('computeRefundableBalances', () => {
  it('starts from what each succeeded payment captured', () => {
    expect(refundable(twoPayments())).toEqual({ blocked: false, actioned: 0, by: { pay_1: 10_000, pay_2: 6_000 } });
  });

  it('charges a refund action of ours to its own payment only', () => {
    expect(refundable(twoPayments({ actionsTaken: [action('ORD-1001/refund/pay_2/2500', 2_500)] }))).toEqual({
      blocked: false,
      actioned: 2_500,
      by: { pay_1: 10_000, pay_2: 3_500 },
    });
  });

  it('reads the amount from our key when the action carries none', () => {
    expect(refundable(twoPayments({ actionsTaken: [action('ORD-1001/refund/pay_1/4000')] })).by).toEqual({ pay_1: 6_000, pay_2: 6_000 });
  });

  it('charges a refund it cannot attribute to every payment: a foreign key, another order’s key, an unknown payment', () => {
    for (const key of ['crm-991', 'ORD-9999/refund/pay_1/1000', 'ORD-1001/refund/pay_9/1000', 'ORD-1001/refund/pay_1']) {
      expect(refundable(twoPayments({ actionsTaken: [action(key, 1_000)] })).by).toEqual({ pay_1: 9_000, pay_2: 5_000 });
    }
  });

  it('is blocked by a refund action of unknown amount that is not ours', () => {
    expect(refundable(twoPayments({ actionsTaken: [action('crm-992')] }))).toEqual({ blocked: true, actioned: 0, by: { pay_1: 0, pay_2: 0 } });
  });

  it('ignores actions that are not refunds, but counts one recorded under another kind whose key is a refund key of ours', () => {
    expect(refundable(twoPayments({ actionsTaken: [action('crm/coupon/4000', 4_000, 'coupon')] })).by).toEqual({ pay_1: 10_000, pay_2: 6_000 });
    expect(refundable(twoPayments({ actionsTaken: [action('ORD-1001/refund/pay_1/4000', 4_000, 'coupon')] })).by).toEqual({ pay_1: 6_000, pay_2: 6_000 });
  });

  it('counts refunds made, per payment, and leaves out failed payments and payments in another currency', () => {
    const order = buildOrder({
      payments: [
        buildPayment({ id: 'pay_1', amount: 10_000 }),
        buildPayment({ id: 'pay_2', amount: 6_000, status: 'failed' }),
        buildPayment({ id: 'pay_3', amount: 5_000, currency: 'USD' }),
      ],
      refunds: [buildRefund({ paymentId: 'pay_1', amount: 3_000 })],
    });
    expect(refundable(order).by).toEqual({ pay_1: 7_000 });
  });

  it('charges what went back beyond one payment’s capture to every other payment, never below 0', () => {
    const order = twoPayments({
      refunds: [buildRefund({ paymentId: 'pay_2', amount: 5_000 })],
      actionsTaken: [action('ORD-1001/refund/pay_2/3000'), action('crm-7', 500)],
    });
    const ledger = computeRefundableBalances(OrderSnapshotSchema.parse(order));
    expect(ledger.payments.map((b) => [b.payment.id, b.refunded, b.actioned, b.refundable])).toEqual([
      ['pay_1', 0, 0, 7_500],
      ['pay_2', 5_000, 3_000, 0],
    ]);
    expect(ledger.actionedTotal).toBe(3_500);
    const swamped = twoPayments({ refunds: [buildRefund({ paymentId: 'pay_2', amount: 6_000 + 12_000 })] });
    expect(refundable(swamped).by).toEqual({ pay_1: 0, pay_2: 0 });
    // Refunds naming a pending payment count against every payment; those naming a payment in
    // another currency are in that currency, even beyond its amount, and do not count.
    const mixed = buildOrder({
      payments: [
        buildPayment({ id: 'pay_1', amount: 10_000 }),
        buildPayment({ id: 'pay_2', amount: 6_000, status: 'pending' }),
        buildPayment({ id: 'pay_3', amount: 5_000, currency: 'USD' }),
        buildPayment({ id: 'pay_4', amount: 5_000, currency: 'USD', status: 'refunded' }),
        buildPayment({ id: 'pay_5', amount: 2_000, status: 'refunded' }),
      ],
      refunds: [
        buildRefund({ id: 'r1', paymentId: 'pay_2', amount: 1_000 }),
        buildRefund({ id: 'r2', paymentId: 'pay_3', amount: 9_000 }),
        buildRefund({ id: 'r3', paymentId: 'pay_4', amount: 9_000 }),
        buildRefund({ id: 'r4', paymentId: 'pay_5', amount: 2_300 }),
      ],
    });
    expect(refundable(mixed).by).toEqual({ pay_1: 8_700 });
  });

  it('reads a key whose amount part is not plain as not ours: its own amount counts against every payment, without one it blocks', () => {
    expect(refundable(twoPayments({ actionsTaken: [action('ORD-1001/refund/pay_1/+4000', 1_000)] }))).toEqual({
      blocked: false,
      actioned: 1_000,
      by: { pay_1: 9_000, pay_2: 5_000 },
    });
    expect(refundable(twoPayments({ actionsTaken: [action('ORD-1001/refund/pay_1/+4000')] }))).toEqual({ blocked: true, actioned: 0, by: { pay_1: 0, pay_2: 0 } });
  });

  it('counts a payment recorded twice once, and is blocked when its records disagree', () => {
    const base = twoPayments();
    const again = { ...base, payments: [...base.payments, base.payments[0]] } as OrderSnapshotInput;
    expect(refundable(again)).toEqual({ blocked: false, actioned: 0, by: { pay_1: 10_000, pay_2: 6_000 } });
    expect(computeRefundableBalances(OrderSnapshotSchema.parse(again)).payments).toHaveLength(2);
    const disagreeing = { ...base, payments: [...base.payments, buildPayment({ id: 'pay_1', amount: 10_001 })] };
    expect(refundable(disagreeing)).toEqual({ blocked: true, actioned: 0, by: { pay_1: 0, pay_2: 0 } });
  });
});
