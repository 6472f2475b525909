import * as z from 'zod';
import { duration } from '../schema/durations.js';
import { CountrySchema } from '../schema/primitives.js';

/**
 * A whole number of minutes, at least `min` (default 0) and at most ten years
 * (MAX_DURATION in src/schema/durations.ts), defaulting to `fallback`. The
 * description is what docs/detectors.md prints beside the default.
 *
 * @example
 * z.strictObject({ unpaidMinutes: minutesThreshold(30, 'Minutes unpaid before the order is flagged.') })
 */
export function minutesThreshold(fallback: number, description: string, min = 0) {
  return duration('minutes', min).default(fallback).meta({ description });
}

/** A whole number of hours, at least `min` (default 1) and at most ten years. */
export function hoursThreshold(fallback: number, description: string, min = 1) {
  return duration('hours', min).default(fallback).meta({ description });
}

/**
 * A whole number of days, at least `min` (default 1) and at most ten years.
 *
 * @example
 * z.strictObject({ stalledDays: daysThreshold(3, 'Days without a tracking event.') })
 */
export function daysThreshold(fallback: number, description: string, min = 1) {
  return duration('days', min).default(fallback).meta({ description });
}

/** An amount of money in the order's minor units, at least 0. */
export function minorUnitsThreshold(fallback: number, description: string) {
  return z.int().nonnegative().default(fallback).meta({ description });
}

/** A count, at least `min` (default 0). */
export function countThreshold(fallback: number, description: string, min = 0) {
  return z.int().min(min).default(fallback).meta({ description });
}

/** Whether day thresholds count only working days of the context's calendar. */
export function businessDaysSwitch() {
  return z.boolean().default(true).meta({ description: "Count only working days of the context's calendar (all days when no calendar is given)." });
}

/**
 * A detector's thresholds, plus overrides per carrier and per destination country:
 * `{ stalledDays: 3, byCarrier: { SF: { stalledDays: 2 } }, byCountry: { US: { stalledDays: 5 } } }`.
 * A carrier override wins over a country override, which wins over the base.
 *
 * @example
 * thresholds: scopedThresholds({ stalledDays: countThreshold(3, 'Days without an event.') })
 */
export function scopedThresholds<S extends Record<string, z.ZodDefault<z.ZodType>>>(shape: S) {
  const overrides = z.strictObject(
    Object.fromEntries(Object.entries(shape).map(([key, field]) => [key, field.unwrap().optional()])) as {
      [K in keyof S]: z.ZodOptional<ReturnType<S[K]['unwrap']>>;
    },
  );
  return z.strictObject({
    ...shape,
    byCarrier: z.record(z.string(), overrides).default({}).meta({ description: 'Overrides per carrier, e.g. { SF: { ... } }.' }),
    byCountry: z.record(CountrySchema, overrides).default({}).meta({ description: 'Overrides per destination country, e.g. { US: { ... } }.' }),
  });
}
