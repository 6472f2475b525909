import type { z } from 'zod';
import { createFieldSuggester, SUGGESTED_KEYS_PER_OBJECT } from './field-suggestion.js';
import { IdSchema, ReferenceSchema, TimestampSchema } from './primitives.js';
import { ReportSchema, TrackingEventCodeSchema } from './snapshot.js';

/** An enum whose unknown values are kept as `unknown` with a warning: what its values are called, and its codes by folded form. */
export interface OpenEnum {
  /** What its values are called in a warning ("tracking event code"). */
  readonly label: string;
  /** Each code by its folded form (see foldCode): `delivered` under `delivered`. */
  readonly codes: ReadonlyMap<string, string>;
}

/**
 * What reading a snapshot tolerates beyond its schema (docs/snapshot.md, "Tolerance"): the
 * schema's own definitions of a timestamp and an id (shared by every field of those kinds, and
 * by `.meta()` copies of them), and a suggester per object level for keys that look like
 * misspelt fields. `compileAcceptor` and `normaliseSnapshot` read the same values through it.
 */
export interface Tolerance {
  /** The definition every timestamp field shares: such a field also takes a `Date` or a `+hhmm` offset. */
  readonly timestamp: unknown;
  /** The definition every id field shares: such a field also takes a safe integer. */
  readonly id: unknown;
  /** The definition every reference another system issued shares (trackingNumber, gatewayTxnId): it also takes a safe integer. */
  readonly reference: unknown;
  /** A field suggester for an object level with these known keys (see createFieldSuggester). */
  readonly suggesterFor: (known: readonly string[]) => (key: string) => string | undefined;
  /** How many unknown keys of one object are looked at for misspellings; more are one warning. */
  readonly suggestedKeysPerObject: number;
  /** The enums read open (tracking event codes, report kinds), by definition: a value that folds to a code is that code. */
  readonly openEnums: ReadonlyMap<unknown, OpenEnum>;
}

/**
 * A code as systems write it, folded to the form the library's codes have: trimmed, lower case,
 * each run of spaces and hyphens one `_`. `'Out-For-Delivery '` folds to `out_for_delivery`.
 *
 * @example
 * foldCode(' DELIVERED') //=> 'delivered'
 */
export function foldCode(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

function openEnum(schema: z.ZodType, label: string): [unknown, OpenEnum] {
  const entries = (defOf(schema) as { entries?: Record<string, string> }).entries ?? {};
  return [defOf(schema), { label, codes: new Map(Object.values(entries).map((code) => [foldCode(code), code])) }];
}

const defOf = (schema: z.ZodType): unknown => (schema as unknown as { _zod: { def: unknown } })._zod.def;

/**
 * The tolerance of order snapshots.
 *
 * @example
 * SNAPSHOT_TOLERANCE.suggesterFor(['promisedShipBy'])('promisedShipby') //=> 'promisedShipBy'
 */
export const SNAPSHOT_TOLERANCE: Tolerance = {
  timestamp: defOf(TimestampSchema),
  id: defOf(IdSchema),
  reference: defOf(ReferenceSchema),
  suggesterFor: createFieldSuggester,
  suggestedKeysPerObject: SUGGESTED_KEYS_PER_OBJECT,
  openEnums: new Map([openEnum(TrackingEventCodeSchema, 'tracking event code'), openEnum(ReportSchema.shape.kind, 'report kind')]),
};

/** True for the digits 0-9 at `index`. */
const isDigitAt = (text: string, index: number): boolean => {
  const code = text.charCodeAt(index);
  return code >= 48 && code <= 57;
};

/** True for the signs `+` and `-`. */
const isSignAt = (text: string, index: number): boolean => {
  const code = text.charCodeAt(index);
  return code === 43 || code === 45;
};

/**
 * A timestamp string with its offset in the one form the snapshot schema reads: `+hhmm` (ISO
 * 8601 basic) and `+hh` (ISO 8601 with hours only, as PostgreSQL prints `timestamptz`) as
 * `+hh:mm`, a lower-case `z` (RFC 3339 allows it) as `Z`; any other string unchanged. Only a
 * string with a `T` at index 10 and the offset after the seconds is touched.
 *
 * @example
 * withColonOffset('2026-03-01T10:00:00+0800') //=> '2026-03-01T10:00:00+08:00'
 * withColonOffset('2026-03-01T10:00:00+08') //=> '2026-03-01T10:00:00+08:00'
 * withColonOffset('2026-03-01T10:00:00z') //=> '2026-03-01T10:00:00Z'
 */
export function withColonOffset(text: string): string {
  const length = text.length;
  if (length < 20 || text.charCodeAt(10) !== 84) return text;
  if (text.charCodeAt(length - 1) === 122) return isDigitAt(text, length - 2) ? `${text.slice(0, length - 1)}Z` : text;
  const at = length - 5;
  if (isSignAt(text, at) && isDigitAt(text, at + 1) && isDigitAt(text, at + 2) && isDigitAt(text, at + 3) && isDigitAt(text, at + 4)) {
    return `${text.slice(0, at + 3)}:${text.slice(at + 3)}`;
  }
  const hours = length - 3;
  if (isSignAt(text, hours) && isDigitAt(text, hours + 1) && isDigitAt(text, hours + 2) && isDigitAt(text, hours - 1)) return `${text}:00`;
  return text;
}

/** The instants an ISO 8601 timestamp of four-digit years can write: the years 0000 to 9999 (UTC). */
const WRITABLE = { min: Date.parse('0000-01-01T00:00:00.000Z'), max: Date.parse('9999-12-31T23:59:59.999Z') } as const;

/**
 * What a timestamp field makes of a `Date` from any realm (a `vm` context, an iframe): its
 * instant as the ISO 8601 UTC string the snapshot carries, or a `problem` saying why it cannot
 * be one (an invalid Date, a year outside 0000 to 9999); undefined for a value that is no Date.
 * Its time value is read once, by a brand check past any override of `getTime` (a Proxy is no Date).
 *
 * @example
 * dateAsTimestamp(new Date(Date.UTC(2026, 2, 1, 2))) //=> { iso: '2026-03-01T02:00:00.000Z' }
 * dateAsTimestamp(new Date(Number.NaN)) //=> { problem: 'is an invalid Date: ...' }
 * dateAsTimestamp('2026-03-01T10:00:00+08:00') //=> undefined
 */
export function dateAsTimestamp(value: unknown): { readonly iso: string } | { readonly problem: string } | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  let time: number;
  try {
    time = Date.prototype.getTime.call(value);
  } catch {
    return undefined;
  }
  if (Number.isNaN(time)) return { problem: 'is an invalid Date: a timestamp must be a valid Date or an ISO 8601 string with an offset' };
  if (time < WRITABLE.min || time > WRITABLE.max) return { problem: 'is a Date outside the years 0000 to 9999 (UTC), which an ISO 8601 timestamp cannot write' };
  return { iso: new Date(time).toISOString() };
}
