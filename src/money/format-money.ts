import { keptOrMade, rememberTexts } from '../_lib/remembered.js';
import { currencyDigits, toDecimalString } from './currency-digits.js';

/** How many formatters (locale × currency × digits) are kept; the oldest goes first. */
const FORMATTERS_KEPT = 256;
/** How many amounts' texts one formatter keeps; all go when it is full. */
const TEXTS_KEPT = 1_024;

/** One locale's formatting of one currency with fixed digits, and the texts it already wrote. */
interface MoneyFormat {
  readonly format: (minor: number) => string;
}

const formats = new Map<string, MoneyFormat>();

/**
 * A currency formatter with exactly `digits` decimals (`CODE amount` when this runtime's Intl
 * refuses the code), remembering the texts of the last amounts it wrote (an order's amounts
 * are formatted several times per report). Formatters are kept per locale, currency and
 * digits, at most {@link FORMATTERS_KEPT}: constructing an `Intl.NumberFormat` costs far more
 * than formatting with one.
 */
function moneyFormat(locale: string, currency: string, digits: number): MoneyFormat {
  // Only what the types say is remembered (a JavaScript caller's digits '0' must not become the
  // formatter of digits 0), under a key no other inputs share (the locale's length goes first).
  if (typeof locale !== 'string' || typeof currency !== 'string' || !Number.isSafeInteger(digits)) return createMoneyFormat(locale, currency, digits);
  const key = `${locale.length}:${locale}|${currency}|${digits}`;
  return keptOrMade(formats, key, FORMATTERS_KEPT, () => createMoneyFormat(locale, currency, digits));
}

function createMoneyFormat(locale: string, currency: string, digits: number): MoneyFormat {
  let intl: Intl.NumberFormat | null;
  try {
    intl = new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: digits, maximumFractionDigits: digits });
  } catch {
    intl = null;
  }
  const write = (minor: number): string => {
    const decimal = toDecimalString(minor, currency, digits);
    // Intl.NumberFormat formats decimal strings exactly (ECMA-402 NumberFormat v3).
    return intl === null ? `${currency} ${decimal}` : intl.format(decimal as unknown as number);
  };
  return { format: rememberTexts(write, TEXTS_KEPT) };
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
  return moneyFormat(locale, currency, digits).format(minor);
}

/**
 * {@link formatMoney} with the locale, currency and digits fixed: the formatter is looked up
 * once, not per amount (a message kit formats every amount of one order with it).
 *
 * @example
 * const money = moneyFormatter('zh-CN', 'CNY', 2);
 * money(12_999) //=> '¥129.99'
 */
export function moneyFormatter(locale: string, currency: string, digits: number): (minor: number) => string {
  return moneyFormat(locale, currency, digits).format;
}
