import { describe, expect, it } from 'vitest';
import { businessMillis, type WorkingCalendar } from './business-time.js';

const HOUR = 3_600_000;
const calendar = (holidays: string[], weekdays: number[] = [], timeZone = 'Asia/Shanghai'): WorkingCalendar => ({
  timeZone,
  holidays: new Set(holidays),
  nonWorkingWeekdays: new Set(weekdays),
});

describe('businessMillis', () => {
  it('counts all elapsed time when nothing is a day off', () => {
    const from = Date.parse('2026-02-14T10:00:00+08:00');
    expect(businessMillis(from, from + 50 * HOUR, calendar([]))).toBe(50 * HOUR);
  });

  it('skips a Spring Festival week of holidays in the calendar’s own time zone', () => {
    const holidays = ['2026-02-15', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-21'];
    const from = Date.parse('2026-02-14T10:00:00+08:00');
    const to = Date.parse('2026-02-22T12:00:00+08:00');
    expect(businessMillis(from, to, calendar(holidays))).toBe(26 * HOUR);
  });

  it('skips weekdays off, such as Sundays', () => {
    // Sat 7 Mar 2026 12:00 to Mon 9 Mar 12:00 in New York, Sundays off; DST starts on Sunday 8 Mar.
    const from = Date.parse('2026-03-07T12:00:00-05:00');
    const to = Date.parse('2026-03-09T12:00:00-04:00');
    expect(businessMillis(from, to, calendar([], [0], 'America/New_York'))).toBe(24 * HOUR);
  });

  it('counts a 25-hour autumn day as the 25 hours it lasts', () => {
    // Sun 1 Nov 2026 00:00 EDT to Mon 2 Nov 00:00 EST in New York: 25 real hours, all working.
    const from = Date.parse('2026-11-01T00:00:00-04:00');
    const to = Date.parse('2026-11-02T00:00:00-05:00');
    expect(businessMillis(from, to, calendar(['2026-12-25'], [], 'America/New_York'))).toBe(25 * HOUR);
    expect(businessMillis(from, to, calendar(['2026-11-01'], [], 'America/New_York'))).toBe(0);
  });

  it('is zero for a reversed interval', () => {
    expect(businessMillis(10, 5, calendar(['2026-01-01']))).toBe(0);
  });
});
