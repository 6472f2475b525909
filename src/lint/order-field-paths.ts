import type { z } from 'zod';
import { OrderSnapshotSchema } from '../schema/snapshot.js';

type Def = Record<string, unknown> & { type: string };

const defOf = (schema: z.ZodType): Def => schema._zod.def as unknown as Def;

/** The schema under wrappers (optional, default, nullable, pipe), or undefined for a lazy or unknown node. */
function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  for (;;) {
    const def = defOf(current);
    if (def.type === 'optional' || def.type === 'default' || def.type === 'prefault' || def.type === 'nullable') current = def.innerType as z.ZodType;
    else if (def.type === 'pipe') current = def.in as z.ZodType;
    else return current;
  }
}

/** The field names an object schema knows, or undefined when `schema` is no object. */
export function objectKeys(schema: z.ZodType): string[] | undefined {
  const def = defOf(unwrap(schema));
  return def.type === 'object' ? Object.keys(def.shape as Record<string, z.ZodType>) : undefined;
}

/** The schema of field `key` (an object) or of an element (an array, for a number), or undefined. */
export function childSchema(schema: z.ZodType, key: string | number): z.ZodType | undefined {
  const def = defOf(unwrap(schema));
  if (def.type === 'object' && typeof key === 'string') {
    const shape = def.shape as Record<string, z.ZodType>;
    return Object.hasOwn(shape, key) ? shape[key] : undefined;
  }
  if (def.type === 'array' && typeof key === 'number') return def.element as z.ZodType;
  return undefined;
}

function collect(schema: z.ZodType, prefix: string, into: string[], depth: number): void {
  const inner = unwrap(schema);
  const def = defOf(inner);
  if (prefix !== '$') into.push(prefix);
  if (depth > 8) return;
  if (def.type === 'object') {
    for (const key of Object.keys(def.shape as Record<string, z.ZodType>)) collect((def.shape as Record<string, z.ZodType>)[key] as z.ZodType, `${prefix}.${key}`, into, depth + 1);
  } else if (def.type === 'array') collect(def.element as z.ZodType, `${prefix}[0]`, into, depth + 1);
}

let cached: readonly string[] | undefined;

/**
 * Every field path of the order snapshot a rule can read with the fact `order`, derived from the
 * snapshot's zod schema (so it cannot drift from it); a list element is written `[0]`.
 *
 * @example
 * orderFieldPaths().includes('$.totals.payable') //=> true
 * orderFieldPaths().includes('$.items[0].sku') //=> true
 */
export function orderFieldPaths(): readonly string[] {
  if (cached === undefined) {
    const into: string[] = [];
    collect(OrderSnapshotSchema, '$', into, 0);
    cached = Object.freeze(into);
  }
  return cached;
}

/** The snapshot's schema, the root {@link childSchema} walks from. */
export const ORDER_SCHEMA: z.ZodType = OrderSnapshotSchema;
