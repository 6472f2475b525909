/** One step of a rule path: an own property name, or an array index. */
export type PathSegment = string | number;

const NAME = /^[A-Za-z_$][A-Za-z0-9_$]{0,63}$/;
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);
const MAX_SEGMENTS = 16;

/**
 * Parses a rule `path` in the plain grammar order-triage accepts: `$` followed by `.name` and
 * `[index]` steps, such as `$.totals.payable` or `$.items[0].sku`. Everything else (filters,
 * wildcards, recursive descent, script expressions, quoted names) is refused: json-rules-engine's
 * default JSONPath resolver can execute code from a path, and no user path may reach it.
 * `__proto__`, `constructor` and `prototype` are refused as names.
 *
 * @returns the segments, or a message saying what is wrong.
 *
 * @example
 * parseRulePath('$.items[0].sku') //=> ['items', 0, 'sku']
 * parseRulePath("$..[?(@.constructor)]") //=> 'path must be $ followed by .name or [index] steps: ...'
 */
export function parseRulePath(path: string): PathSegment[] | string {
  if (path.length > 256) return 'path is longer than 256 characters';
  if (!path.startsWith('$')) return `path must start with $: ${JSON.stringify(path)}`;
  const segments: PathSegment[] = [];
  let i = 1;
  while (i < path.length) {
    if (segments.length >= MAX_SEGMENTS) return `path has more than ${MAX_SEGMENTS} steps`;
    const ch = path[i];
    if (ch === '.') {
      let j = i + 1;
      while (j < path.length && path[j] !== '.' && path[j] !== '[') j++;
      const name = path.slice(i + 1, j);
      if (!NAME.test(name)) return `path must be $ followed by .name or [index] steps: ${JSON.stringify(path)}`;
      if (FORBIDDEN.has(name)) return `path may not name ${name}: ${JSON.stringify(path)}`;
      segments.push(name);
      i = j;
    } else if (ch === '[') {
      const close = path.indexOf(']', i);
      const index = close === -1 ? '' : path.slice(i + 1, close);
      if (!/^\d{1,6}$/.test(index)) return `path must be $ followed by .name or [index] steps: ${JSON.stringify(path)}`;
      segments.push(Number(index));
      i = close + 1;
    } else return `path must be $ followed by .name or [index] steps: ${JSON.stringify(path)}`;
  }
  return segments;
}

/**
 * Reads a parsed path from a value, through own properties and array indexes only; undefined
 * where the path leads nowhere. Never calls a getter on a prototype, never walks up one.
 *
 * @example
 * resolveRulePath({ items: [{ sku: 'A' }] }, ['items', 0, 'sku']) //=> 'A'
 * resolveRulePath({}, ['toString']) //=> undefined
 */
export function resolveRulePath(value: unknown, segments: readonly PathSegment[]): unknown {
  let current = value;
  for (const segment of segments) {
    if (typeof segment === 'number') {
      if (!Array.isArray(current) || segment >= current.length) return undefined;
      current = current[segment];
    } else {
      if (typeof current !== 'object' || current === null || Array.isArray(current) || !Object.hasOwn(current, segment)) return undefined;
      current = (current as Record<string, unknown>)[segment];
    }
  }
  return current;
}
