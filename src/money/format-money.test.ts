import { currencyDigits, formatMoney, toDecimalString } from 'order-triage';
import { describe, expect, it } from 'vitest';

describe('money formatting', () => {
  it('knows each currency’s minor digits: none for JPY, three for KWD', () => {
    expect([currencyDigits('CNY'), currencyDigits('JPY'), currencyDigits('KWD')]).toEqual([2, 0, 3]);
  });

  it('writes minor units as an exact decimal without floating point', () => {
    expect(toDecimalString(12_999, 'CNY')).toBe('129.99');
    expect(toDecimalString(5, 'CNY')).toBe('0.05');
    expect(toDecimalString(1_500, 'JPY')).toBe('1500');
    expect(toDecimalString(1_005, 'KWD')).toBe('1.005');
    expect(toDecimalString(Number.MAX_SAFE_INTEGER, 'USD')).toBe('90071992547409.91');
  });

  it('formats for the reader’s locale, exactly even for the largest safe amount', () => {
    expect(formatMoney(12_999, 'CNY', 'zh-CN')).toBe('¥129.99');
    expect(formatMoney(12_999, 'USD', 'en')).toBe('$129.99');
    expect(formatMoney(1_500, 'JPY', 'en')).toBe('¥1,500');
    expect(formatMoney(1_005, 'KWD', 'en')).toBe('KWD\u00a01.005'); // Intl separates code and amount with a no-break space
    expect(formatMoney(Number.MAX_SAFE_INTEGER, 'USD', 'en')).toBe('$90,071,992,547,409.91');
  });
});
