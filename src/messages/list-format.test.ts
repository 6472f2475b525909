import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ListLocale, type ListType, listFormat } from './list-format.js';

const KINDS: [ListLocale, ListType][] = [
  ['en', 'conjunction'],
  ['en', 'disjunction'],
  ['zh-CN', 'conjunction'],
  ['zh-CN', 'disjunction'],
];

/** What Intl.ListFormat answers: its text, or the error it throws. */
function intlAnswer(locale: ListLocale, type: ListType, items: unknown): { text?: string; error?: string } {
  try {
    return { text: new Intl.ListFormat(locale, { type }).format(items as Iterable<string>) };
  } catch (error) {
    return { error: `${(error as Error).name}: ${(error as Error).message}` };
  }
}

function ownAnswer(locale: ListLocale, type: ListType, items: unknown): { text?: string; error?: string } {
  try {
    return { text: listFormat(locale, type).format(items as Iterable<string>) };
  } catch (error) {
    return { error: `${(error as Error).name}: ${(error as Error).message}` };
  }
}

describe('listFormat', () => {
  it('joins any list of strings as Intl.ListFormat does, in both locales and both list types', () => {
    const text = fc.oneof(fc.string({ maxLength: 6 }), fc.string({ unit: 'binary', maxLength: 4 }), fc.constantFrom('', '{0}', '{1}', ', and ', '和', '、', ' or '));
    for (const [locale, type] of KINDS)
      fc.assert(
        fc.property(fc.array(text, { maxLength: 7 }), (items) => {
          expect(ownAnswer(locale, type, items)).toStrictEqual(intlAnswer(locale, type, items));
        }),
        { numRuns: 1_000, seed: 20 },
      );
  });

  it('answers anything but an array of strings as Intl.ListFormat does, throwing where it throws', () => {
    const odd = fc.oneof(
      fc.array(fc.oneof(fc.string({ maxLength: 3 }), fc.anything({ maxDepth: 0 })), { maxLength: 4 }),
      fc.constantFrom(undefined, 'abc', new Set(['a', 'b']), [, 'a'], [1, 2]),
    );
    for (const [locale, type] of KINDS)
      fc.assert(
        fc.property(odd, (items) => {
          expect(ownAnswer(locale, type, items)).toStrictEqual(intlAnswer(locale, type, items));
        }),
        { numRuns: 300, seed: 20 },
      );
  });

  it('reads an array with an iterator of its own through that iterator, as Intl.ListFormat does', () => {
    const items = Object.assign(['x', 'y'], {
      *[Symbol.iterator]() {
        yield 'z';
      },
    });
    for (const [locale, type] of KINDS) expect(ownAnswer(locale, type, items)).toStrictEqual(intlAnswer(locale, type, items));
    expect(listFormat('en', 'conjunction').format(items)).toBe('z');
  });

  it('says the texts of the built-in catalogues as before: lists of two and three', () => {
    expect(listFormat('en', 'conjunction').format(['phone', 'address', 'device'])).toBe('phone, address, and device');
    expect(listFormat('en', 'disjunction').format(['SMS', 'phone'])).toBe('SMS or phone');
    expect(listFormat('zh-CN', 'conjunction').format(['手机', '地址', '设备'])).toBe('手机、地址和设备');
    expect(listFormat('zh-CN', 'disjunction').format(['短信', '电话'])).toBe('短信或电话');
  });
});
