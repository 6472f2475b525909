import type { z } from 'zod';
import type { PathSegment } from '../conditions/rule-path.js';
import { OrderSnapshotSchema } from '../schema/snapshot.js';

/** What a path into the snapshot holds, as far as the schema tells. */
export type PathType = 'number' | 'string' | 'boolean' | 'array' | 'object' | 'unknown' | 'missing';

/**
 * The type at `segments` inside the order snapshot, from the snapshot schema: `unknown` for
 * fields the schema lets through without knowing them, `missing` for a name the schema's
 * object has not got... which is also allowed (unknown fields pass through), so it reads as unknown.
 */
export function orderPathType(segments: readonly PathSegment[]): { type: PathType; optional: boolean } {
  let schema: z.ZodType | undefined = OrderSnapshotSchema;
  let optional = false;
  for (let i = 0; i <= segments.length; ) {
    if (schema === undefined) return { type: 'unknown', optional: true };
    const def = schema._zod.def as unknown as Record<string, unknown> & { type: string };
    if (def.type === 'optional' || def.type === 'default' || def.type === 'nullable') {
      optional = true;
      schema = def.innerType as z.ZodType;
      continue;
    }
    if (i === segments.length) {
      switch (def.type) {
        case 'number':
        case 'int':
          return { type: 'number', optional };
        case 'string':
        case 'enum':
          return { type: 'string', optional };
        case 'boolean':
          return { type: 'boolean', optional };
        case 'array':
          return { type: 'array', optional };
        case 'object':
          return { type: 'object', optional };
        default:
          return { type: 'unknown', optional };
      }
    }
    const segment = segments[i];
    // As json-rules-engine's JSONPath reads them: the length of a list or a string, a character of a string.
    if (segment === 'length' && (def.type === 'array' || def.type === 'string') && i === segments.length - 1) return { type: 'number', optional };
    if (typeof segment === 'number' && def.type === 'string' && i === segments.length - 1) return { type: 'string', optional: true };
    if (def.type === 'object' && typeof segment === 'string') {
      const shape = def.shape as Record<string, z.ZodType>;
      // A name the schema does not know is an extra field passed through: its type is unknown.
      schema = Object.hasOwn(shape, segment) ? shape[segment] : undefined;
    } else if (def.type === 'array' && typeof segment === 'number') {
      optional = true; // the index may be out of range
      schema = def.element as z.ZodType;
    } else {
      return { type: 'missing', optional: true };
    }
    i++;
  }
  return { type: 'unknown', optional: true };
}
