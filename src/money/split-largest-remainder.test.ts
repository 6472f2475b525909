import fc from 'fast-check';
import { splitByLargestRemainder } from 'order-triage';
import { describe, expect, it } from 'vitest';

describe('splitByLargestRemainder', () => {
  it('gives the leftover units to the largest remainders, ties to the first', () => {
    expect(splitByLargestRemainder(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(splitByLargestRemainder(10, [3, 3, 4])).toEqual([3, 3, 4]);
    expect(splitByLargestRemainder(5, [2, 1])).toEqual([3, 2]);
  });

  it('always sums exactly to the total, with parts within one unit of their exact share', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), fc.array(fc.integer({ min: 0, max: 10 ** 12 }), { minLength: 1, maxLength: 6 }), (total, weights) => {
        const parts = splitByLargestRemainder(total, weights);
        const sum = weights.reduce((a, b) => a + b, 0);
        if (sum === 0) return expect(parts.every((p) => p === 0)).toBe(true);
        expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
        parts.forEach((part, i) => {
          expect(Number.isSafeInteger(part)).toBe(true);
          const exact = (BigInt(total) * BigInt(weights[i] as number)) / BigInt(sum);
          expect(BigInt(part) - exact >= 0n && BigInt(part) - exact <= 1n).toBe(true);
        });
      }),
      { numRuns: 2_000, seed: 11 },
    );
  });

  it('refuses amounts that are not safe non-negative integers, saying which', () => {
    for (const total of [10.5, -1, Number.MAX_SAFE_INTEGER + 1]) {
      expect(() => splitByLargestRemainder(total, [1])).toThrow(new RangeError('total must be a non-negative safe integer'));
    }
    for (const weight of [-1, 0.5]) {
      expect(() => splitByLargestRemainder(10, [1, weight])).toThrow(new RangeError('weights must be non-negative safe integers'));
    }
  });

  it('gives every part 0 when all weights are 0', () => {
    expect(splitByLargestRemainder(10, [0, 0, 0])).toEqual([0, 0, 0]);
  });

  it('gives a leftover unit to the larger remainder wherever it stands, and to the first of equal ones', () => {
    // Shares 1.5 + 2.5 + 1 = 5 units of 6: remainders .5, .5, 0 → the first .5 gets it.
    expect(splitByLargestRemainder(5, [3, 5, 2])).toEqual([2, 2, 1]);
    // Shares 0.3, 0.6, 0.1 of 1: only the middle one, the largest remainder, gets the unit.
    expect(splitByLargestRemainder(1, [3, 6, 1])).toEqual([0, 1, 0]);
    expect(splitByLargestRemainder(2, [6, 3, 1])).toEqual([1, 1, 0]);
  });
});
