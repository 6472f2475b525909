import type { z } from 'zod';
import { isPlainObject } from '../_lib/plain-object.js';
import type { SizeLimits } from './size-guard.js';
import { dateAsTimestamp, foldCode, type Tolerance, withColonOffset } from './tolerance.js';

/**
 * A check compiled from a zod schema that copies what it checks: for an input that the schema
 * accepts *and* that is within the size limits, a plain-data copy of it (objects with
 * `Object.prototype`, arrays), each value read from the input exactly once; for any other
 * input, undefined. It never says why; an undefined sends the input down the full path (size
 * guard, then zod's `safeParse`), which names every problem.
 */
export type Acceptor<T = unknown> = (input: unknown) => T | undefined;

/** What a check returns for a value it refuses (undefined is a value an optional field may hold). */
const REFUSED: unique symbol = Symbol('refused');

/** Checks one value and returns its copy, or REFUSED. */
type Check = (value: unknown, depth: number) => unknown;

interface Counter {
  nodes: number;
}

interface CheckDef {
  readonly check?: string;
  readonly type?: string;
  readonly format?: string;
  readonly pattern?: RegExp;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly length?: number;
  readonly value?: unknown;
  readonly inclusive?: boolean;
  readonly when?: unknown;
  readonly fn?: (value: unknown) => unknown;
}

interface SchemaDef extends CheckDef {
  readonly checks?: readonly { readonly _zod: { readonly def: CheckDef } }[];
  readonly shape?: Readonly<Record<string, z.ZodType>>;
  readonly catchall?: z.ZodType;
  readonly innerType?: z.ZodType;
  readonly element?: z.ZodType;
  readonly entries?: Readonly<Record<string, unknown>>;
  readonly coerce?: boolean;
}

const defOf = (schema: z.ZodType): SchemaDef => (schema as unknown as { _zod: { def: SchemaDef } })._zod.def;

/** Thrown while compiling when a schema uses something the acceptor cannot judge exactly. */
class Unsupported extends Error {}

/** The checks on a schema: its own format check (z.iso.datetime, z.int) first, then `.checks`. */
function checksOf(def: SchemaDef): CheckDef[] {
  const own: CheckDef[] = def.check === undefined ? [] : [def];
  return [...own, ...(def.checks ?? []).map((c) => c._zod.def)];
}

/** A string schema's checks, folded: length bounds, then patterns, then refinements. */
interface StringRule {
  minLength: number;
  maxLength: number;
  patterns: RegExp[];
  refinements: ((value: unknown) => unknown)[];
}

function stringRule(def: SchemaDef): StringRule {
  const rule: StringRule = { minLength: 0, maxLength: Infinity, patterns: [], refinements: [] };
  for (const check of checksOf(def)) {
    switch (check.check) {
      case 'min_length':
        rule.minLength = Math.max(rule.minLength, check.minimum as number);
        break;
      case 'max_length':
        rule.maxLength = Math.min(rule.maxLength, check.maximum as number);
        break;
      case 'length_equals':
        rule.minLength = Math.max(rule.minLength, check.length as number);
        rule.maxLength = Math.min(rule.maxLength, check.length as number);
        break;
      case 'string_format':
        // Formats whose whole check is their pattern; others (url, jwt, ...) add code we do not repeat.
        if ((check.format !== 'regex' && check.format !== 'datetime') || !(check.pattern instanceof RegExp)) throw new Unsupported(`string format ${check.format}`);
        rule.patterns.push(check.pattern);
        break;
      case 'custom':
        if (typeof check.fn !== 'function' || check.when !== undefined) throw new Unsupported('refinement');
        rule.refinements.push(check.fn);
        break;
      default:
        throw new Unsupported(`string check ${check.check}`);
    }
  }
  return rule;
}

/** A number schema's checks, folded: safe integer or not, and the tightest bounds. */
interface NumberRule {
  safeInteger: boolean;
  min: number;
  minInclusive: boolean;
  max: number;
  maxInclusive: boolean;
}

function numberRule(def: SchemaDef): NumberRule {
  const rule: NumberRule = { safeInteger: false, min: -Infinity, minInclusive: true, max: Infinity, maxInclusive: true };
  for (const check of checksOf(def)) {
    const bound = check.value;
    switch (check.check) {
      case 'number_format':
        if (check.format !== 'safeint') throw new Unsupported(`number format ${check.format}`);
        rule.safeInteger = true;
        break;
      case 'greater_than':
        if (typeof bound !== 'number') throw new Unsupported('bigint bound');
        if (bound > rule.min || (bound === rule.min && check.inclusive !== true)) {
          rule.min = bound;
          rule.minInclusive = check.inclusive === true;
        }
        break;
      case 'less_than':
        if (typeof bound !== 'number') throw new Unsupported('bigint bound');
        if (bound < rule.max || (bound === rule.max && check.inclusive !== true)) {
          rule.max = bound;
          rule.maxInclusive = check.inclusive === true;
        }
        break;
      default:
        throw new Unsupported(`number check ${check.check}`);
    }
  }
  return rule;
}

/**
 * Writes `value` as the own field `key` of `copy`. A key named `__proto__` (JSON.parse makes
 * such own keys) is defined, since assigning it would set the copy's prototype instead.
 */
function setField(copy: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(copy, key, { value, writable: true, enumerable: true, configurable: true });
  else copy[key] = value;
}

/**
 * A maker of empty objects with `Object.prototype`, one per object schema: V8 sizes the objects
 * a constructor makes to the fields they end up with (slack tracking), where `{}` has room for
 * four and moves the rest out of line, so copies are made and read faster.
 */
function plainObjectMaker(): new () => Record<string, unknown> {
  const Plain = function () {} as unknown as new () => Record<string, unknown>;
  Plain.prototype = Object.prototype;
  return Plain;
}

/** What the checks of one acceptor share: its node count for the input being read, and its limits. */
interface Compiler {
  readonly counter: Counter;
  readonly limits: SizeLimits;
  /** Any value at all (a loose object's unknown fields): only the size limits apply. */
  readonly anyValue: Check;
  /** What is read beyond the schema (nulls, Dates, numeric ids, `+hhmm`), when compiled with it. */
  readonly tolerance: Tolerance | undefined;
}

/** A list's copy, its length read once and each element once, or REFUSED. */
function copyList(list: readonly unknown[], depth: number, element: Check, limits: SizeLimits): unknown {
  const length = list.length;
  if (length > limits.arrayLength) return REFUSED;
  const copy: unknown[] = [];
  for (let i = 0; i < length; i++) {
    const item = element(list[i], depth + 1);
    if (item === REFUSED) return REFUSED;
    copy.push(item);
  }
  return copy;
}

/** The check for any value at all: only the size limits apply; plain objects and arrays are copied. */
function anyValueCheck(counter: Counter, limits: SizeLimits): Check {
  const anyValue: Check = (value, depth) => {
    if (++counter.nodes > limits.nodes) return REFUSED;
    if (typeof value === 'string') return value.length <= limits.stringLength ? value : REFUSED;
    if (typeof value !== 'object' || value === null) return value;
    if (depth >= limits.depth) return REFUSED;
    if (Array.isArray(value)) return copyList(value, depth, anyValue, limits);
    // A Date, Map or class instance is not plain data: the full path judges it.
    if (!isPlainObject(value)) return REFUSED;
    const copy: Record<string, unknown> = {};
    let fields = 0;
    for (const key in value) {
      if (!Object.hasOwn(value, key) || ++fields > limits.arrayLength) return REFUSED;
      const field = anyValue((value as Record<string, unknown>)[key], depth + 1);
      if (field === REFUSED) return REFUSED;
      setField(copy, key, field);
    }
    return copy;
  };
  return anyValue;
}

/**
 * A timestamp or id field read with tolerance: a valid Date as its ISO string, `+hhmm` as
 * `+hh:mm`, a safe-integer id as its decimal string; then the schema's own check. Anything else
 * a tolerant read could fix or name better (an invalid Date, an unsafe id) is left to the full path.
 */
function compileTolerant(c: Compiler, def: SchemaDef, tolerance: Tolerance): Check | undefined {
  if (def === tolerance.timestamp) {
    const inner = compileString(c, def);
    return (value, depth) => {
      if (typeof value === 'string') return inner(withColonOffset(value), depth);
      const date = dateAsTimestamp(value);
      return date !== undefined && 'iso' in date ? inner(date.iso, depth) : REFUSED;
    };
  }
  const open = tolerance.openEnums.get(def);
  if (open !== undefined) {
    const { counter, limits } = c;
    const { codes } = open;
    // A code as written is a map lookup; one in another case or spelling is folded first (an unknown one is left to the full path, which warns).
    return (value) => {
      if (++counter.nodes > limits.nodes || typeof value !== 'string') return REFUSED;
      const code = codes.get(value) ?? (value.length > 64 ? undefined : codes.get(foldCode(value)));
      return code ?? REFUSED;
    };
  }
  if (def === tolerance.id || def === tolerance.reference) {
    const inner = compileString(c, def);
    return (value, depth) => inner(typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : value, depth);
  }
  return undefined;
}

function compileNode(c: Compiler, node: z.ZodType): Check {
  const def = defOf(node);
  if (def.coerce === true) throw new Unsupported('coercion');
  const { counter, limits } = c;
  const tolerant = c.tolerance === undefined ? undefined : compileTolerant(c, def, c.tolerance);
  if (tolerant !== undefined) return tolerant;
  switch (def.type) {
    case 'optional': {
      const inner = compileNode(c, def.innerType as z.ZodType);
      return (value, depth) => (value === undefined ? undefined : inner(value, depth));
    }
    case 'string':
      return compileString(c, def);
    case 'number':
      return compileNumber(c, def);
    case 'boolean':
      if (checksOf(def).length > 0) throw new Unsupported('boolean checks');
      return (value) => (++counter.nodes <= limits.nodes && typeof value === 'boolean' ? value : REFUSED);
    case 'enum': {
      if (checksOf(def).length > 0) throw new Unsupported('enum checks');
      const values = new Set(Object.values(def.entries ?? {}));
      return (value) => (++counter.nodes <= limits.nodes && values.has(value) ? value : REFUSED);
    }
    case 'unknown':
      return c.anyValue;
    case 'array': {
      if (checksOf(def).length > 0) throw new Unsupported('array checks');
      const element = compileNode(c, def.element as z.ZodType);
      return (value, depth) => {
        if (++counter.nodes > limits.nodes || !Array.isArray(value) || depth >= limits.depth) return REFUSED;
        return copyList(value, depth, element, limits);
      };
    }
    case 'object':
      return compileObject(c, def);
    default:
      throw new Unsupported(`schema type ${def.type}`);
  }
}

function compileNumber({ counter, limits }: Compiler, def: SchemaDef): Check {
  const { safeInteger, min, minInclusive, max, maxInclusive } = numberRule(def);
  return (value) =>
    ++counter.nodes <= limits.nodes &&
    typeof value === 'number' &&
    Number.isFinite(value) &&
    (!safeInteger || Number.isSafeInteger(value)) &&
    (minInclusive ? value >= min : value > min) &&
    (maxInclusive ? value <= max : value < max)
      ? value
      : REFUSED;
}

function compileString({ counter, limits }: Compiler, def: SchemaDef): Check {
  const rule = stringRule(def);
  const { minLength, patterns, refinements } = rule;
  const maxLength = Math.min(rule.maxLength, limits.stringLength);
  // Most strings have no pattern or refinement: their check is a type and two length tests.
  if (patterns.length === 0 && refinements.length === 0) {
    return (value) => (++counter.nodes <= limits.nodes && typeof value === 'string' && value.length <= maxLength && value.length >= minLength ? value : REFUSED);
  }
  return (value) => {
    if (++counter.nodes > limits.nodes || typeof value !== 'string' || value.length > maxLength || value.length < minLength) return REFUSED;
    for (const pattern of patterns) {
      pattern.lastIndex = 0;
      if (!pattern.test(value)) return REFUSED;
    }
    for (const refinement of refinements) {
      const result = refinement(value);
      if (result instanceof Promise) throw new Unsupported('async refinement');
      if (!result) return REFUSED;
    }
    return value;
  };
}

function compileObject(c: Compiler, def: SchemaDef): Check {
  if (checksOf(def).length > 0) throw new Unsupported('object checks');
  const catchall = def.catchall === undefined ? undefined : defOf(def.catchall).type;
  // A loose object (`unknown` catch-all) keeps other fields as they are. A strip object drops
  // them and a strict one refuses them: either way such input is left to the full path.
  if (catchall !== undefined && catchall !== 'unknown' && catchall !== 'never') throw new Unsupported(`catch-all ${catchall}`);
  const loose = catchall === 'unknown';
  const shape = def.shape ?? {};
  const keys = Object.keys(shape);
  const checks = keys.map((key) => compileNode(c, shape[key] as z.ZodType));
  // Fields that must be present: all but optional and unknown ones (which accept undefined).
  const required = keys.map((key) => !['optional', 'unknown'].includes(defOf(shape[key] as z.ZodType).type ?? ''));
  const requiredCount = required.filter(Boolean).length;
  const tolerance = c.tolerance;
  // Tolerated: null on an optional field is its absence (SQL NULL); a key that looks like a
  // misspelt field is left to the full path, which warns about it with its path.
  const nullable = keys.map((key) => tolerance !== undefined && defOf(shape[key] as z.ZodType).type === 'optional');
  const suggest = tolerance !== undefined && loose ? tolerance.suggesterFor(keys) : undefined;
  const suggestLimit = tolerance?.suggestedKeysPerObject ?? Infinity;
  if (keys.includes('__proto__')) throw new Unsupported('a schema key named __proto__');
  const Plain = plainObjectMaker();
  const slots: Record<string, number> = Object.create(null);
  keys.forEach((key, index) => {
    slots[key] = index;
  });
  const { counter, limits, anyValue } = c;
  return (value, depth) => {
    if (++counter.nodes > limits.nodes || typeof value !== 'object' || value === null || Array.isArray(value)) return REFUSED;
    if (!isPlainObject(value) || depth >= limits.depth) return REFUSED;
    const record = value as Record<string, unknown>;
    const copy = new Plain();
    // One pass over the fields the object has, each read once (reading a field inside for-in
    // is V8's fast path; reading each schema key by name would be a slow lookup per key).
    let fields = 0;
    let requiredSeen = 0;
    let unknown = 0;
    for (const key in record) {
      if (++fields > limits.arrayLength) return REFUSED;
      const field = record[key];
      const slot = slots[key];
      if (slot === undefined) {
        // The full path warns about a key that looks misspelt, and about more unknown keys than it looks at.
        if (suggest !== undefined && (++unknown > suggestLimit || suggest(key) !== undefined)) return REFUSED;
        // Only an unknown field can be named __proto__ (no schema key is).
        const checked = loose ? anyValue(field, depth + 1) : REFUSED;
        if (checked === REFUSED) return REFUSED;
        setField(copy, key, checked);
      } else if (field === undefined) {
        if (++counter.nodes > limits.nodes) return REFUSED;
        copy[key] = undefined;
      } else if (field === null && nullable[slot] === true) {
        if (++counter.nodes > limits.nodes) return REFUSED;
      } else {
        const checked = (checks[slot] as Check)(field, depth + 1);
        if (checked === REFUSED) return REFUSED;
        copy[key] = checked;
        if (required[slot] === true) requiredSeen++;
      }
    }
    return requiredSeen === requiredCount ? copy : REFUSED;
  };
}

/**
 * Compiles `schema` into an {@link Acceptor}, or returns undefined when the schema uses a part
 * the acceptor cannot judge exactly (transforms, defaults, unions, formats with code of their
 * own, a root that accepts undefined, ...): callers then always take the full path. Supported:
 * objects (loose ones with any other fields; strip and strict ones only without), arrays
 * without checks, optional, string (lengths, regex, ISO datetime, synchronous refinements),
 * number (safe integers, bounds), boolean and enum.
 *
 * What it accepts, zod accepts, and its copy deep-equals zod's output (but for own keys named
 * `__proto__`, which zod drops from the objects it parses and the copy keeps as own fields): `src/schema/fast-accept.test.ts`
 * holds it to that on valid, mutated and arbitrary inputs. It also holds the input to `limits`
 * as `checkSize` does (depth, values in all, string, list and field counts), counting no fewer
 * values than it, so an accept means neither guard would have refused. It accepts only plain
 * objects (prototype `Object.prototype` or null), unknown fields included, and reads each field
 * and element once (a getter runs once, a Proxy is asked once): the copy is what was checked,
 * whatever the input answers later. Unknown fields' values are copied as read (primitives of any
 * type, plain objects and arrays copied).
 *
 * With a `tolerance` (docs/snapshot.md, "Tolerance"), it also reads input as databases hold it:
 * null on an optional field is left out of the copy, a timestamp may be a valid Date (copied as
 * its ISO string) or carry a `+hhmm` offset (copied as `+hh:mm`), an id may be a safe integer
 * (copied as its string); a key that looks like a misspelt field is refused, so the full path
 * can warn about it. Its copy then deep-equals zod's output for `normaliseSnapshot(input)`.
 *
 * @example
 * const accept = compileAcceptor(OrderSnapshotSchema, SNAPSHOT_LIMITS);
 * const order = accept?.(input) ?? OrderSnapshotSchema.safeParse(input).data;
 * //=> a copy of input when it is a valid snapshot within the limits
 */
export function compileAcceptor<S extends z.ZodType>(schema: S, limits: SizeLimits, tolerance?: Tolerance): Acceptor<z.output<S>> | undefined {
  const counter: Counter = { nodes: 0 };
  const compiler: Compiler = { counter, limits, anyValue: anyValueCheck(counter, limits), tolerance };
  let root: Check;
  try {
    if (['optional', 'unknown'].includes(defOf(schema).type ?? '')) throw new Unsupported('a root that accepts undefined');
    root = compileNode(compiler, schema);
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
  return (input) => {
    // A getter may evaluate another snapshot while this one is read: its count is put back after.
    const outer = counter.nodes;
    counter.nodes = 0;
    try {
      const copy = root(input, 0);
      return copy === REFUSED ? undefined : (copy as z.output<S>);
    } catch {
      // A throwing getter or refinement, an async refinement: the full path judges (and reports) it.
      return undefined;
    } finally {
      counter.nodes = outer;
    }
  };
}
