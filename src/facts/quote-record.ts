import type { z } from 'zod';
import { copyFields } from '../_lib/json-copy.js';

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
