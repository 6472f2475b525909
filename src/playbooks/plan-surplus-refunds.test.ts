import { OrderSnapshotSchema } from 'order-triage';
import { buildOrder, buildPayment, minutesAfter } from 'order-triage/testing';
import { describe, expect, it } from 'vitest';
import { planFullRefunds, planSurplusRefunds } from './plan-surplus-refunds.js';

const plan = (payments: Parameters<typeof buildPayment>[0][], surplus?: number) => {
  const order = OrderSnapshotSchema.parse(buildOrder({ payments: payments.map((p) => buildPayment(p)) }));
  const result = surplus === undefined ? planFullRefunds(order) : planSurplusRefunds(order, surplus);
  return result.refunds.map((r) => [r.balance.payment.id, r.amount]);
};

describe('refund planning', () => {
  it('takes a surplus from the most recently paid payment first, by paidAt, falling back to createdAt', () => {
    expect(plan([{ id: 'early', amount: 5_000, createdAt: minutesAfter(9), paidAt: minutesAfter(1) }, { id: 'late', amount: 5_000, createdAt: minutesAfter(2), paidAt: minutesAfter(2) }], 3_000)).toEqual([['late', 3_000]]);
    expect(plan([{ id: 'a', amount: 5_000, createdAt: minutesAfter(5), status: 'succeeded', paidAt: undefined }, { id: 'b', amount: 5_000, createdAt: minutesAfter(3) }], 3_000)).toEqual([['a', 3_000]]);
  });

  it('breaks a tie in time by the later position in the list', () => {
    expect(plan([{ id: 'first', amount: 5_000 }, { id: 'second', amount: 5_000 }], 1_000)).toEqual([['second', 1_000]]);
  });

  it('refunds nothing for no surplus, and everything refundable for a full refund', () => {
    expect(plan([{ id: 'p', amount: 5_000 }], 0)).toEqual([]);
    expect(plan([{ id: 'p', amount: 5_000 }, { id: 'q', amount: 2_000, createdAt: minutesAfter(3) }])).toEqual([
      ['q', 2_000],
      ['p', 5_000],
    ]);
  });
});
