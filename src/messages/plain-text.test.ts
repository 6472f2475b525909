import { describe, expect, it } from 'vitest';
import { plainText, quoteText, quoteValues } from './plain-text.js';

describe('plain text', () => {
  it('turns line breaks, tabs and separators into spaces and removes every other control and bidi character', () => {
    expect(plainText('a\nb\r\nc\td\u2028e\u2029f\u0085g')).toBe('a b  c d e f g');
    expect(plainText('x\u0000\u0007\u001B[31m\u007F\u0080\u009By')).toBe('x[31my');
    expect(plainText('\u202Aa\u202B\u202C\u202D\u202Eb\u2066\u2067\u2068\u2069\u200E\u200F\u061Cc')).toBe('abc');
  });

  it('removes invisible format characters that can hide text, and keeps the zero-width joiner emoji need', () => {
    expect(plainText('a\u00ADb\u180Ec\u200Bd\u2060e\u2064f\uFEFFg\uFFF9h\uFFFBi\u{E0001}j\u{E0041}\u{E007F}k')).toBe('abcdefghijk');
    expect(plainText('👩\u200D💻')).toBe('👩\u200D💻');
  });

  it('writes a lone surrogate as U+FFFD and keeps pairs', () => {
    expect(plainText('\uD800a\uDC00\uD83D\uDE00\uDBFF')).toBe('\uFFFDa\uFFFD\uD83D\uDE00\uFFFD');
  });

  it('quotes at most 200 code units and an ellipsis, never splitting a surrogate pair', () => {
    expect(quoteText('y'.repeat(200))).toBe('y'.repeat(200));
    expect(quoteText('y'.repeat(201))).toBe(`${'y'.repeat(200)}…`);
    expect(quoteText(`${'y'.repeat(199)}😀z`)).toBe(`${'y'.repeat(199)}…`);
    expect(quoteText(`\u202E${'y'.repeat(200)}`)).toBe('y'.repeat(200));
  });

  it('quotes every string inside arrays and plain objects, leaving the input as it was', () => {
    const input = { sku: 'A\u202E', units: 2, skus: ['B\n'], kit: { money: (n: number) => String(n) } };
    const quoted = quoteValues(input);
    expect(quoted).toMatchObject({ sku: 'A', units: 2, skus: ['B '] });
    expect(quoted.kit.money(3)).toBe('3');
    expect(input.sku).toBe('A\u202E');
  });
});
