import { describeError } from '../_lib/describe-error.js';
import { isPlainObject } from '../_lib/plain-object.js';
import type { Issue } from '../errors.js';

/** Limits on the options object as read: deeper or larger than any real configuration. */
export const OPTIONS_COPY_LIMITS = { depth: 64, values: 5_000_000 } as const;

interface Copying {
  readonly issues: Issue[];
  values: number;
}

/** `value` copied, or undefined with an issue at `path` when a Proxy trap throws on the way. */
function copyValue(c: Copying, value: unknown, path: (string | number)[]): unknown {
  if (typeof value !== 'object' || value === null) return value;
  try {
    return copyObject(c, value, path);
  } catch (error) {
    c.issues.push({ path: [...path], message: `could not be read: ${describeError(error)}` });
    return undefined;
  }
}

// `path` is one stack, pushed and popped as the walk goes; issues take a copy of it.
function copyObject(c: Copying, value: object, path: (string | number)[]): unknown {
  // Deeper than any option reaches (rule conditions stop at RULE_LIMITS.depth, and are refused
  // past it): kept as given, unread, so a self-referring or 10,000-deep value is refused by the
  // check that knows why.
  if (path.length > OPTIONS_COPY_LIMITS.depth) return value;
  if (Array.isArray(value)) {
    const length = value.length;
    const copy: unknown[] = [];
    for (let i = 0; i < length && c.values <= OPTIONS_COPY_LIMITS.values; i++) copy.push(readOnce(c, value, i, path));
    return copy;
  }
  // Class instances (a catalogue written as a class) keep their prototype: they are used as given.
  if (!isPlainObject(value)) return value;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    if (c.values > OPTIONS_COPY_LIMITS.values) break;
    const read = readOnce(c, value, key, path);
    // A "__proto__" key stays a plain key, never the copy's prototype.
    if (key === '__proto__') Object.defineProperty(copy, key, { value: read, enumerable: true, writable: true, configurable: true });
    else copy[key] = read;
  }
  return copy;
}

/** Reads `holder[key]` once (a getter runs once), copying what it holds; a throw becomes an issue. */
function readOnce(c: Copying, holder: object, key: string | number, path: (string | number)[]): unknown {
  if (++c.values > OPTIONS_COPY_LIMITS.values) {
    if (c.values === OPTIONS_COPY_LIMITS.values + 1) c.issues.push({ path: [...path], message: `the options hold more than ${OPTIONS_COPY_LIMITS.values} values` });
    return undefined;
  }
  path.push(key);
  try {
    let value: unknown;
    try {
      value = (holder as Record<string | number, unknown>)[key];
    } catch (error) {
      c.issues.push({ path: [...path], message: `could not be read: ${describeError(error)}` });
      return undefined;
    }
    return copyValue(c, value, path);
  } finally {
    path.pop();
  }
}

/**
 * A plain copy of the options of `createTriage`, each value read exactly once: what is
 * validated is what runs, even when a getter or Proxy would answer differently the second time
 * (docs/policy.md). Object literals and arrays are copied; functions and class instances are
 * kept as given, and so is anything nested deeper than {@link OPTIONS_COPY_LIMITS} (deeper than
 * any valid option: validation refuses it). A getter or Proxy trap that throws, and more values
 * than the limit allows, are issues at their path, never a throw.
 *
 * @example
 * copyOptions({ get locale() { throw new Error('no') } })
 * //=> { value: { locale: undefined }, issues: [{ path: ['locale'], message: 'could not be read: no' }] }
 */
export function copyOptions(options: unknown): { value: unknown; issues: Issue[] } {
  const c: Copying = { issues: [], values: 0 };
  const value = copyValue(c, options, []);
  return { value, issues: c.issues };
}
