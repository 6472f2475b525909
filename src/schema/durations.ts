import * as z from 'zod';

/**
 * The longest duration any option may name, per unit: ten years of 365 days. Every duration
 * option (SLAs, follow-ups, escalations, detector thresholds, batch windows, refund ETAs, coupon
 * validity) is bounded by it, so date arithmetic from any valid `now` stays inside the range of
 * a `Date` (docs/policy.md).
 */
export const MAX_DURATION = {
  minutes: 5_256_000,
  hours: 87_600,
  days: 3_650,
} as const;

/** A unit options measure durations in. */
export type DurationUnit = keyof typeof MAX_DURATION;

/**
 * A whole number of `unit`, from `min` to the unit's bound in {@link MAX_DURATION}.
 *
 * @example
 * z.strictObject({ afterHours: duration('hours', 1).default(24) })
 */
export function duration(unit: DurationUnit, min: number) {
  return z
    .int()
    .min(min)
    .max(MAX_DURATION[unit], { error: `at most ${MAX_DURATION[unit]} ${unit} (ten years)` });
}
