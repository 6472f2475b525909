import { addHours as dfAddHours, addMinutes as dfAddMinutes } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addHours, addMinutes } from './add-time.js';

describe('addMinutes and addHours', () => {
  const instant = fc.integer({ min: 0, max: 4_102_444_800_000 });
  const amount = fc.oneof(fc.integer({ min: -5_256_000, max: 5_256_000 }), fc.double({ min: -1e6, max: 1e6, noNaN: true }));
  const asInput = fc.boolean();

  it('give the same instant as date-fns for any instant (number or Date) and any amount', () => {
    fc.assert(
      fc.property(instant, amount, asInput, (t, n, asDate) => {
        const input = asDate ? new Date(t) : t;
        expect(addMinutes(input, n).getTime()).toStrictEqual(dfAddMinutes(input, n).getTime());
        expect(addHours(input, n).getTime()).toStrictEqual(dfAddHours(input, n).getTime());
      }),
      { numRuns: 5_000, seed: 1 },
    );
  });

  it('give an invalid date where date-fns does (an invalid instant or an out-of-range sum)', () => {
    for (const [t, n] of [
      [Number.NaN, 5],
      [8.64e15, 1],
      [0, Number.POSITIVE_INFINITY],
    ] as const) {
      expect(Number.isNaN(addMinutes(t, n).getTime())).toBe(Number.isNaN(dfAddMinutes(t, n).getTime()));
      expect(Number.isNaN(addHours(t, n).getTime())).toBe(Number.isNaN(dfAddHours(t, n).getTime()));
    }
  });

  it('do not change the Date they are given', () => {
    const d = new Date(1_700_000_000_000);
    addMinutes(d, 30);
    addHours(d, 2);
    expect(d.getTime()).toBe(1_700_000_000_000);
  });
});
