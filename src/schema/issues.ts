import type { z } from 'zod';
import type { Issue } from '../errors.js';

type Key = string | number;

/** The keys an object schema accepts at `path` inside `schema`, looking through wrappers. */
function knownKeysAt(schema: z.ZodType, path: readonly Key[]): string[] {
  let current: z.ZodType | undefined = schema;
  for (let i = 0; i <= path.length && current !== undefined; ) {
    const def = current._zod.def as unknown as Record<string, unknown> & { type: string };
    if (def.type === 'default' || def.type === 'prefault' || def.type === 'optional' || def.type === 'nullable') {
      current = def.innerType as z.ZodType;
    } else if (def.type === 'pipe') {
      current = def.in as z.ZodType;
    } else if (def.type === 'object') {
      const shape = def.shape as Record<string, z.ZodType>;
      if (i === path.length) return Object.keys(shape);
      current = shape[String(path[i])];
      i++;
    } else if (def.type === 'record') {
      if (i === path.length) return [];
      current = def.valueType as z.ZodType;
      i++;
    } else return [];
  }
  return [];
}

/** Edit distance, for "did you mean" on misspelt keys. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j] as number;
      row[j] = Math.min(above + 1, (row[j - 1] as number) + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length] as number;
}

/**
 * The closest known key to a misspelt one, if it is close enough to be a typo.
 *
 * @example
 * suggestKey('unpaidMinute', ['unpaidMinutes', 'autoCancelHours']) //=> 'unpaidMinutes'
 */
export function suggestKey(key: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const d = candidate.toLowerCase() === key.toLowerCase() ? 0 : distance(key, candidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(key.length / 4)) ? best : undefined;
}

/**
 * Turns zod's issues into order-triage's `{ path, message }` issues. Each unknown key becomes
 * its own issue at its own path, with a "did you mean" when `schema` knows a close key.
 */
export function toIssues(error: z.ZodError, prefix: readonly Key[] = [], schema?: z.ZodType): Issue[] {
  const issues: Issue[] = [];
  for (const issue of error.issues) {
    const path = issue.path.map((key) => (typeof key === 'symbol' ? String(key) : key));
    if (issue.code === 'unrecognized_keys') {
      const known = schema === undefined ? [] : knownKeysAt(schema, path);
      for (const key of issue.keys) {
        const suggestion = suggestKey(key, known);
        issues.push({
          path: [...prefix, ...path, key],
          message: `unknown key "${key}"` + (suggestion === undefined ? '' : `; did you mean "${suggestion}"?`) + (known.length > 0 ? ` (known keys: ${known.join(', ')})` : ''),
        });
      }
      continue;
    }
    // A record key that fails its schema (a currency key that is not ISO 4217): say why, not only "Invalid key".
    const why = issue.code === 'invalid_key' ? issue.issues.map((inner) => inner.message).join('; ') : '';
    issues.push({ path: [...prefix, ...path], message: why === '' ? issue.message : `invalid key: ${why}` });
  }
  return issues;
}
