import { keptOrMade } from './remembered.js';

/** Which local days do not count: holidays (`YYYY-MM-DD`) and weekdays (0 = Sunday) off. */
export interface WorkingCalendar {
  readonly timeZone: string;
  readonly holidays: ReadonlySet<string>;
  readonly nonWorkingWeekdays: ReadonlySet<number>;
}

const DAY_MS = 86_400_000;
const WEEKDAYS: Readonly<Record<string, number>> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };
const formatters = new Map<string, Intl.DateTimeFormat>();

/** How many time zones' formatters are kept; the oldest goes first. */
const FORMATTERS_KEPT = 64;

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  return keptOrMade(
    formatters,
    timeZone,
    FORMATTERS_KEPT,
    () =>
      new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        weekday: 'short',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
      }),
  );
}

/** The local date, weekday and wall-clock time since local midnight of an instant, in `timeZone`. */
function localDay(epochMs: number, timeZone: string): { date: string; weekday: number; sinceMidnight: number } {
  const p: Record<string, string> = {};
  for (const part of partsFormatter(timeZone).formatToParts(epochMs)) p[part.type] = part.value;
  const sinceMidnight = ((Number(p.hour) * 60 + Number(p.minute)) * 60 + Number(p.second)) * 1000 + (((epochMs % 1000) + 1000) % 1000);
  return { date: `${p.year}-${p.month}-${p.day}`, weekday: WEEKDAYS[p.weekday ?? ''] ?? 0, sinceMidnight };
}

/** The instant the local day containing `epochMs` ends (the next local midnight). */
function endOfLocalDay(epochMs: number, date: string, sinceMidnight: number, timeZone: string): number {
  // Wall-clock arithmetic assumes a 24-hour day; on a daylight-saving day the guess lands an hour
  // into the next day (23-hour day), so step back by the local time found there. A 25-hour day
  // lands at 23:00 on the same date, and the next step covers the last hour.
  const guess = epochMs + DAY_MS - sinceMidnight;
  const there = localDay(guess, timeZone);
  return there.date !== date && there.sinceMidnight > 0 ? guess - there.sinceMidnight : guess;
}

// Ten years of days is far beyond any threshold; past it, every remaining day counts.
const MAX_DAYS = 3_660;

/**
 * Milliseconds between two instants that fall on working days of `calendar`: a parcel does not
 * stall while couriers are off for Spring Festival. Days are the calendar's local days; a
 * daylight-saving day is as long as it really is.
 *
 * @example
 * // 14 Feb 10:00 to 22 Feb 12:00 in Shanghai, 15–21 Feb a holiday: 14 h + 12 h
 * businessMillis(from, to, calendar) / 3_600_000 //=> 26
 */
export function businessMillis(from: number, to: number, calendar: WorkingCalendar): number {
  if (to <= from) return 0;
  if (calendar.holidays.size === 0 && calendar.nonWorkingWeekdays.size === 0) return to - from;
  let cursor = from;
  let total = 0;
  for (let day = 0; cursor < to; day++) {
    if (day >= MAX_DAYS) return total + (to - cursor);
    const { date, weekday, sinceMidnight } = localDay(cursor, calendar.timeZone);
    const end = Math.min(to, endOfLocalDay(cursor, date, sinceMidnight, calendar.timeZone));
    if (!calendar.holidays.has(date) && !calendar.nonWorkingWeekdays.has(weekday)) total += end - cursor;
    cursor = end;
  }
  return total;
}
