import { writeOwn } from './own-key.js';
import { isPlainObject } from './plain-object.js';

// Copies of values from the caller's data as JSON, for everything a report quotes (evidence
// records, the values conditions read): docs/reliability.md, "Data used as keys".

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
export function copyFields(source: object, keys: readonly string[], out: Record<string, unknown> = {}): Record<string, unknown> {
  for (const key of keys) {
    const copy = copyJson(ownData(source, key));
    // writeOwn: a field named "__proto__" is copied as a field, never made the copy's prototype.
    if (copy !== undefined) writeOwn(out, key, copy);
  }
  return out;
}

/**
 * A value read from the caller's data, as a report may quote it: a JSON copy that shares no
 * object with the input (see {@link copyFields}), or null for a value that is not JSON (a
 * bigint, function, symbol, undefined, a number that is not finite, a Date, Map or class
 * instance). `JSON.stringify` of it never throws and reads back equal.
 *
 * @example
 * quoteValue({ b: 1n, a: [1, () => 0] }) //=> { a: [1, null] }
 * quoteValue(10n) //=> null
 */
export function quoteValue(value: unknown): unknown {
  return copyJson(value) ?? null;
}
