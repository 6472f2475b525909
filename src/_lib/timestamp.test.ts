import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseTimestamp } from './timestamp.js';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Timestamps in the shape snapshots carry, with every offset, fraction and calendar edge. */
const timestamp = fc
  .record({
    year: fc.integer({ min: 900, max: 9999 }),
    month: fc.integer({ min: 0, max: 13 }),
    day: fc.integer({ min: 0, max: 32 }),
    hour: fc.integer({ min: 0, max: 24 }),
    minute: fc.integer({ min: 0, max: 60 }),
    second: fc.integer({ min: 0, max: 60 }),
    fraction: fc.option(fc.stringMatching(/^\d{0,9}$/), { nil: undefined }),
    zone: fc.oneof(
      fc.constant('Z'),
      fc.tuple(fc.constantFrom('+', '-', '~'), fc.integer({ min: 0, max: 24 }), fc.integer({ min: 0, max: 60 })).map(([s, h, m]) => `${s}${pad(h)}:${pad(m)}`),
    ),
  })
  .map(
    ({ year, month, day, hour, minute, second, fraction, zone }) =>
      `${pad(year, 4)}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:${pad(second)}${fraction === undefined ? '' : `.${fraction}`}${zone}`,
  );

describe('parseTimestamp', () => {
  afterEach(() => vi.restoreAllMocks());

  it('reads the shapes snapshots carry without Date.parse, and leaves it every other shape', () => {
    const parse = vi.spyOn(Date, 'parse');
    const own = [
      '2026-03-01T10:00:00+08:00',
      '2026-03-01T10:00:00Z',
      '2024-02-29T23:59:59.5-05:30',
      '1999-12-31T00:00:00.123456+14:00',
      '1000-01-01T00:00:00Z',
      '9999-12-31T23:59:59-23:59',
    ];
    for (const text of own) parseTimestamp(text);
    expect(parse).not.toHaveBeenCalled();
    const others = [
      '2026-03-01',
      '2026-03-01T10:00:00',
      '2026-13-01T10:00:00Z',
      '2026-02-29T10:00:00Z',
      '2026-04-31T10:00:00Z',
      '2026-03-00T10:00:00Z',
      '2026-03-01T24:00:00Z',
      '2026-03-01T10:60:00Z',
      '2026-03-01T10:00:60Z',
      '0999-03-01T10:00:00Z',
      '2026-03-01T10:00:00.Z',
      '2026-03-01T10:00:00+24:00',
      '2026-03-01T10:00:00+08:60',
      '2026-03-01T10:00:00*08:00',
      '2026-03-01T10:00:00+0800',
      '2026-03-01T10:00:00+08:00x',
      '2026-03-01T10:00:00ZZ',
      '2026/03/01T10:00:00Z',
      '2026-03-01 10:00:00Z',
      '2026-03-01T10.00:00Z',
      '2026-03-01T10:00.00Z',
      'x026-03-01T10:00:00Z',
      '2026-0x-01T10:00:00Z',
    ];
    for (const text of others) {
      parse.mockClear();
      parseTimestamp(text);
      expect(parse, text).toHaveBeenCalledTimes(1);
    }
  });

  it('reads every timestamp exactly as Date.parse does, valid or not (20,000 generated)', () => {
    fc.assert(
      fc.property(timestamp, (text) => {
        expect(Object.is(parseTimestamp(text), Date.parse(text))).toBe(true);
      }),
      { numRuns: 20_000, seed: 5 },
    );
  });

  it('reads real instants round trip, in any offset', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1000, 0, 1), max: Date.UTC(9999, 11, 31) }), fc.integer({ min: -23 * 60 - 59, max: 23 * 60 + 59 }), (ms, offset) => {
        const local = new Date(ms + offset * 60_000).toISOString().slice(0, 23);
        const sign = offset < 0 ? '-' : '+';
        const text = `${local}${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
        expect(parseTimestamp(text)).toBe(ms);
        expect(parseTimestamp(new Date(ms).toISOString())).toBe(ms);
      }),
      { numRuns: 5_000, seed: 6 },
    );
  });

  it('leaves every other string to Date.parse', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (text) => {
        expect(Object.is(parseTimestamp(text), Date.parse(text))).toBe(true);
      }),
      { numRuns: 5_000, seed: 7 },
    );
    for (const text of [
      '2026-03-01T10:00:00',
      '2026-03-01',
      '2026-03-01T10:00Z',
      '2026-02-29T10:00:00Z',
      '2024-02-29T10:00:00Z',
      '2026-03-01T10:00:00.Z',
      '2026-03-01T10:00:00+0800',
      '0099-03-01T10:00:00Z',
      '２026-03-01T10:00:00Z',
    ]) {
      expect(Object.is(parseTimestamp(text), Date.parse(text))).toBe(true);
    }
  });
});
