import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveOptions } from '../engine/resolve-options.js';
import { TriageOptionsSchema } from './options.js';

// createTriage parses its options without zod's JIT (src/engine/resolve-options.ts): each triage
// parses them once, so generating and compiling a parser per object schema only costs. The JIT is
// an optimisation inside zod: both ways must give the same data, in the same key order, and the
// same issues, for any options.

type Path = (string | number)[];

const defaults = resolveOptions({}).resolved;

/** Every path inside `value` (objects and arrays walked), the root included. */
function pathsOf(value: unknown, path: Path, into: Path[]): Path[] {
  into.push(path);
  if (typeof value === 'object' && value !== null) for (const [key, child] of Object.entries(value)) pathsOf(child, [...path, Array.isArray(value) ? Number(key) : key], into);
  return into;
}

const PATHS = pathsOf({ thresholds: defaults.thresholds, policy: defaults.policy, batch: defaults.batch, locale: defaults.locale }, [], []).filter((p) => p.length > 0);

/** `root` with the value at `path` replaced (or removed, for `undefined`), copying on the way down. */
function withValueAt(root: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  const [key, ...rest] = path as [string | number, ...Path];
  const node = (Array.isArray(root) ? [...root] : typeof root === 'object' && root !== null ? { ...root } : {}) as Record<string | number, unknown>;
  const next = withValueAt(node[key], rest, value);
  if (next === undefined) delete node[key];
  else node[key] = next;
  return node;
}

const value = fc.oneof(
  fc.constantFrom(0, 1, -1, 0.5, 2 ** 40, Number.NaN, 1e308, '', 'en', 'zh-CN', 'Asia/Shanghai', 'UTC', 'Not/AZone', true, false, null, undefined, [], {}),
  fc.anything({ maxDepth: 2, withNullPrototype: true, withObjectString: true }),
  fc.constant(JSON.parse('{"__proto__":{"polluted":1},"minutes":5}')),
);

/** The default at `path`. */
function defaultAt(path: Path): unknown {
  let node: unknown = { thresholds: defaults.thresholds, policy: defaults.policy, batch: defaults.batch, locale: defaults.locale };
  for (const key of path) node = (node as Record<string | number, unknown>)[key];
  return node;
}

/** A value of the default's own kind (most such options are valid), or any value (most are not). */
const edit = fc.constantFrom(...PATHS).chain((path) => {
  const original = defaultAt(path);
  const plausible =
    typeof original === 'number'
      ? Number.isInteger(original)
        ? fc.integer({ min: 1, max: 2 * Math.max(1, original) })
        : fc.double({ min: 0, max: 1, noNaN: true })
      : typeof original === 'boolean'
        ? fc.boolean()
        : typeof original === 'string'
          ? fc.constantFrom(original, original, 'en', 'zh-CN', 'UTC', 'Asia/Tokyo', '')
          : fc.oneof({ weight: 4, arbitrary: fc.constant(structuredClone(original)) }, { weight: 1, arbitrary: fc.constant(undefined) });
  return fc.tuple(fc.constant(path), fc.oneof({ weight: 8, arbitrary: plausible }, { weight: 1, arbitrary: value }));
});

const options = fc
  .record({
    edits: fc.array(edit, { maxLength: 4 }),
    extra: fc.option(fc.tuple(fc.constantFrom(...PATHS), fc.string({ maxLength: 8 }), value), { freq: 4 }),
    start: fc.oneof({ weight: 6, arbitrary: fc.constant('defaults' as const) }, { weight: 1, arbitrary: fc.constant('empty' as const) }),
  })
  .map(({ edits, extra, start }) => {
    let built: unknown = start === 'empty' ? {} : structuredClone({ thresholds: defaults.thresholds, policy: defaults.policy, batch: defaults.batch, locale: defaults.locale });
    for (const [path, v] of edits) built = withValueAt(built, path, v);
    if (extra !== null) built = withValueAt(built, [...extra[0], extra[1]], extra[2]);
    return built;
  });

function bothWays(input: unknown) {
  return [TriageOptionsSchema.safeParse(input), TriageOptionsSchema.safeParse(input, { jitless: true })] as const;
}

describe('the options parsed without zod JIT', () => {
  it('give the same data, key order and issues as with it, for any options', () => {
    fc.assert(
      fc.property(fc.oneof({ weight: 9, arbitrary: options }, { weight: 1, arbitrary: value }), (input) => {
        const [jit, plain] = bothWays(input);
        expect(plain.success).toBe(jit.success);
        if (jit.success && plain.success) {
          expect(plain.data).toStrictEqual(jit.data);
          expect(JSON.stringify(plain.data)).toBe(JSON.stringify(jit.data));
        } else {
          expect(JSON.stringify(plain.error?.issues)).toBe(JSON.stringify(jit.error?.issues));
        }
      }),
      { numRuns: 1_500, seed: 20 },
    );
  });

  it('give the same defaults for no options, the output createTriage starts from', () => {
    const [jit, plain] = bothWays({});
    expect(plain.success && jit.success).toBe(true);
    expect(JSON.stringify(plain.data)).toBe(JSON.stringify(jit.data));
    expect(plain.data).toStrictEqual(jit.data);
  });
});
