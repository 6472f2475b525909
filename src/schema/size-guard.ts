import type { Issue } from '../errors.js';

/** Limits on the shape of an input, checked before any schema sees it. */
export interface SizeLimits {
  /** Deepest nesting of objects and arrays. */
  readonly depth: number;
  /** Most objects, arrays and values in all. */
  readonly nodes: number;
  /** Longest string, in UTF-16 code units. */
  readonly stringLength: number;
  /** Longest array. */
  readonly arrayLength: number;
}

/** Generous for any real order, small enough that a hostile input is refused in microseconds. */
export const SNAPSHOT_LIMITS: SizeLimits = { depth: 16, nodes: 100_000, stringLength: 100_000, arrayLength: 10_000 };

type Key = string | number;

/**
 * Walks an input iteratively (never recursively, so 10,000-deep nesting cannot overflow the
 * stack) and returns the first limit it crosses, with the path where it did; undefined when the
 * input is within every limit. Cycles count as too deep. zod 4 throws a RangeError on very deep
 * recursive input, and a 10 MB string would be scanned whole: neither reaches it.
 *
 * @example
 * checkSize({ remark: 'x'.repeat(200_000) }, SNAPSHOT_LIMITS)
 * //=> { path: ['remark'], message: 'string longer than 100000 characters' }
 */
export function checkSize(input: unknown, limits: SizeLimits): Issue | undefined {
  // `leave` entries mark the end of an object's subtree, so only its ancestors count as a cycle:
  // one object referenced twice side by side is fine.
  const stack: ({ value: unknown; path: Key[] } | { leave: object })[] = [{ value: input, path: [] }];
  const onPath = new Set<object>();
  let nodes = 0;
  while (stack.length > 0) {
    const entry = stack.pop() as { value: unknown; path: Key[] } | { leave: object };
    if ('leave' in entry) {
      onPath.delete(entry.leave);
      continue;
    }
    const { value, path } = entry;
    if (++nodes > limits.nodes) return { path, message: `more than ${limits.nodes} values in all` };
    if (typeof value === 'string') {
      if (value.length > limits.stringLength) return { path, message: `string longer than ${limits.stringLength} characters` };
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (path.length >= limits.depth) return { path, message: `nested deeper than ${limits.depth} levels` };
    if (onPath.has(value)) return { path, message: 'refers back to itself (a cycle)' };
    onPath.add(value);
    stack.push({ leave: value });
    if (Array.isArray(value)) {
      if (value.length > limits.arrayLength) return { path, message: `list longer than ${limits.arrayLength} items` };
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], path: [...path, i] });
    } else {
      const keys = Object.keys(value);
      if (keys.length > limits.arrayLength) return { path, message: `more than ${limits.arrayLength} fields` };
      for (let i = keys.length - 1; i >= 0; i--) {
        const key = keys[i] as string;
        stack.push({ value: (value as Record<string, unknown>)[key], path: [...path, key] });
      }
    }
  }
  return undefined;
}
