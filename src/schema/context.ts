import * as z from 'zod';
import { parseTimestamp } from '../_lib/timestamp.js';
import { isTimeZone, TimestampSchema } from './primitives.js';

/**
 * The range `now` must fall in: the years 1970 to 9999 (UTC). Every duration an option may name
 * is at most ten years (MAX_DURATION in src/schema/durations.ts), so dates reckoned from such a
 * `now` stay far inside the range of a `Date` (docs/policy.md).
 */
export const NOW_RANGE = { min: Date.UTC(1970, 0, 1), max: Date.UTC(9999, 11, 31, 23, 59, 59, 999) } as const;

/** True when `now` (a timestamp or Date already checked for shape) falls in {@link NOW_RANGE}. */
function nowInRange(now: string | Date): boolean {
  const at = now instanceof Date ? now.getTime() : parseTimestamp(now);
  return at >= NOW_RANGE.min && at <= NOW_RANGE.max;
}

/** An id kept in a numeric column: a safe integer, read as its decimal string. */
const SafeIntegerIdSchema = z.int({ error: 'an id must be a string or a safe integer' });

/**
 * Lists the business keeps of buyers it will not serve. Addresses are compared after
 * normalisation (case, width, spaces and punctuation do not matter).
 */
export const BlacklistSchema = z.strictObject({
  /** Customer ids: strings or safe integers (as databases hold ids), matched as their decimal strings; null is none. */
  customerIds: z
    .array(z.union([z.string(), SafeIntegerIdSchema]))
    .nullish()
    .meta({ description: 'Customer ids the business will not serve: strings or safe integers; null is none.' }),
  /** Phone numbers, as strings only (a number would lose a leading 0); null is none. */
  phones: z.array(z.string()).nullish().meta({ description: 'Phone numbers, any spelling of one number (strings: a number would lose a leading 0).' }),
  addresses: z.array(z.string()).nullish().meta({ description: 'Addresses, compared after normalisation.' }),
  devices: z.array(z.string()).nullish().meta({ description: 'Device fingerprints or IP addresses.' }),
});

/**
 * Addresses and phones the business knows many honest buyers share (its own office, a campus
 * reception desk, a parcel station it works with): `evaluateBatch` leaves them out of the
 * address and contact clusters. Compared like the blacklist: addresses after normalisation,
 * phones as numbers (any spelling of one number).
 *
 * @example
 * { addresses: ['广东省 深圳市 南山区 科技园 腾讯大厦 前台'], phones: ['0755-86013388'] }
 */
export const AllowlistSchema = z.strictObject({
  addresses: z.array(z.string()).optional().meta({ description: 'Shared addresses, compared after normalisation.' }),
  phones: z.array(z.string()).optional().meta({ description: 'Shared phone numbers, any spelling of one number.' }),
});

/**
 * Which days couriers and warehouses do not work, so that a parcel silent over Spring Festival
 * or Golden Week is not "stalled". Days are local to `timeZone` (default: the shop's, `policy.timeZone`).
 *
 * @example
 * { holidays: ['2026-02-16', '2026-02-17'], nonWorkingWeekdays: [0] }
 */
export const CalendarSchema = z.strictObject({
  holidays: z
    .array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'holidays are local dates: YYYY-MM-DD' }))
    .nullish()
    .meta({ description: 'Local dates no one works: YYYY-MM-DD.' }),
  nonWorkingWeekdays: z.array(z.int().min(0).max(6)).nullish().meta({ description: 'Weekdays no one works: 0 (Sunday) to 6.' }),
  timeZone: z
    .string()
    .refine(isTimeZone, { error: 'timeZone must be an IANA time zone such as Asia/Shanghai' })
    .nullish()
    .meta({ description: 'IANA time zone of the days; default the shop’s `policy.timeZone`.' }),
});

/**
 * What `evaluate` needs beside the snapshot. `now` is required: order-triage never reads the
 * clock, so the same input and `now` always give the same output.
 */
export const EvaluateContextSchema = z.strictObject({
  now: z
    .union([TimestampSchema, z.date().refine((d) => !Number.isNaN(d.getTime()), { error: 'now is an invalid Date' })], {
      error: (issue) =>
        issue.input === undefined
          ? 'now is required: an ISO 8601 timestamp with offset or a Date'
          : 'now must be a Date or an ISO 8601 string with an offset, such as 2026-03-01T10:00:00+08:00 (not epoch milliseconds)',
    })
    .refine(nowInRange, { error: 'now must fall in the years 1970 to 9999 (UTC)' })
    .meta({ description: 'The time of the evaluation: ISO 8601 with offset, or a Date. Required; the clock is never read.' }),
  blacklist: BlacklistSchema.optional().meta({ description: 'Buyers the business will not serve.' }),
  /** Shared addresses and phones that are no fraud signal (see {@link AllowlistSchema}); read by `evaluateBatch`. */
  allowlist: AllowlistSchema.optional().meta({ description: 'Shared addresses and phones that are no fraud signal.' }),
  calendar: CalendarSchema.optional().meta({ description: 'Days couriers and warehouses do not work.' }),
  /**
   * The snapshot was already validated with `OrderSnapshotSchema` (its parse output is passed):
   * skip re-validation and read it in place, not copied. Only for that output, plain data with
   * no getters or proxies (docs/snapshot.md); anything else may give wrong findings (it still
   * never throws).
   */
  trusted: z.boolean().optional().meta({ description: 'The snapshot is the unchanged output of `OrderSnapshotSchema`: read in place, not re-validated.' }),
});

/**
 * The context with `blacklist`, `allowlist` and `calendar` left unchecked, so that each blacklist and
 * calendar object is validated once (on first use) rather than on every evaluation (the
 * allowlist is checked once per batch by `evaluateBatch`).
 */
export const EvaluateContextShellSchema = EvaluateContextSchema.extend({
  blacklist: z.unknown().optional(),
  allowlist: z.unknown().optional(),
  calendar: z.unknown().optional(),
});

/** The context passed to `evaluate`. */
export type EvaluateContext = z.input<typeof EvaluateContextSchema>;
/** A working calendar. */
export type Calendar = z.output<typeof CalendarSchema>;
/** An allowlist of shared addresses and phones. */
export type Allowlist = z.output<typeof AllowlistSchema>;
/** A blacklist. */
export type Blacklist = z.output<typeof BlacklistSchema>;
