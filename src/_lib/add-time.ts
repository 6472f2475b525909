// Plain arithmetic on UTC instants (epoch milliseconds): what date-fns's `addMinutes` and
// `addHours` compute for a `Date` or a number, without loading date-fns (hundreds of module files
// at import time for two additions; docs/benchmarks.md, "Cold start"). Instants have no time
// zone, so there is no daylight-saving case to handle.

/**
 * The instant `minutes` after `date` (epoch milliseconds or a `Date`), as a new `Date`.
 *
 * @example
 * addMinutes(Date.parse('2026-03-01T10:00:00Z'), 45).toISOString() //=> '2026-03-01T10:45:00.000Z'
 */
export function addMinutes(date: Date | number, minutes: number): Date {
  return new Date(+date + minutes * 60_000);
}

/**
 * The instant `hours` after `date` (epoch milliseconds or a `Date`), as a new `Date`.
 *
 * @example
 * addHours(Date.parse('2026-03-01T10:00:00Z'), 2).toISOString() //=> '2026-03-01T12:00:00.000Z'
 */
export function addHours(date: Date | number, hours: number): Date {
  return new Date(+date + hours * 3_600_000);
}
