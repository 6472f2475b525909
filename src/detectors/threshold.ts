import { z } from 'zod';

/**
 * A whole number of minutes, at least `min` (default 0), defaulting to `fallback`. The
 * description is what docs/detectors.md prints beside the default.
 *
 * @example
 * z.strictObject({ unpaidMinutes: minutesThreshold(30, 'Minutes unpaid before the order is flagged.') })
 */
export function minutesThreshold(fallback: number, description: string, min = 0) {
  return z.int().min(min).default(fallback).meta({ description });
}

/** A whole number of hours, at least `min` (default 1). */
export function hoursThreshold(fallback: number, description: string, min = 1) {
  return z.int().min(min).default(fallback).meta({ description });
}

/** An amount of money in the order's minor units, at least 0. */
export function minorUnitsThreshold(fallback: number, description: string) {
  return z.int().nonnegative().default(fallback).meta({ description });
}

/** A count, at least `min` (default 0). */
export function countThreshold(fallback: number, description: string, min = 0) {
  return z.int().min(min).default(fallback).meta({ description });
}
