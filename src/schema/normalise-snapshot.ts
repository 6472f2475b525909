import type { z } from 'zod';
import { isPlainObject } from '../_lib/plain-object.js';
import type { Issue } from '../errors.js';
import { tooManyUnknownKeys } from './field-suggestion.js';
import { OrderSnapshotSchema } from './snapshot.js';
import { dateAsTimestamp, foldCode, type OpenEnum, SNAPSHOT_TOLERANCE, withColonOffset } from './tolerance.js';

/** A snapshot as the schema reads it, what was tolerated on the way, and what no tolerance covers. */
export interface NormalisedSnapshot {
  /** The input with nulls on optional fields left out, Dates, `+hhmm` offsets, numeric ids and codes folded, unknown codes rewritten. */
  readonly value: unknown;
  /** What was tolerated and is worth saying (unknown codes, keys that look misspelt). */
  readonly warnings: Issue[];
  /** What is wrong in a way the schema would name less clearly (an invalid Date, an unsafe id). */
  readonly issues: Issue[];
}

interface WalkDef {
  readonly type?: string;
  readonly shape?: Readonly<Record<string, z.ZodType>>;
  readonly catchall?: z.ZodType;
  readonly innerType?: z.ZodType;
  readonly element?: z.ZodType;
  readonly entries?: Readonly<Record<string, unknown>>;
}

const defOf = (schema: z.ZodType): WalkDef => (schema as unknown as { _zod: { def: WalkDef } })._zod.def;

/** The value kept for a code or kind the library does not know (docs/snapshot.md, "Tolerance"). */
export const UNKNOWN_VALUE = 'unknown';

const OMIT: unique symbol = Symbol('omit');

/** Per object definition, the suggester of its known keys (made once, on first use). */
const suggesters = new WeakMap<WalkDef, (key: string) => string | undefined>();

function suggesterOf(def: WalkDef): (key: string) => string | undefined {
  let suggest = suggesters.get(def);
  if (suggest === undefined) {
    suggest = SNAPSHOT_TOLERANCE.suggesterFor(Object.keys(def.shape ?? {}));
    suggesters.set(def, suggest);
  }
  return suggest;
}

interface Walk {
  readonly warnings: Issue[];
  readonly issues: Issue[];
}

function setField(copy: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(copy, key, { value, writable: true, enumerable: true, configurable: true });
  else copy[key] = value;
}

function readTimestamp(value: unknown, path: readonly (string | number)[], walk: Walk): unknown {
  if (typeof value === 'string') return withColonOffset(value);
  const date = dateAsTimestamp(value);
  if (date === undefined) return value;
  if ('iso' in date) return date.iso;
  walk.issues.push({ path, message: date.problem });
  return value;
}

function readId(value: unknown, path: readonly (string | number)[], walk: Walk): unknown {
  if (typeof value !== 'number') return value;
  if (Number.isSafeInteger(value)) return String(value);
  walk.issues.push({ path, message: 'an id must be a string or a safe integer' });
  return value;
}

/** A code of an open enum: a value that folds to a known code is that code (no warning); any other string is `unknown`, with a warning. */
function readOpenEnum({ label, codes }: OpenEnum, value: unknown, path: readonly (string | number)[], walk: Walk): unknown {
  if (typeof value !== 'string') return value;
  const code = codes.get(value) ?? (value.length > 64 ? undefined : codes.get(foldCode(value)));
  if (code !== undefined) return code;
  walk.warnings.push({ path, message: `unknown ${label} "${value.slice(0, 64)}": kept as "${UNKNOWN_VALUE}", which no check reads as a known one` });
  return UNKNOWN_VALUE;
}

function readObject(def: WalkDef, value: unknown, path: readonly (string | number)[], walk: Walk): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || !isPlainObject(value)) return value;
  const shape = def.shape ?? {};
  const loose = def.catchall !== undefined && defOf(def.catchall).type === 'unknown';
  const record = value as Record<string, unknown>;
  const copy: Record<string, unknown> = {};
  // Only the first suggestedKeysPerObject unknown keys are looked at, so an object costs a bounded amount.
  let unknown = 0;
  for (const key in record) {
    if (!Object.hasOwn(record, key)) continue;
    const field = record[key];
    if (Object.hasOwn(shape, key)) {
      const read = readValue(shape[key] as z.ZodType, field, [...path, key], walk);
      if (read !== OMIT) setField(copy, key, read);
      continue;
    }
    setField(copy, key, field);
    const meant = loose && ++unknown <= SNAPSHOT_TOLERANCE.suggestedKeysPerObject ? suggesterOf(def)(key) : undefined;
    if (meant !== undefined) walk.warnings.push({ path: [...path, key], message: `unknown field "${key.slice(0, 64)}" is ignored: did you mean \`${meant}\`?` });
  }
  if (unknown > SNAPSHOT_TOLERANCE.suggestedKeysPerObject) walk.warnings.push({ path, message: tooManyUnknownKeys(unknown) });
  return copy;
}

function readValue(schema: z.ZodType, value: unknown, path: readonly (string | number)[], walk: Walk): unknown {
  const def = defOf(schema);
  if (def === SNAPSHOT_TOLERANCE.timestamp) return readTimestamp(value, path, walk);
  if (def === SNAPSHOT_TOLERANCE.id || def === SNAPSHOT_TOLERANCE.reference) return readId(value, path, walk);
  const open = SNAPSHOT_TOLERANCE.openEnums.get(def);
  if (open !== undefined) return readOpenEnum(open, value, path, walk);
  switch (def.type) {
    case 'optional':
      return value === null ? OMIT : readValue(def.innerType as z.ZodType, value, path, walk);
    case 'array':
      return Array.isArray(value) ? value.map((element, i) => readValue(def.element as z.ZodType, element, [...path, i], walk)) : value;
    case 'object':
      return readObject(def, value, path, walk);
    default:
      return value;
  }
}

/**
 * Reads a snapshot as databases hold it (docs/snapshot.md, "Tolerance"), into the form
 * `OrderSnapshotSchema` checks: null on an optional field is left out; a timestamp that is a
 * valid `Date` becomes its ISO string and a `+0800` offset `+08:00`; a safe-integer id becomes
 * its string; an unknown tracking event code or report kind becomes `unknown`, with a warning;
 * an unknown key that looks like a misspelt or snake_case field stays (ignored) with a warning
 * saying which field it may mean. Plain objects and arrays the schema describes are copied; the
 * input is not changed. Values it cannot read (an invalid Date, an unsafe id) are named in `issues`.
 *
 * @example
 * normaliseSnapshot({ ...order, remark: null, promised_ship_by: '2026-03-02T10:00:00+0800' }).warnings
 * //=> [{ path: ['promised_ship_by'], message: 'unknown field "promised_ship_by" is ignored: did you mean `promisedShipBy`?' }]
 */
export function normaliseSnapshot(input: unknown): NormalisedSnapshot {
  const walk: Walk = { warnings: [], issues: [] };
  const value = readValue(OrderSnapshotSchema, input, [], walk);
  return { value, warnings: walk.warnings, issues: walk.issues };
}
