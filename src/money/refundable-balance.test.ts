import { computeRefundableBalances, OrderSnapshotSchema, type OrderSnapshotInput } from 'order-triage';
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

  it('ignores actions that are not refunds', () => {
    expect(refundable(twoPayments({ actionsTaken: [action('ORD-1001/refund/pay_1/4000', 4_000, 'coupon')] })).by).toEqual({ pay_1: 10_000, pay_2: 6_000 });
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
});
