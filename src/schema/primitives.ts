import * as z from 'zod';
import { isIsoCurrency } from '../vocabulary/iso-4217.js';
import { isCountryCode } from './countries.js';

/**
 * An amount of money in the currency's minor units (fen, cents; yen have none, dinars have
 * three): a non-negative safe integer. Floats, `NaN`, numeric strings and integers beyond
 * `Number.MAX_SAFE_INTEGER` are rejected, so no arithmetic on money can round.
 *
 * @example
 * MoneySchema.parse(12_999) //=> 12999 (¥129.99)
 * MoneySchema.safeParse(129.99).success //=> false
 */
export const MoneySchema = z
  .int({
    error: (issue) =>
      issue.input === undefined
        ? 'required: an integer amount in minor units'
        : 'money must be a safe integer in minor units (12999 for 129.99), not a float, string or unsafe integer',
  })
  .nonnegative({ error: 'money must not be negative' });

/**
 * An active ISO 4217 currency code such as `CNY`, `USD`, `JPY` (no minor unit) or `KWD` (three),
 * checked against the shipped table (docs/money.md), never the runtime's Intl: `SLE` is accepted
 * in every runtime, a withdrawn code such as `HRK` in none.
 *
 * @example
 * CurrencySchema.parse('CNY') //=> 'CNY'
 * CurrencySchema.safeParse('RMB').success //=> false
 */
export const CurrencySchema = z
  .string()
  .regex(/^[A-Z]{3}$/, { error: 'currency must be an ISO 4217 code of three capital letters, such as CNY' })
  .refine(isIsoCurrency, { error: 'currency is not an active ISO 4217 code (see docs/money.md)' });

/**
 * A point in time as an ISO 8601 string with an explicit offset (`Z` or `±hh:mm`), so that
 * elapsed time is unambiguous in every time zone.
 *
 * @example
 * TimestampSchema.parse('2026-03-01T10:00:00+08:00') //=> '2026-03-01T10:00:00+08:00'
 * TimestampSchema.safeParse('2026-03-01 10:00').success //=> false
 */
export const TimestampSchema = z.iso.datetime({
  offset: true,
  error: (issue) => (issue.input === undefined ? 'required: an ISO 8601 timestamp with offset' : 'timestamp must be ISO 8601 with an offset, such as 2026-03-01T10:00:00+08:00'),
});

/** A non-empty identifier. */
export const IdSchema = z.string().min(1, { error: 'must not be empty' });

/**
 * A reference another system issued (a tracking number, a gateway transaction id): any string,
 * an empty one included. Read with tolerance, a safe integer is its decimal string, as an id is.
 */
export const ReferenceSchema = z.string();

/** A count of units: a non-negative safe integer. */
export const QuantitySchema = z.int({ error: 'must be a whole number' }).nonnegative({ error: 'must not be negative' });

/**
 * An officially assigned ISO 3166-1 alpha-2 country code such as `CN` or `US` (the shipped list,
 * ISO_COUNTRY_CODES): two capital letters that name no country, such as `QQ`, are refused.
 */
export const CountrySchema = z
  .string()
  .regex(/^[A-Z]{2}$/, { error: 'country must be an ISO 3166-1 alpha-2 code of two capital letters, such as CN', abort: true })
  .refine(isCountryCode, { error: 'country must be an officially assigned ISO 3166-1 alpha-2 code, such as CN' });

/** True for an IANA time zone name the runtime knows, such as `Asia/Shanghai`. */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * An IANA time zone name the runtime knows, such as `Asia/Shanghai` (see {@link isTimeZone}).
 *
 * @example
 * TimeZoneSchema.parse('Asia/Shanghai') //=> 'Asia/Shanghai'
 */
export const TimeZoneSchema = z.string().refine(isTimeZone, { error: 'timeZone must be an IANA time zone such as Asia/Shanghai' });
