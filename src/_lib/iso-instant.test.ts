import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoInstant } from './iso-instant.js';

describe('isoInstant', () => {
  const instant = fc.oneof(
    fc.integer({ min: -8.64e15, max: 8.64e15 }),
    fc.integer({ min: 1_700_000_000_000, max: 1_700_000_100_000 }),
    fc.double({ noNaN: true, min: -1e13, max: 1e13 }),
  );

  it('writes what new Date(ms).toISOString() writes, for any instant read once or again, past the texts it keeps', () => {
    fc.assert(
      fc.property(fc.array(instant, { minLength: 1, maxLength: 1_500 }), (instants) => {
        for (const ms of [...instants, ...instants.slice().reverse()]) expect(isoInstant(ms)).toBe(new Date(ms).toISOString());
      }),
      { numRuns: 200, seed: 20 },
    );
  });

  it('throws the RangeError toISOString throws for an instant outside the Date range, every time', () => {
    for (const ms of [Number.NaN, 8.64e15 + 1, Number.POSITIVE_INFINITY, -8.64e15 - 1]) {
      expect(() => new Date(ms).toISOString()).toThrow(RangeError);
      expect(() => isoInstant(ms)).toThrow(RangeError);
      expect(() => isoInstant(ms)).toThrow(RangeError);
    }
  });
});
