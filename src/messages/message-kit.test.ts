import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createMessageKit } from './message-kit.js';

describe('the message kit, its formatters kept', () => {
  const locale = fc.constantFrom('zh-CN', 'en', 'de-DE', 'ja-JP');
  const zone = fc.constantFrom('Asia/Shanghai', 'UTC', 'America/New_York', 'Europe/Berlin', 'Australia/Lord_Howe');
  const instant = fc.oneof(fc.integer({ min: 0, max: 4_102_444_800_000 }), fc.integer({ min: 1_772_000_000_000, max: 1_772_000_500_000 }));

  /** The text without any memo: a new Intl.DateTimeFormat for every instant. */
  const fresh = (ms: number, at: string, timeZone: string) => new Intl.DateTimeFormat(at, { timeZone, dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23' }).format(ms);

  it('writes a time as a new Intl.DateTimeFormat does, for any instants, locales and time zones, read again', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(instant, locale, zone), { minLength: 1, maxLength: 300 }), (reads) => {
        for (const [ms, at, timeZone] of [...reads, ...reads.slice().reverse()]) expect(createMessageKit(at, 'CNY', timeZone, 2).time(ms)).toBe(fresh(ms, at, timeZone));
      }),
      { numRuns: 40, seed: 20 },
    );
  });

  it('writes the same times after more instants than one formatter keeps', () => {
    const kit = createMessageKit('zh-CN', 'CNY', 'Asia/Shanghai', 2);
    const instants = Array.from({ length: 2_500 }, (_, i) => 1_772_000_000_000 + i * 61_000);
    const first = instants.map((ms) => kit.time(ms));
    expect(instants.map((ms) => kit.time(ms))).toEqual(first);
    expect(first).toEqual(instants.map((ms) => fresh(ms, 'zh-CN', 'Asia/Shanghai')));
  });

  it('formats money in the currency and digits it was built with, whatever kits were built before', () => {
    const yuan = createMessageKit('zh-CN', 'CNY', 'Asia/Shanghai', 2);
    const yen = createMessageKit('zh-CN', 'JPY', 'Asia/Shanghai', 0);
    const rupiah = createMessageKit('en', 'IDR', 'Asia/Jakarta', 0);
    expect([yuan.money(12_999), yen.money(12_999), rupiah.money(20_900), createMessageKit('en', 'IDR', 'Asia/Jakarta', 2).money(20_900)]).toEqual([
      '¥129.99',
      'JP¥12,999',
      'IDR\u00a020,900',
      'IDR\u00a0209.00',
    ]);
  });
});
