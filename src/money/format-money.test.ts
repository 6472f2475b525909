import fc from 'fast-check';
import { createCurrencyDigits, currencyDigits, formatMoney, toDecimalString } from 'order-triage';
import { describe, expect, it } from 'vitest';
import { moneyFormatter } from './format-money.js';

describe('money formatting', () => {
  it('knows each currency’s minor digits: none for JPY, three for KWD', () => {
    expect([currencyDigits('CNY'), currencyDigits('JPY'), currencyDigits('KWD')]).toEqual([2, 0, 3]);
  });

  it('reads a code outside ISO 4217 (only a trusted snapshot can carry one) with two digits', () => {
    expect([currencyDigits('XYZ'), currencyDigits('toString'), toDecimalString(20_900, 'XYZ')]).toEqual([2, 2, '209.00']);
  });

  it('writes minor units as an exact decimal without floating point', () => {
    expect(toDecimalString(12_999, 'CNY')).toBe('129.99');
    expect(toDecimalString(5, 'CNY')).toBe('0.05');
    expect(toDecimalString(1_500, 'JPY')).toBe('1500');
    expect(toDecimalString(1_005, 'KWD')).toBe('1.005');
    expect(toDecimalString(5, 'CLF')).toBe('0.0005');
    expect([toDecimalString(0, 'CNY'), toDecimalString(0, 'JPY'), toDecimalString(-5, 'CNY'), toDecimalString(-1_500, 'JPY')]).toEqual(['0.00', '0', '-0.05', '-1500']);
    expect(toDecimalString(Number.MAX_SAFE_INTEGER, 'USD')).toBe('90071992547409.91');
  });

  it('writes the digits it is given instead of the currency’s own', () => {
    expect([toDecimalString(20_900, 'IDR', 0), toDecimalString(20_900, 'JPY', 2), toDecimalString(7, 'USD', 3)]).toEqual(['20900', '209.00', '0.007']);
    expect([formatMoney(20_900, 'IDR', 'en', 0), formatMoney(1_500, 'JPY', 'en', 2)]).toEqual(['IDR\u00a020,900', '¥15.00']);
  });

  it('formats for the reader’s locale, exactly even for the largest safe amount', () => {
    expect(formatMoney(12_999, 'CNY', 'zh-CN')).toBe('¥129.99');
    expect(formatMoney(12_999, 'USD', 'en')).toBe('$129.99');
    expect(formatMoney(1_500, 'JPY', 'en')).toBe('¥1,500');
    expect(formatMoney(1_005, 'KWD', 'en')).toBe('KWD\u00a01.005'); // Intl separates code and amount with a no-break space
    expect(formatMoney(Number.MAX_SAFE_INTEGER, 'USD', 'en')).toBe('$90,071,992,547,409.91');
  });

  it('resolves a shop’s digits: its overrides first, ISO 4217 for the rest, unchanged by later edits of the overrides', () => {
    const overrides: Record<string, { digits: number }> = { IDR: { digits: 0 }, USD: { digits: 3 } };
    const digitsOf = createCurrencyDigits(overrides);
    overrides.IDR = { digits: 4 };
    overrides.JPY = { digits: 2 };
    expect(['IDR', 'USD', 'JPY', 'KWD', 'CLF'].map(digitsOf)).toEqual([0, 3, 0, 3, 4]);
    expect(createCurrencyDigits()('IDR')).toBe(2);
    expect(createCurrencyDigits(Object.create({ IDR: { digits: 0 } }) as never)('IDR')).toBe(2); // inherited keys are not overrides
  });
});

describe('money formatting, remembered', () => {
  const locale = fc.constantFrom('zh-CN', 'en', 'en-US', 'de-DE', 'ja-JP', 'ar-EG', 'fr');
  const currency = fc.constantFrom('CNY', 'USD', 'JPY', 'KWD', 'EUR', 'IDR', 'CLF', 'XYZ', 'SLE');
  const amount = fc.oneof(fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.maxSafeInteger(), fc.constant(-0));
  const digits = fc.integer({ min: 0, max: 4 });

  /** The text without any memo: a new Intl.NumberFormat for every amount. */
  function fresh(minor: number, code: string, at: string, fixed: number): string {
    const decimal = toDecimalString(minor, code, fixed);
    try {
      return new Intl.NumberFormat(at, { style: 'currency', currency: code, minimumFractionDigits: fixed, maximumFractionDigits: fixed }).format(decimal as unknown as number);
    } catch {
      return `${code} ${decimal}`;
    }
  }

  it('writes what a new Intl.NumberFormat writes, for any amounts in any order, again, and past the texts it keeps', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(amount, currency, locale, digits), { minLength: 1, maxLength: 1_200 }), (reads) => {
        for (const [minor, code, at, fixed] of [...reads, ...reads.slice().reverse()]) {
          expect(formatMoney(minor, code, at, fixed)).toBe(fresh(minor, code, at, fixed));
          expect(moneyFormatter(at, code, fixed)(minor)).toBe(fresh(minor, code, at, fixed));
        }
      }),
      { numRuns: 60, seed: 20 },
    );
  });

  it('writes the same texts after more amounts than one formatter keeps', () => {
    const amounts = Array.from({ length: 3_000 }, (_, i) => i * 7 - 9_000);
    const first = amounts.map((minor) => formatMoney(minor, 'USD', 'en'));
    expect(amounts.map((minor) => formatMoney(minor, 'USD', 'en'))).toEqual(first);
    expect(first).toEqual(amounts.map((minor) => fresh(minor, 'USD', 'en', 2)));
  });

  it('formats the same amount of one currency differently for each locale and digits, never one for the other', () => {
    expect([formatMoney(12_999, 'CNY', 'zh-CN'), formatMoney(12_999, 'CNY', 'en'), formatMoney(12_999, 'CNY', 'en', 0), formatMoney(12_999, 'CNY', 'zh-CN')]).toEqual([
      '¥129.99',
      'CN¥129.99',
      'CN¥12,999',
      '¥129.99',
    ]);
    expect([moneyFormatter('en', 'USD', 2)(150), moneyFormatter('en', 'JPY', 2)(150)]).toEqual(['$1.50', '¥1.50']);
  });
  it('is not changed for later callers by a JavaScript caller passing digits as a string or a locale holding the key separator', () => {
    formatMoney(1, 'JPY', 'zh-CN', '0' as unknown as number);
    expect(formatMoney(20_900, 'JPY', 'zh-CN', 0)).toBe(fresh(20_900, 'JPY', 'zh-CN', 0));
    expect(formatMoney(150, 'JPY', 'en', 0)).toBe('¥150');
    expect(formatMoney(150, 'JPY', 'en', '0' as unknown as number)).toBe(fresh(150, 'JPY', 'en', '0' as unknown as number));
    expect(formatMoney(150, 'B', 'en|A')).toBe('B 1.50');
    expect(formatMoney(150, 'A|B', 'en')).toBe('A|B 1.50');
  });
});
