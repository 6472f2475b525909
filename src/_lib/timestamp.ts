const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/** The digit at `index` as a number, or -1 for any other character. */
function digit(text: string, index: number): number {
  const value = text.charCodeAt(index) - 48;
  return value >= 0 && value <= 9 ? value : -1;
}

/** The two-digit number at `index`, or -1. */
function twoDigits(text: string, index: number): number {
  const tens = digit(text, index);
  const ones = digit(text, index + 1);
  return tens < 0 || ones < 0 ? -1 : tens * 10 + ones;
}

/**
 * Epoch milliseconds of an ISO 8601 timestamp, exactly as `Date.parse` reads it, in a tenth of
 * its time for the shape snapshots carry (`2026-03-01T10:00:00+08:00`, `...:00.123Z`): those
 * are read digit by digit; anything else (other shapes, out-of-range parts, years before 1000)
 * goes to `Date.parse` itself. `src/_lib/timestamp.test.ts` holds the two equal.
 *
 * @example
 * parseTimestamp('2026-03-01T10:00:00+08:00') //=> 1772330400000
 */
export function parseTimestamp(text: string): number {
  const length = text.length;
  if (length < 20 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45 || text.charCodeAt(10) !== 84 || text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58) {
    return Date.parse(text);
  }
  const century = twoDigits(text, 0);
  const yy = twoDigits(text, 2);
  const month = twoDigits(text, 5);
  const day = twoDigits(text, 8);
  const hour = twoDigits(text, 11);
  const minute = twoDigits(text, 14);
  const second = twoDigits(text, 17);
  if (century < 10 || yy < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
    return Date.parse(text);
  }
  const year = century * 100 + yy;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (day > (month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] as number))) return Date.parse(text);
  let index = 19;
  let millis = 0;
  if (text.charCodeAt(index) === 46) {
    // A fraction: its first three digits are milliseconds; further digits are dropped, as Date.parse does.
    index++;
    const start = index;
    let scale = 100;
    for (; index < length; index++) {
      const value = digit(text, index);
      if (value < 0) break;
      if (scale >= 1) {
        millis += value * scale;
        scale /= 10;
      }
    }
    if (index === start) return Date.parse(text);
  }
  let offset = 0;
  if (index === length - 1 && text.charCodeAt(index) === 90) {
    offset = 0;
  } else if (index === length - 6 && text.charCodeAt(index + 3) === 58) {
    const sign = text.charCodeAt(index);
    const offsetHours = twoDigits(text, index + 1);
    const offsetMinutes = twoDigits(text, index + 4);
    if ((sign !== 43 && sign !== 45) || offsetHours < 0 || offsetHours > 23 || offsetMinutes < 0 || offsetMinutes > 59) return Date.parse(text);
    offset = (sign === 43 ? 1 : -1) * (offsetHours * 60 + offsetMinutes) * 60_000;
  } else {
    return Date.parse(text);
  }
  return daysFromCivil(year, month, day) * 86_400_000 + ((hour * 60 + minute) * 60 + second) * 1000 + millis - offset;
}

/** Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's days_from_civil), for years from 1000 on. */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}
