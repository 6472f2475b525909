import { appendAll } from '../_lib/append-all.js';
import { describeError } from '../_lib/describe-error.js';
import type { Issue } from '../errors.js';
import type { SizeLimits } from './size-guard.js';

type Key = string | number;

/** One step of the walk: the children of `value` (at most `most`), or the path where reading threw. */
function children(value: object, path: Key[], most: number): { value: unknown; path: Key[] }[] | Issue {
  let keys: Key[];
  try {
    keys = Array.isArray(value) ? Array.from({ length: Math.min(value.length, most) }, (_, i) => i) : Object.keys(value).slice(0, most);
  } catch (thrown) {
    return { path, message: `could not be read: ${describeError(thrown)}` };
  }
  const out: { value: unknown; path: Key[] }[] = [];
  for (const key of keys) {
    try {
      out.push({ value: (value as Record<Key, unknown>)[key], path: [...path, key] });
    } catch (thrown) {
      return { path: [...path, key], message: `could not be read: ${describeError(thrown)}` };
    }
  }
  return out;
}

/**
 * Says where an input that threw while it was validated could not be read: the path of the
 * field that threw, or of the object whose keys or length did (a throwing getter, a Proxy trap,
 * a revoked Proxy), and what it threw. Walks iteratively within `limits`, reading each object once; used only
 * after validation threw, so it never runs for a readable snapshot.
 *
 * @example
 * unreadableIssue({ totals: { get payable() { throw new Error('lazy field failed') } } }, SNAPSHOT_LIMITS, error)
 * //=> { path: ['totals', 'payable'], message: 'could not be read: lazy field failed' }
 */
export function unreadableIssue(input: unknown, limits: SizeLimits, error: unknown): Issue {
  const stack: { value: unknown; path: Key[] }[] = [{ value: input, path: [] }];
  const seen = new Set<object>();
  try {
    for (let nodes = 0; stack.length > 0 && nodes < limits.nodes; nodes++) {
      const { value, path } = stack.pop() as { value: unknown; path: Key[] };
      if (typeof value !== 'object' || value === null || seen.has(value) || path.length > limits.depth) continue;
      seen.add(value);
      const next = children(value, path, limits.arrayLength);
      if (!Array.isArray(next)) return next;
      appendAll(stack, next.reverse());
    }
  } catch (thrown) {
    // Even typeof or a Set lookup can only throw on exotic objects: no path, but still the cause.
    return { path: [], message: `could not be read: ${describeError(thrown)}` };
  }
  return { path: [], message: `could not be read: ${describeError(error)}` };
}
