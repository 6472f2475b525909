import { OrderSnapshotSchema } from 'order-triage';
import { buildOrder, buildPayment, minutesAfter } from 'order-triage/testing';
import { describe, expect, it } from 'vitest';
import { planFullRefunds, planSurplusRefunds, reviewUnclearLedger } from './plan-surplus-refunds.js';

const plan = (payments: Parameters<typeof buildPayment>[0][], surplus?: number) => {
  const order = OrderSnapshotSchema.parse(buildOrder({ payments: payments.map((p) => buildPayment(p)) }));
  const result = surplus === undefined ? planFullRefunds(order) : planSurplusRefunds(order, surplus);
  return result.refunds.map((r) => [r.balance.payment.id, r.amount]);
};

describe('refund planning', () => {
  it('takes a surplus from the most recently paid payment first, by paidAt, falling back to createdAt', () => {
    expect(
      plan(
        [
          { id: 'early', amount: 5_000, createdAt: minutesAfter(9), paidAt: minutesAfter(1) },
          { id: 'late', amount: 5_000, createdAt: minutesAfter(2), paidAt: minutesAfter(2) },
        ],
        3_000,
      ),
    ).toEqual([['late', 3_000]]);
    expect(
      plan(
        [
          { id: 'a', amount: 5_000, createdAt: minutesAfter(5), status: 'succeeded', paidAt: undefined },
          { id: 'b', amount: 5_000, createdAt: minutesAfter(3) },
        ],
        3_000,
      ),
    ).toEqual([['a', 3_000]]);
  });

  it('breaks a tie in time by the later position in the list', () => {
    expect(
      plan(
        [
          { id: 'first', amount: 5_000 },
          { id: 'second', amount: 5_000 },
        ],
        1_000,
      ),
    ).toEqual([['second', 1_000]]);
  });

  it('refunds nothing for no surplus, and everything refundable for a full refund', () => {
    expect(plan([{ id: 'p', amount: 5_000 }], 0)).toEqual([]);
    expect(
      plan([
        { id: 'p', amount: 5_000 },
        { id: 'q', amount: 2_000, createdAt: minutesAfter(3) },
      ]),
    ).toEqual([
      ['q', 2_000],
      ['p', 5_000],
    ]);
  });

  it('plans nothing and says the ledger is blocked when a refund of unknown amount was taken, for a surplus and a full refund alike', () => {
    const order = OrderSnapshotSchema.parse(
      buildOrder({ payments: [buildPayment({ id: 'p', amount: 5_000 })], actionsTaken: [{ kind: 'refund', idempotencyKey: 'crm-1', at: minutesAfter(3) }] }),
    );
    expect(planSurplusRefunds(order, 1_000)).toEqual({ refunds: [], blocked: true });
    expect(planFullRefunds(order)).toEqual({ refunds: [], blocked: true });
    const clear = OrderSnapshotSchema.parse(buildOrder({ payments: [buildPayment({ id: 'p', amount: 5_000 })] }));
    expect(planSurplusRefunds(clear, 1_000).blocked).toBe(false);
    expect(planFullRefunds(clear).blocked).toBe(false);
  });

  it('asks finance to reconcile an unclear ledger by hand, never automatically', () => {
    expect(reviewUnclearLedger()).toEqual({
      kind: 'manual_review',
      params: { reason: 'refund_ledger_unclear' },
      owner: 'finance',
      key: ['refund_ledger_unclear'],
      automatable: false,
    });
  });

  it('stops once the surplus is covered, however many payments could still give', () => {
    expect(
      plan(
        [
          { id: 'a', amount: 5_000, createdAt: minutesAfter(1) },
          { id: 'b', amount: 500, createdAt: minutesAfter(2) },
          { id: 'c', amount: 5_000, createdAt: minutesAfter(3) },
        ],
        5_000,
      ),
    ).toEqual([['c', 5_000]]);
    expect(
      plan(
        [
          { id: 'a', amount: 5_000, createdAt: minutesAfter(1) },
          { id: 'b', amount: 500, createdAt: minutesAfter(2) },
          { id: 'c', amount: 5_000, createdAt: minutesAfter(3) },
        ],
        5_200,
      ),
    ).toEqual([
      ['c', 5_000],
      ['b', 200],
    ]);
  });
});
