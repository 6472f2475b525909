import fc from 'fast-check';
import { createTriage, type UserRule } from 'order-triage';
import { GENERATED_NOW, generateOrders } from 'order-triage/testing';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { deepFreeze } from './helpers.js';

// SPEC §6: the same snapshot, context and now give the same output, byte for byte; inputs are
// never mutated. Checked with the clock and randomness stubbed to throw, over generated orders
// from every category, with rules listed in any order and snapshot keys in any order.

const rule = (code: string, value: number): UserRule => ({
  name: code.toLowerCase(),
  conditions: { all: [{ fact: 'order', path: '$.totals.payable', operator: 'greaterThan', value }] },
  event: { type: code, params: { category: 'fraud', severity: 'low', owner: 'risk' } },
});
const rules = [rule('RULE_ALPHA', 10_000), rule('RULE_BETA', 20_000), rule('RULE_GAMMA', 30_000)];
const orders = [...generateOrders({ count: 400, seed: 77, exceptionRate: 0.5 })];

const shuffle = <T>(list: readonly T[], seed: number): T[] => {
  const out = [...list];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1_103_515_245 + 12_345) % 2_147_483_648;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
};
const reorderKeys = (value: unknown, seed: number): unknown => {
  if (Array.isArray(value)) return value.map((v) => reorderKeys(v, seed));
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(shuffle(Object.entries(value), seed).map(([k, v]) => [k, reorderKeys(v, seed + 1)]));
};

describe('determinism and purity over generated orders', () => {
  beforeAll(() => {
    vi.spyOn(Date, 'now').mockImplementation(() => {
      throw new Error('read the clock');
    });
    vi.spyOn(Math, 'random').mockImplementation(() => {
      throw new Error('used randomness');
    });
  });
  afterAll(() => vi.restoreAllMocks());

  it('gives byte-identical output whatever the rule order and key order, and mutates nothing', () => {
    const reference = createTriage({ rules });
    fc.assert(
      fc.property(fc.nat({ max: orders.length - 1 }), fc.nat(), (index, seed) => {
        const order = orders[index];
        const expected = JSON.stringify(reference.evaluate(order, { now: GENERATED_NOW }));
        const shuffled = createTriage({ rules: shuffle(rules, seed) });
        const frozen = deepFreeze(reorderKeys(structuredClone(order), seed));
        const before = JSON.stringify(frozen);
        expect(JSON.stringify(shuffled.evaluate(frozen, { now: GENERATED_NOW }))).toBe(expected);
        expect(JSON.stringify(frozen)).toBe(before);
      }),
      { numRuns: 1_000, seed: 12 },
    );
  });

  it('emits objects with plain prototypes that survive a JSON round trip, for every generated order', () => {
    const triage = createTriage({ rules });
    const isPlain = (value: unknown): boolean => {
      if (typeof value !== 'object' || value === null) return true;
      const proto = Object.getPrototypeOf(value);
      return (proto === Object.prototype || proto === Array.prototype) && Object.values(value).every(isPlain);
    };
    for (const order of orders) {
      const report = triage.evaluate(order, { now: GENERATED_NOW });
      expect(isPlain(report)).toBe(true);
      expect(JSON.parse(JSON.stringify(report))).toEqual(report);
    }
  });
});
