import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { messageCatalogues } from './locales.js';
import { enCount, enDuration, zhCNCount, zhCNDuration } from './units.js';

describe('durations', () => {
  it('are minutes under an hour, hours and minutes under a day, then days and hours', () => {
    expect([0, 1, 45, 59].map(enDuration)).toEqual(['0 minutes', '1 minute', '45 minutes', '59 minutes']);
    expect([60, 61, 90, 120, 1439].map(enDuration)).toEqual(['1 hour', '1 hour 1 minute', '1 hour 30 minutes', '2 hours', '23 hours 59 minutes']);
    expect([1440, 1500, 2975, 3 * 1440 + 59].map(enDuration)).toEqual(['1 day', '1 day 1 hour', '2 days 1 hour', '3 days']);
    expect([45, 90, 1440, 2975].map(zhCNDuration)).toEqual(['45分钟', '1小时30分钟', '1天', '2天1小时']);
  });

  it('never show a fraction, a negative or NaN: those read as whole minutes from zero', () => {
    expect([44.9, -5, Number.NaN, Number.POSITIVE_INFINITY].map(enDuration)).toEqual(['44 minutes', '0 minutes', '0 minutes', '0 minutes']);
  });

  it('never say more than 59 minutes or 23 hours, in either locale, for any span', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), (minutes) => {
        for (const text of [enDuration(minutes), zhCNDuration(minutes)]) {
          for (const [, n] of text.matchAll(/(\d+) ?(?:minutes?|分钟)/g)) expect(Number(n)).toBeLessThan(60);
          for (const [, n] of text.matchAll(/(\d+) ?(?:hours?|小时)/g)) expect(Number(n)).toBeLessThan(24);
        }
        const [days, hours, mins] = [/(\d+)天/, /(\d+)小时/, /(\d+)分钟/].map((r) => Number(r.exec(zhCNDuration(minutes))?.[1] ?? 0));
        // Days and hours drop the minutes; below a day nothing is dropped.
        const shown = (days as number) * 1440 + (hours as number) * 60 + (mins as number);
        expect(minutes - shown).toBeGreaterThanOrEqual(0);
        expect(minutes - shown).toBeLessThan(minutes >= 1440 ? 60 : 1);
      }),
    );
  });

  it('are what each built-in catalogue writes', () => {
    expect(messageCatalogues.en.duration(2975)).toBe('2 days 1 hour');
    expect(messageCatalogues['zh-CN'].duration(45)).toBe('45分钟');
  });
});

describe('counts', () => {
  it('choose the English plural by Intl.PluralRules', () => {
    expect(enCount(1, 'item')).toBe('1 item');
    expect(enCount(2, 'item')).toBe('2 items');
    expect(enCount(0, 'unit')).toBe('0 units');
    expect(enCount(1, 'hour')).toBe('1 hour');
    expect(enCount(21, 'day')).toBe('21 days');
    expect(messageCatalogues.en.count(1, 'failure')).toBe('1 failure');
  });

  it('use the measure word in Chinese', () => {
    expect(zhCNCount(2, 'item')).toBe('2 个商品');
    expect(zhCNCount(3, 'unit')).toBe('3 件');
    expect(messageCatalogues['zh-CN'].count(1, 'system')).toBe('1 个系统');
  });
});
