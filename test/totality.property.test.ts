import fc from 'fast-check';
import { createTriage, type OrderSnapshotInput } from 'order-triage';
import { allScenarios, minutesAfter, paymentScenarios } from 'order-triage/testing';
import { describe, expect, it } from 'vitest';
import { anything, replaceOneValue } from './arbitraries.js';

// SPEC §6: bad input gives a structured error naming the field path, never an uncaught throw;
// one bad order in a batch never stops the others.

const triage = createTriage();
const now = minutesAfter(60);
const scenarios = allScenarios;

/** A valid snapshot with one value somewhere inside it replaced by anything at all. */
const mutated = fc
  .tuple(fc.constantFrom(...scenarios), fc.nat(), anything)
  .map(([make, pick, replacement]) => replaceOneValue(make().order, pick, replacement) as OrderSnapshotInput);

function expectStructured(result: ReturnType<typeof triage.evaluate>): void {
  if (result.ok) return;
  expect(['invalid_snapshot', 'input_too_large']).toContain(result.error.code);
  expect(result.error.issues.length).toBeGreaterThan(0);
  for (const issue of result.error.issues) {
    expect(Array.isArray(issue.path)).toBe(true);
    expect(typeof issue.message).toBe('string');
  }
}

describe('totality', () => {
  it('answers 6,000 arbitrary values (null prototypes, bigints, dates, sparse arrays, maps…) with a report or a structured error', () => {
    fc.assert(
      fc.property(anything, (input) => {
        expectStructured(triage.evaluate(input, { now }));
      }),
      { numRuns: 6_000, seed: 808 },
    );
  });

  it('answers 5,000 valid snapshots with one value replaced by anything, never throwing', () => {
    fc.assert(
      fc.property(mutated, (order) => {
        const result = triage.evaluate(order, { now });
        expectStructured(result);
        if (result.ok) expect(JSON.parse(JSON.stringify(result))).toEqual(result);
      }),
      { numRuns: 5_000, seed: 809 },
    );
  });

  it('keeps a batch going past every bad order', async () => {
    // Each order its own id: copies of one order count once in the summary (test/batch-arguments.test.ts).
    const distinct = (value: unknown, i: number) =>
      typeof value === 'object' && value !== null && typeof (value as { id?: unknown }).id === 'string' && (value as { id: string }).id !== ''
        ? { ...value, id: `${(value as { id: string }).id}-${i}` }
        : value;
    const orders = fc.sample(fc.oneof(mutated, anything), { numRuns: 300, seed: 810 }).map(distinct);
    const seen: boolean[] = [];
    const batch = await triage.evaluateBatch(orders, { now, keepReports: false, onReport: (r) => seen.push(r.ok) });
    expect(seen).toHaveLength(300);
    expect(batch.summary.orders).toBe(300);
    expect(batch.summary.invalid).toBe(seen.filter((ok) => !ok).length);
  });
});

describe('size guards', () => {
  const timed = (input: unknown) => {
    const started = performance.now();
    const result = triage.evaluate(input, { now });
    return { result, ms: performance.now() - started };
  };

  it('refuse 10,000-deep nesting with a structured error, without overflowing the stack', () => {
    let deep: Record<string, unknown> = {};
    const root = { ...paymentScenarios.clean().order, remark: deep } as Record<string, unknown>;
    for (let i = 0; i < 10_000; i++) deep = (deep.next = {}) as Record<string, unknown>;
    const { result } = timed(root);
    expect(result).toMatchObject({ ok: false, orderId: 'ORD-1001', error: { code: 'input_too_large' } });
    expect(!result.ok && result.error.issues[0]?.message).toBe('nested deeper than 16 levels');
  });

  it('refuse a 10 MB string, naming its path', () => {
    const big = { ...paymentScenarios.clean().order, remark: 'x'.repeat(10 * 1024 * 1024) };
    const { result } = timed(big);
    expect(result).toMatchObject({ ok: false, error: { code: 'input_too_large', issues: [{ path: ['remark'], message: 'string longer than 100000 characters' }] } });
  });

  it('refuse a huge array and a self-referencing object', () => {
    const wide = { ...paymentScenarios.clean().order, items: Array.from({ length: 20_000 }, () => ({ sku: 'A', quantity: 1, unitPrice: 1 })) };
    expect(timed(wide).result).toMatchObject({ ok: false, error: { code: 'input_too_large', issues: [{ path: ['items'] }] } });
    const cyclic = { ...paymentScenarios.clean().order } as Record<string, unknown>;
    cyclic.self = cyclic;
    expect(timed(cyclic).result).toMatchObject({ ok: false, error: { code: 'input_too_large', issues: [{ path: ['self'] }] } });
  });
});
