import type { z } from 'zod';

/** A deep copy with every object's keys sorted, so the copy reads the same whatever order they came in. */
function copyValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copyValue);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) out[key] = copyValue((value as Record<string, unknown>)[key]);
  return out;
}

/**
 * Quotes a snapshot record in a finding's evidence: a copy that shares no object with the
 * snapshot, with the schema's fields first in the schema's order and any other fields after
 * them, sorted. A report is then the same byte for byte whatever order the snapshot's keys
 * came in, and changing the snapshot afterwards cannot change it.
 *
 * @example
 * quoteRecord({ code: 'refused', at: '2026-03-03T11:00:00+08:00', x: 1 }, TrackingEventSchema)
 * //=> { at: '2026-03-03T11:00:00+08:00', code: 'refused', x: 1 }
 */
export function quoteRecord<T extends object>(record: T, schema: z.ZodObject): T {
  const out: Record<string, unknown> = {};
  const source = record as Record<string, unknown>;
  const known = Object.keys(schema.shape);
  for (const key of known) if (source[key] !== undefined) out[key] = copyValue(source[key]);
  for (const key of Object.keys(source).sort()) if (!known.includes(key)) out[key] = copyValue(source[key]);
  return out as T;
}
