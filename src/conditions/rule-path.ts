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
  const parsed = parse(path);
  if (typeof parsed !== 'string' || path.length > 256) return parsed;
  // Name the path it probably meant: `status` for `$.status`, `$.items.0.sku` for `$.items[0].sku`.
  const rooted = path.startsWith('$') ? path : path.startsWith('.') || path.startsWith('[') ? `$${path}` : `$.${path}`;
  const meant = rooted.replace(/\.(\d{1,6})(?=[.[]|$)/g, '[$1]');
  return meant !== path && Array.isArray(parse(meant)) ? `${parsed}; did you mean ${JSON.stringify(meant)}?` : parsed;
}

function parse(path: string): PathSegment[] | string {
  if (path.length > 256) return 'path is longer than 256 characters';
  if (!path.startsWith('$')) return `path must start with $: ${JSON.stringify(path)}`;
  if (path.includes('..') || path.includes('*') || path.includes('?(') || path.includes('(')) {
    return `path must be $ followed by .name or [index] steps; wildcard, recursive and filter paths ($.., [*], [?()]) are refused: they read many values, and json-rules-engine's JSONPath evaluates filter expressions as code; use a someFact: or everyFact: operator on a list, or a user fact (options.facts): ${JSON.stringify(path)}`;
  }
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
 * where the path leads nowhere. Never calls a getter on a prototype, never walks up one. As
 * json-rules-engine's JSONPath reads them: `.length` of a list or a string is its length, an
 * index into a string is that character, and an index into an object is its own key of that name.
 *
 * @example
 * resolveRulePath({ items: [{ sku: 'A' }] }, ['items', 0, 'sku']) //=> 'A'
 * resolveRulePath({ items: [{ sku: 'A' }] }, ['items', 'length']) //=> 1
 * resolveRulePath({}, ['toString']) //=> undefined
 */
export function resolveRulePath(value: unknown, segments: readonly PathSegment[]): unknown {
  let current = value;
  for (const segment of segments) {
    current = step(current, segment);
    if (current === undefined) return undefined;
  }
  return current;
}

function step(current: unknown, segment: PathSegment): unknown {
  if (typeof current === 'string') {
    if (segment === 'length') return current.length;
    return typeof segment === 'number' && segment < current.length ? current[segment] : undefined;
  }
  if (Array.isArray(current)) {
    if (segment === 'length') return current.length;
    return typeof segment === 'number' && segment < current.length ? current[segment] : undefined;
  }
  if (typeof current !== 'object' || current === null) return undefined;
  const key = String(segment);
  return Object.hasOwn(current, key) ? (current as Record<string, unknown>)[key] : undefined;
}

/**
 * A fact's value read at a rule path, as json-rules-engine's almanac reads it: the path applies
 * only when the value is an object or a list; any other value (a string, a number, null) is
 * answered as it is.
 *
 * @example
 * readFactPath({ a: 1 }, ['a']) //=> 1
 * readFactPath(5, ['a']) //=> 5
 */
export function readFactPath(value: unknown, segments: readonly PathSegment[] | undefined): unknown {
  if (segments === undefined || value === null || typeof value !== 'object') return value;
  return resolveRulePath(value, segments);
}
