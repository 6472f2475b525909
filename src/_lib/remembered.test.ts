import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keptOrMade, rememberTexts } from './remembered.js';

describe('rememberTexts', () => {
  it('answers what the function answers for any numbers in any order, past the texts it keeps', () => {
    let calls = 0;
    const write = (n: number) => {
      calls++;
      return `#${n}`;
    };
    const remembered = rememberTexts(write, 8);
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer({ min: -20, max: 20 }), fc.double()), { maxLength: 60 }), (values) => {
        for (const n of [...values, ...values]) expect(remembered(n)).toBe(write(n));
      }),
      { numRuns: 200, seed: 20 },
    );
    expect(calls).toBeGreaterThan(0);
  });

  it('writes a number it still keeps only once, and anything but a number every time', () => {
    const seen: unknown[] = [];
    const remembered = rememberTexts((n) => {
      seen.push(n);
      return String(n);
    }, 4);
    remembered(1);
    remembered(1);
    remembered('1' as unknown as number);
    remembered('1' as unknown as number);
    expect(seen).toEqual([1, '1', '1']);
  });
});

describe('keptOrMade', () => {
  it('makes a value once per key, keeps at most the bound, and lets the oldest go first', () => {
    const map = new Map<string, number>();
    let made = 0;
    const get = (key: string) => keptOrMade(map, key, 3, () => ++made);
    expect([get('a'), get('b'), get('a'), get('c')]).toEqual([1, 2, 1, 3]);
    expect(get('d')).toBe(4);
    expect([...map.keys()]).toEqual(['b', 'c', 'd']);
    expect(get('a')).toBe(5);
    expect(map.size).toBe(3);
  });
});
