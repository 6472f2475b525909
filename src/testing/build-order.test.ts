import { createTriage, OrderSnapshotSchema } from 'order-triage';
import { buildOrder, buildPayment, paymentScenarios } from 'order-triage/testing';
import { describe, expect, it } from 'vitest';

describe('order-triage/testing', () => {
  it('builds a valid, clean order by default', () => {
    const order = buildOrder();
    expect(OrderSnapshotSchema.safeParse(order).success).toBe(true);
    const result = createTriage().evaluate(order, { now: '2026-03-01T12:00:00+08:00' });
    expect(result).toMatchObject({ ok: true, orderId: 'ORD-1001', findings: [], actions: [] });
  });

  it('derives totals from the items and the default payment from the total', () => {
    const order = buildOrder({ items: [{ sku: 'A', quantity: 3, unitPrice: 1_000 }], totals: { shipping: 0, discount: 500 } });
    expect(order.totals).toEqual({ items: 3_000, shipping: 0, discount: 500, payable: 2_500 });
    expect(order.payments).toEqual([buildPayment({ amount: 2_500 })]);
  });

  it('gives every payment scenario a valid snapshot', () => {
    for (const make of Object.values(paymentScenarios)) expect(OrderSnapshotSchema.safeParse(make().order).success).toBe(true);
  });
});
