import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gatewayFailedRefunds, parseRefundKey } from './refund-key.js';

// gatewayFailedRefunds as it was before orders without a failed refund took a shortcut (docs/benchmarks.md, "Third round").
function reference(order: Parameters<typeof gatewayFailedRefunds>[0]): Set<string> {
  const failed = new Set<string>();
  const live = new Set<string>();
  for (const r of order.refunds ?? []) {
    if (r.paymentId === undefined) continue;
    (r.status === 'failed' ? failed : live).add(`${r.paymentId}|${r.amount}`);
  }
  const keys = new Set<string>();
  if (failed.size === 0) return keys;
  for (const action of order.actionsTaken ?? []) {
    if (action.status === 'failed') continue;
    const ours = parseRefundKey(action.idempotencyKey, order.id);
    const slot = ours === undefined ? undefined : `${ours.paymentId}|${ours.amount}`;
    if (slot !== undefined && failed.has(slot) && !live.has(slot)) keys.add(action.idempotencyKey);
  }
  return keys;
}

describe('gatewayFailedRefunds', () => {
  const payment = fc.constantFrom('pay_1', 'pay_2', undefined);
  const amount = fc.constantFrom(100, 20_900);
  const status = fc.constantFrom('failed', 'succeeded', 'pending', undefined);
  const refund = fc.record({ paymentId: payment, amount, status: fc.constantFrom('failed', 'succeeded', 'pending') });
  const action = fc
    .record({ payment: fc.constantFrom('pay_1', 'pay_2'), amount, status, order: fc.constantFrom('ORD-1', 'ORD-2'), kind: fc.constantFrom('refund', 'coupon') })
    .map((a) => ({ kind: a.kind, idempotencyKey: `${a.order}/${a.kind}/${a.payment}/${a.amount}`, ...(a.status === undefined ? {} : { status: a.status }) }));
  const order = fc.record({
    refunds: fc.option(fc.array(refund, { maxLength: 4 }), { nil: undefined }),
    actionsTaken: fc.option(fc.array(action, { maxLength: 4 }), { nil: undefined }),
  });

  it('finds the refunds the gateway reports failed as before, with or without a failed refund on the order', () => {
    fc.assert(
      fc.property(order, ({ refunds, actionsTaken }) => {
        const snapshot = { id: 'ORD-1', ...(refunds === undefined ? {} : { refunds }), ...(actionsTaken === undefined ? {} : { actionsTaken }) };
        expect([...gatewayFailedRefunds(snapshot)]).toStrictEqual([...reference(snapshot)]);
      }),
      { numRuns: 3_000, seed: 20 },
    );
  });
});
