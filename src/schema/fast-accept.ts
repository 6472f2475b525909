import type { z } from 'zod';
import type { SizeLimits } from './size-guard.js';

/**
 * A yes/no check compiled from a zod schema: true only for an input that the schema accepts
 * *and* that is within the size limits. It never says why; a false sends the input down the
 * full path (size guard, then zod's `safeParse`), which names every problem.
 */
export type Acceptor = (input: unknown) => boolean;

type Check = (value: unknown, depth: number) => boolean;

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
 * Compiles `schema` into an {@link Acceptor}, or returns undefined when the schema uses a part
 * the acceptor cannot judge exactly (transforms, defaults, unions, formats with code of their
 * own, ...): callers then always take the full path. Supported: objects (loose ones with any
 * other fields; strip and strict ones only without), arrays without checks, optional, string
 * (lengths, regex, ISO datetime, synchronous refinements), number (safe integers, bounds),
 * boolean and enum.
 *
 * What it accepts, zod accepts: `src/schema/fast-accept.test.ts` holds it to that on valid,
 * mutated and arbitrary inputs. It also holds the input to `limits` as `checkSize` does
 * (depth, values in all, string, list and field counts), counting no fewer values than it, so
 * a `true` means neither guard would have refused. It accepts only plain objects (prototype
 * `Object.prototype` or null) and never copies: the caller reads the input itself.
 *
 * @example
 * const accept = compileAcceptor(OrderSnapshotSchema, SNAPSHOT_LIMITS);
 * const order = accept(input) ? input : OrderSnapshotSchema.safeParse(input);
 */
export function compileAcceptor(schema: z.ZodType, limits: SizeLimits): Acceptor | undefined {
  const counter: Counter = { nodes: 0 };

  /** Any value at all (a loose object's unknown fields): only the size limits apply. */
  const anyValue: Check = (value, depth) => {
    if (++counter.nodes > limits.nodes) return false;
    if (typeof value === 'string') return value.length <= limits.stringLength;
    if (typeof value !== 'object' || value === null) return true;
    if (depth >= limits.depth) return false;
    if (Array.isArray(value)) {
      if (value.length > limits.arrayLength) return false;
      for (let i = 0; i < value.length; i++) if (!anyValue(value[i], depth + 1)) return false;
      return true;
    }
    let fields = 0;
    for (const key in value) {
      if (!Object.hasOwn(value, key)) return false;
      if (++fields > limits.arrayLength) return false;
      if (!anyValue((value as Record<string, unknown>)[key], depth + 1)) return false;
    }
    return true;
  };

  function compile(node: z.ZodType): Check {
    const def = defOf(node);
    if (def.coerce === true) throw new Unsupported('coercion');
    switch (def.type) {
      case 'optional': {
        const inner = compile(def.innerType as z.ZodType);
        return (value, depth) => value === undefined || inner(value, depth);
      }
      case 'string': {
        const rule = stringRule(def);
        const { minLength, patterns, refinements } = rule;
        const maxLength = Math.min(rule.maxLength, limits.stringLength);
        // Most strings have no pattern or refinement: their check is a type and two length tests.
        if (patterns.length === 0 && refinements.length === 0) {
          return (value) => ++counter.nodes <= limits.nodes && typeof value === 'string' && value.length <= maxLength && value.length >= minLength;
        }
        return (value) => {
          if (++counter.nodes > limits.nodes || typeof value !== 'string' || value.length > maxLength || value.length < minLength) return false;
          for (const pattern of patterns) {
            pattern.lastIndex = 0;
            if (!pattern.test(value)) return false;
          }
          for (const refinement of refinements) {
            const result = refinement(value);
            if (result instanceof Promise) throw new Unsupported('async refinement');
            if (!result) return false;
          }
          return true;
        };
      }
      case 'number': {
        const { safeInteger, min, minInclusive, max, maxInclusive } = numberRule(def);
        return (value) =>
          ++counter.nodes <= limits.nodes &&
          typeof value === 'number' &&
          Number.isFinite(value) &&
          (!safeInteger || Number.isSafeInteger(value)) &&
          (minInclusive ? value >= min : value > min) &&
          (maxInclusive ? value <= max : value < max);
      }
      case 'boolean':
        if (checksOf(def).length > 0) throw new Unsupported('boolean checks');
        return (value) => ++counter.nodes <= limits.nodes && typeof value === 'boolean';
      case 'enum': {
        if (checksOf(def).length > 0) throw new Unsupported('enum checks');
        const values = new Set(Object.values(def.entries ?? {}));
        return (value) => ++counter.nodes <= limits.nodes && values.has(value);
      }
      case 'unknown':
        return anyValue;
      case 'array': {
        if (checksOf(def).length > 0) throw new Unsupported('array checks');
        const element = compile(def.element as z.ZodType);
        return (value, depth) => {
          if (++counter.nodes > limits.nodes || !Array.isArray(value) || depth >= limits.depth || value.length > limits.arrayLength) return false;
          for (let i = 0; i < value.length; i++) if (!element(value[i], depth + 1)) return false;
          return true;
        };
      }
      case 'object':
        return compileObject(def);
      default:
        throw new Unsupported(`schema type ${def.type}`);
    }
  }

  function compileObject(def: SchemaDef): Check {
    if (checksOf(def).length > 0) throw new Unsupported('object checks');
    const catchall = def.catchall === undefined ? undefined : defOf(def.catchall).type;
    // A loose object (`unknown` catch-all) keeps other fields as they are. A strip object drops
    // them and a strict one refuses them: either way such input is left to the full path.
    if (catchall !== undefined && catchall !== 'unknown' && catchall !== 'never') throw new Unsupported(`catch-all ${catchall}`);
    const loose = catchall === 'unknown';
    const shape = def.shape ?? {};
    const keys = Object.keys(shape);
    const checks = keys.map((key) => compile(shape[key] as z.ZodType));
    // Fields that must be present: all but optional and unknown ones (which accept undefined).
    const required = keys.map((key) => !['optional', 'unknown'].includes(defOf(shape[key] as z.ZodType).type ?? ''));
    const requiredCount = required.filter(Boolean).length;
    const slots: Record<string, number> = Object.create(null);
    keys.forEach((key, index) => {
      slots[key] = index;
    });
    return (value, depth) => {
      if (++counter.nodes > limits.nodes || typeof value !== 'object' || value === null || Array.isArray(value)) return false;
      const proto = Object.getPrototypeOf(value);
      if ((proto !== Object.prototype && proto !== null) || depth >= limits.depth) return false;
      const record = value as Record<string, unknown>;
      // One pass over the fields the object has (reading a field inside for-in is V8's fast
      // path; reading each schema key by name would be a slow lookup per key).
      let fields = 0;
      let requiredSeen = 0;
      for (const key in record) {
        if (++fields > limits.arrayLength) return false;
        const field = record[key];
        const slot = slots[key];
        if (slot === undefined) {
          if (!loose || !anyValue(field, depth + 1)) return false;
        } else if (field === undefined) {
          if (++counter.nodes > limits.nodes) return false;
        } else {
          if (!(checks[slot] as Check)(field, depth + 1)) return false;
          if (required[slot] === true) requiredSeen++;
        }
      }
      return requiredSeen === requiredCount;
    };
  }

  let root: Check;
  try {
    root = compile(schema);
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
  return (input) => {
    counter.nodes = 0;
    try {
      return root(input, 0);
    } catch {
      // A throwing getter or refinement, an async refinement: the full path judges (and reports) it.
      return false;
    }
  };
}
