import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { listFormat } from './list-format.js';

describe('listFormat', () => {
  const kinds = [
    ['en', 'conjunction'],
    ['en', 'disjunction'],
    ['zh-CN', 'conjunction'],
    ['zh-CN', 'disjunction'],
  ] as const;
  const formats = kinds.map(([locale, type]) => ({ ours: listFormat(locale, type), intl: new Intl.ListFormat(locale, { type }) }));
  // Items that could run into each other in a key: digits, colons, empty texts, and any text.
  const item = fc.oneof(fc.constantFrom('', ':', '1:', '1:a', 'a', '电话', '短信'), fc.string({ maxLength: 6 }), fc.string({ unit: fc.constantFrom('1', ':', 'a'), maxLength: 5 }));

  it('joins any lists as Intl.ListFormat does, read once or again, past the texts it keeps', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.array(item, { maxLength: 5 })), { minLength: 1, maxLength: 700 }), (reads) => {
        for (const [which, items] of [...reads, ...reads.slice().reverse()]) {
          const { ours, intl } = formats[which] as (typeof formats)[number];
          expect(ours.format(items)).toBe(intl.format(items));
        }
      }),
      { numRuns: 100, seed: 20 },
    );
  });

  it('joins the same texts after more lists than it keeps', () => {
    const { ours, intl } = formats[1] as (typeof formats)[number];
    const lists = Array.from({ length: 1_500 }, (_, i) => [`a${i}`, String(i % 7), 'b']);
    const first = lists.map((items) => ours.format(items));
    expect(lists.map((items) => ours.format(items))).toEqual(first);
    expect(first).toEqual(lists.map((items) => intl.format(items)));
  });

  it('throws the TypeError Intl.ListFormat throws for a list holding a non-string, every time', () => {
    const { ours } = formats[0] as (typeof formats)[number];
    for (let i = 0; i < 2; i++) expect(() => ours.format(['a', 1 as unknown as string])).toThrow(TypeError);
  });
});
