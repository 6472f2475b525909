import type { z } from 'zod';
import { writeOwn } from '../_lib/own-key.js';

const isPlainObject = (value: object): boolean => {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
};

/**
 * The value of `key` if it is `value`'s own data property; undefined for an inherited key, a
 * getter (never called: a getter may throw or answer differently each time) or a missing key.
 */
function ownData(value: object, key: string): unknown {
  const descriptor = Object.getOwnPropertyDescriptor(value, key);
  return descriptor !== undefined && 'value' in descriptor ? descriptor.value : undefined;
}

/**
 * A JSON copy of `value` with every object's keys sorted, or undefined when `value` is not JSON:
 * a bigint, function, symbol, undefined, a number that is not finite, or an object that is
 * neither a list nor a plain object (a Date, Map, class instance, boxed value). Inside an object
 * such a value is left out, inside a list it becomes null, as `JSON.stringify` writes it.
 */
function copyJson(value: unknown): unknown {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      // -0 becomes 0: JSON has no negative zero, and the report must read back equal.
      return Number.isFinite(value) ? value + 0 : undefined;
    case 'object':
      if (value === null) return null;
      if (Array.isArray(value)) return Array.from({ length: value.length }, (_, i) => copyJson(ownData(value, String(i))) ?? null);
      return isPlainObject(value) ? copyFields(value, Object.keys(value).sort()) : undefined;
    default:
      return undefined;
  }
}

/** A plain object with the JSON values of `keys` in `source`, in that order; own properties only. */
function copyFields(source: object, keys: readonly string[], out: Record<string, unknown> = {}): Record<string, unknown> {
  for (const key of keys) {
    const copy = copyJson(ownData(source, key));
    // writeOwn: a field named "__proto__" is copied as a field, never made the copy's prototype.
    if (copy !== undefined) writeOwn(out, key, copy);
  }
  return out;
}

/**
 * Quotes a snapshot record in a finding's evidence: a copy that shares no object with the
 * snapshot, with the schema's fields first in the schema's order and any other fields after
 * them, sorted. A report is then the same byte for byte whatever order the snapshot's keys
 * came in, and changing the snapshot afterwards cannot change it.
 *
 * The copy holds JSON only (docs/reliability.md, "Data used as keys"): it reads the record's own
 * data properties (never inherited ones, never getters); a field named `__proto__` stays a field;
 * an unknown field whose value is not JSON (a bigint, function, symbol, a number that is not
 * finite, an object that is not a plain object or list, such as a Date or anything of a class)
 * is left out, and such a value inside a list is quoted as null. `JSON.stringify` of the report
 * then never throws and reads back equal.
 *
 * @example
 * quoteRecord({ code: 'refused', at: '2026-03-03T11:00:00+08:00', x: 1, y: 10n }, TrackingEventSchema)
 * //=> { at: '2026-03-03T11:00:00+08:00', code: 'refused', x: 1 }
 */
export function quoteRecord<T extends object>(record: T, schema: z.ZodObject): T {
  const known = Object.keys(schema.shape);
  const knownSet = new Set(known);
  const out = copyFields(record, known);
  copyFields(
    record,
    Object.keys(record)
      .filter((key) => !knownSet.has(key))
      .sort(),
    out,
  );
  return out as T;
}
