import { differenceInMinutes } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { minutesBetween } from './elapsed.js';

describe('minutesBetween', () => {
  it('equals date-fns differenceInMinutes for any two instants, sign and -0 included', () => {
    const instant = fc.integer({ min: 0, max: 4_102_444_800_000 });
    fc.assert(
      fc.property(instant, instant, (a, b) => {
        expect(Object.is(minutesBetween(a, b), differenceInMinutes(a, b))).toBe(true);
      }),
      { numRuns: 5_000, seed: 1 },
    );
    expect(Object.is(minutesBetween(0, 30_000), differenceInMinutes(0, 30_000))).toBe(true);
  });
});
