import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { compileAcceptor } from './fast-accept.js';
import { isOffsetDatetime, OFFSET_DATETIME_SOURCE } from './offset-datetime.js';
import { SNAPSHOT_LIMITS } from './size-guard.js';

const zodPattern = (z.iso.datetime({ offset: true }) as unknown as { _zod: { def: { pattern: RegExp } } })._zod.def.pattern;
const pattern = new RegExp(OFFSET_DATETIME_SOURCE);

const pad = (n: number, width: number) => String(n).padStart(width, '0');
// Parts on either side of every bound the pattern has: years with and without leap days, month
// 0 and 13, day 0 to 32, hours 24, minutes and seconds 60, fractions, offsets and their near misses.
const timestamp = fc
  .tuple(
    fc.oneof(fc.integer({ min: 0, max: 9999 }), fc.constantFrom(0, 1600, 1700, 1900, 2000, 2024, 2026, 2100, 2400)),
    fc.integer({ min: 0, max: 13 }),
    fc.integer({ min: 0, max: 32 }),
    fc.integer({ min: 0, max: 25 }),
    fc.integer({ min: 0, max: 61 }),
    fc.integer({ min: 0, max: 61 }),
    fc.constantFrom('', '.', '.0', '.123', '.123456789', '.1a', ',5'),
    fc.constantFrom('Z', 'z', '+08:00', '-05:30', '+23:59', '+24:00', '+08:60', '+0800', '+08', '08:00', '±08:00', '', 'ZZ', '+08:00\n'),
  )
  .map(([y, mo, d, h, mi, s, fraction, offset]) => `${pad(y, 4)}-${pad(mo, 2)}-${pad(d, 2)}T${pad(h, 2)}:${pad(mi, 2)}:${pad(s, 2)}${fraction}${offset}`);
/** A timestamp with one character replaced, inserted or removed. */
const nearMiss = fc
  .tuple(timestamp, fc.nat(), fc.constantFrom('', '0', '9', '-', ':', 'T', 't', ' ', '.', 'Z', '+', '٣', 'a'), fc.integer({ min: 0, max: 1 }))
  .map(([text, at, char, keep]) => {
    const i = at % (text.length + 1);
    return text.slice(0, i) + char + text.slice(i + keep);
  });

describe('isOffsetDatetime', () => {
  it("reads its pattern from zod's own ISO datetime check, unchanged", () => {
    expect(zodPattern.source).toBe(OFFSET_DATETIME_SOURCE);
    expect(zodPattern.flags).toBe('');
  });

  it("answers like zod's ISO datetime pattern for timestamps on either side of every bound, their near misses and any text", () => {
    fc.assert(
      fc.property(
        fc.oneof(timestamp, nearMiss, fc.string({ maxLength: 40 }), fc.string({ unit: fc.constantFrom('0', '1', '2', '9', '-', ':', 'T', 'Z', '+', '.'), maxLength: 32 })),
        (text) => {
          expect(isOffsetDatetime(text)).toBe(pattern.test(text));
        },
      ),
      { numRuns: 20_000, seed: 20 },
    );
  });

  it('accepts every instant of four-digit years as an ISO string, and refuses 29 February outside leap years', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('0000-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59.999Z'), noInvalidDate: true }), (date) => {
        expect(isOffsetDatetime(date.toISOString())).toBe(true);
      }),
      { numRuns: 2_000, seed: 21 },
    );
    expect(['2024-02-29T00:00:00Z', '2000-02-29T00:00:00Z', '0000-02-29T00:00:00Z'].map(isOffsetDatetime)).toEqual([true, true, true]);
    expect(['2026-02-29T00:00:00Z', '1900-02-29T00:00:00Z', '2100-02-29T00:00:00Z'].map(isOffsetDatetime)).toEqual([false, false, false]);
  });

  it('is what the compiled acceptor checks a timestamp field with, with the same answers as zod', () => {
    const schema = z.object({ at: z.iso.datetime({ offset: true }) });
    const accept = compileAcceptor(schema, SNAPSHOT_LIMITS);
    if (accept === undefined) throw new Error('the schema did not compile');
    fc.assert(
      fc.property(fc.oneof(timestamp, nearMiss), (at) => {
        expect(accept({ at }) !== undefined).toBe(schema.safeParse({ at }).success);
      }),
      { numRuns: 5_000, seed: 22 },
    );
  });
});
