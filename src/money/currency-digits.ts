const cache = new Map<string, number>();

/**
 * The number of minor-unit digits of an ISO 4217 currency, from the runtime's own data:
 * 2 for CNY and USD, 0 for JPY, 3 for KWD.
 *
 * @example
 * currencyDigits('JPY') //=> 0
 */
export function currencyDigits(currency: string): number {
  let digits = cache.get(currency);
  if (digits === undefined) {
    digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    cache.set(currency, digits);
  }
  return digits;
}

/**
 * Writes an integer amount of minor units as an exact decimal string, without floating point.
 *
 * @example
 * toDecimalString(12999, 'CNY') //=> '129.99'
 * toDecimalString(1500, 'JPY') //=> '1500'
 * toDecimalString(1005, 'KWD') //=> '1.005'
 */
export function toDecimalString(minor: number, currency: string): string {
  const digits = currencyDigits(currency);
  const sign = minor < 0 ? '-' : '';
  const units = String(Math.abs(minor));
  if (digits === 0) return sign + units;
  const padded = units.padStart(digits + 1, '0');
  return `${sign}${padded.slice(0, -digits)}.${padded.slice(-digits)}`;
}
