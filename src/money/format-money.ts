import { currencyDigits, toDecimalString } from './currency-digits.js';

const formatters = new Map<string, Intl.NumberFormat | null>();

/** A currency formatter with exactly `digits` decimals, or null when this runtime's Intl refuses the code. */
function formatterFor(locale: string, currency: string, digits: number): Intl.NumberFormat | null {
  const key = `${locale}|${currency}|${digits}`;
  let formatter = formatters.get(key);
  if (formatter === undefined) {
    try {
      formatter = new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: digits, maximumFractionDigits: digits });
    } catch {
      formatter = null;
    }
    formatters.set(key, formatter);
  }
  return formatter;
}

/**
 * Formats minor units as money for a reader of `locale`, exactly (the amount is passed to Intl
 * as a decimal string, never a float). The number of decimals is the currency's ISO 4217 minor
 * unit (or `digits`, a shop's override), never the runtime's own idea of the currency, so the
 * text is the same in every runtime. When the runtime's Intl does not know the code, the text is
 * `CODE amount` (`SLE 12.34`).
 *
 * @example
 * formatMoney(12999, 'CNY', 'zh-CN') //=> '¥129.99'
 * formatMoney(1500, 'JPY', 'en') //=> '¥1,500'
 * formatMoney(20900, 'IDR', 'en') //=> 'IDR 209.00'
 */
export function formatMoney(minor: number, currency: string, locale: string, digits: number = currencyDigits(currency)): string {
  const decimal = toDecimalString(minor, currency, digits);
  const formatter = formatterFor(locale, currency, digits);
  if (formatter === null) return `${currency} ${decimal}`;
  // Intl.NumberFormat formats decimal strings exactly (ECMA-402 NumberFormat v3).
  return formatter.format(decimal as unknown as number);
}
