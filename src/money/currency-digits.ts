import { ISO_4217_MINOR_UNITS } from '../vocabulary/iso-4217.js';

/**
 * The number of minor-unit digits of a currency per ISO 4217, from the shipped table
 * ({@link ISO_4217_MINOR_UNITS}), never from the runtime's Intl data: 2 for CNY, USD and IDR,
 * 0 for JPY, 3 for KWD, 4 for CLF. A code outside the table (only reachable with a `trusted`
 * snapshot the schema never saw) is read with 2. A shop's `policy.currencies` override is applied
 * by {@link createCurrencyDigits}, not here.
 *
 * @example
 * currencyDigits('JPY') //=> 0
 * currencyDigits('IDR') //=> 2
 */
export function currencyDigits(currency: string): number {
  return ISO_4217_MINOR_UNITS.get(currency) ?? 2;
}

/** A shop's own digits per currency (`policy.currencies`), overriding ISO 4217. */
export type CurrencyOverrides = Readonly<Record<string, { readonly digits: number }>>;

/**
 * The digits of each currency for one shop: its `policy.currencies` overrides (a gateway that
 * treats IDR as having no minor unit), else ISO 4217. The overrides are copied into a Map when
 * it is built, so later changes to the object passed in do not reach it.
 *
 * @example
 * const digitsOf = createCurrencyDigits({ IDR: { digits: 0 } });
 * digitsOf('IDR') //=> 0
 * digitsOf('USD') //=> 2
 */
export function createCurrencyDigits(overrides: CurrencyOverrides = {}): (currency: string) => number {
  // Own keys only (Object.entries), copied: nothing inherited or changed later reaches it.
  const own = new Map<string, number>(Object.entries(overrides).map(([code, entry]) => [code, entry.digits]));
  return (currency) => own.get(currency) ?? currencyDigits(currency);
}

/**
 * Writes an integer amount of minor units as an exact decimal string, without floating point,
 * with the currency's ISO 4217 digits or the `digits` given (a shop's override).
 *
 * @example
 * toDecimalString(12999, 'CNY') //=> '129.99'
 * toDecimalString(1500, 'JPY') //=> '1500'
 * toDecimalString(1005, 'KWD') //=> '1.005'
 * toDecimalString(20900, 'IDR') //=> '209.00'
 * toDecimalString(20900, 'IDR', 0) //=> '20900'
 */
export function toDecimalString(minor: number, currency: string, digits: number = currencyDigits(currency)): string {
  const sign = minor < 0 ? '-' : '';
  const units = String(Math.abs(minor));
  if (digits === 0) return sign + units;
  const padded = units.padStart(digits + 1, '0');
  return `${sign}${padded.slice(0, -digits)}.${padded.slice(-digits)}`;
}
