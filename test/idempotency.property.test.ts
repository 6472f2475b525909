import fc from 'fast-check';
import { createTriage, type OrderSnapshotInput } from 'order-triage';
import { allScenarios, expectReport, minutesAfter } from 'order-triage/testing';
import { describe, expect, it } from 'vitest';

const triage = createTriage();
const makers = allScenarios;

// An order from any scenario, changed the ways real orders differ: id, amounts, customer tier,
// time of evaluation, prior coupons.
const generated = fc
  .record({
    maker: fc.constantFrom(...makers),
    id: fc.stringMatching(/^[A-Za-z0-9/_-]{1,12}$/),
    extraMinutes: fc.integer({ min: 0, max: 6 * 24 * 60 }),
    scale: fc.integer({ min: 1, max: 5 }),
    tier: fc.constantFrom('new' as const, 'regular' as const, 'vip' as const, undefined),
    couponGiven: fc.option(fc.integer({ min: 0, max: 6_000 }), { nil: undefined }),
  })
  .map(({ maker, id, extraMinutes, scale, tier, couponGiven }) => {
    const s = maker();
    const order: OrderSnapshotInput = {
      ...s.order,
      id,
      payments: s.order.payments.map((p) => ({ ...p, amount: p.amount * scale })),
      customer: { ...s.order.customer, ...(tier === undefined ? {} : { tier }) },
      ...(couponGiven === undefined ? {} : { actionsTaken: [{ kind: 'coupon', idempotencyKey: `crm-${id}`, at: minutesAfter(1), amount: couponGiven }] }),
    };
    return { order, now: new Date(Date.parse(s.now) + extraMinutes * 60_000).toISOString(), context: s.context ?? {} };
  });

const keysOf = (x: { order: OrderSnapshotInput; now: string; context: object }) =>
  expectReport(triage.evaluate(x.order, { now: x.now, ...x.context })).actions.map((a) => a.idempotencyKey);

describe('idempotency keys over generated orders', () => {
  it('are the same on every run and whatever order the snapshot’s keys come in, and unique within an order', () => {
    fc.assert(
      fc.property(generated, (x) => {
        const keys = keysOf(x);
        const reordered = Object.fromEntries(Object.entries(x.order).reverse()) as OrderSnapshotInput;
        expect(keysOf({ ...x, order: reordered })).toEqual(keys);
        expect(keysOf(structuredClone(x))).toEqual(keys);
        expect(new Set(keys).size).toBe(keys.length);
      }),
      { numRuns: 2_000, seed: 5 },
    );
  });

  it('are distinct across distinct orders', () => {
    fc.assert(
      fc.property(fc.uniqueArray(generated, { minLength: 2, maxLength: 12, selector: (x) => x.order.id }), (orders) => {
        const all = orders.flatMap(keysOf);
        expect(new Set(all).size).toBe(all.length);
      }),
      { numRuns: 300, seed: 6 },
    );
  });

  it('are never recommended again once the backend has recorded them as taken', () => {
    fc.assert(
      fc.property(generated, (x) => {
        const first = expectReport(triage.evaluate(x.order, { now: x.now, ...x.context }));
        const taken = first.actions.map((a) => ({
          kind: a.kind,
          idempotencyKey: a.idempotencyKey,
          at: x.now,
          ...('amount' in a.params && typeof a.params.amount === 'number' ? { amount: a.params.amount } : {}),
        }));
        const order = { ...x.order, actionsTaken: [...(x.order.actionsTaken ?? []), ...taken] };
        const again = expectReport(triage.evaluate(order, { now: x.now, ...x.context }));
        const before = new Set(first.actions.map((a) => a.idempotencyKey));
        for (const action of again.actions) expect(before.has(action.idempotencyKey)).toBe(false);
      }),
      { numRuns: 1_000, seed: 7 },
    );
  });
});
