import { toDecimalString } from './currency-digits.js';

const formatters = new Map<string, Intl.NumberFormat>();

/**
 * Formats minor units as money for a reader of `locale`, exactly (the amount is passed to Intl
 * as a decimal string, never a float).
 *
 * @example
 * formatMoney(12999, 'CNY', 'zh-CN') //=> '¥129.99'
 * formatMoney(1500, 'JPY', 'en') //=> '¥1,500'
 */
export function formatMoney(minor: number, currency: string, locale: string): string {
  const key = `${locale}|${currency}`;
  let formatter = formatters.get(key);
  if (formatter === undefined) {
    formatter = new Intl.NumberFormat(locale, { style: 'currency', currency });
    formatters.set(key, formatter);
  }
  // Intl.NumberFormat formats decimal strings exactly (ECMA-402 NumberFormat v3).
  return formatter.format(toDecimalString(minor, currency) as unknown as number);
}
