/** The moment every fixture is built around: 1 March 2026, 10:00 in Shanghai. */
export const FIXTURE_TIME = '2026-03-01T10:00:00+08:00';

const FIXTURE_MS = Date.parse(FIXTURE_TIME);

/**
 * An ISO 8601 timestamp `minutes` after {@link FIXTURE_TIME} (negative for before), written with
 * the `+08:00` offset (or `offsetMinutes`), as a Chinese shop's backend would send it.
 *
 * @example
 * minutesAfter(90) //=> '2026-03-01T11:30:00+08:00'
 * minutesAfter(0, 0) //=> '2026-03-01T02:00:00Z'
 */
export function minutesAfter(minutes: number, offsetMinutes = 480): string {
  const local = new Date(FIXTURE_MS + minutes * 60_000 + offsetMinutes * 60_000).toISOString().slice(0, 19);
  if (offsetMinutes === 0) return `${local}Z`;
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
