import { appendAll } from '../_lib/append-all.js';
import { quoteValue } from '../_lib/json-copy.js';
import type { Condition, ConditionValue, EvaluatedCondition, ExplainedCondition, FactCondition, FactReference, Operator, TopLevelCondition } from './condition.js';
import { type PathSegment, parseRulePath, readFactPath } from './rule-path.js';

/** Facts by name, as a detector or rule sees them. */
export type FactRecord = Readonly<Record<string, unknown>>;

/** A compiled condition: a fast boolean test and a slower twin that also says why. */
export interface CompiledCondition {
  /** True when the condition holds. Allocates nothing. */
  readonly test: (facts: FactRecord) => boolean;
  /**
   * Evaluates again, returning the leaves that decided the result: for a condition that held,
   * every leaf of each `all`, the leaves of the `any` branches that held, and the leaves under a
   * `not`; for one that failed, every leaf evaluated.
   */
  readonly explain: (facts: FactRecord) => { readonly passed: boolean; readonly conditions: EvaluatedCondition[] };
  /** Evaluates every condition, without short-circuits, as a tree: why it held or did not. */
  readonly tree: (facts: FactRecord) => ExplainedCondition;
}

type Test = (facts: FactRecord) => boolean;
type Compare = (factValue: unknown, threshold: unknown) => boolean;

// json-rules-engine's numberValidator: a fact that does not parse as a number never compares.
// An object without a prototype cannot be converted to a string: json-rules-engine throws there,
// here it is not a number.
const isNumeric = (value: unknown): boolean => {
  try {
    return Number.parseFloat(value as string).toString() !== 'NaN';
  } catch {
    return false;
  }
};
// json-rules-engine calls indexOf on the list: a string finds a substring there too; on anything
// else it throws and fails the whole run, where here the comparison does not hold.
const includes = (list: unknown, item: unknown): boolean => (Array.isArray(list) || typeof list === 'string') && list.indexOf(item as string) > -1;

// Exactly json-rules-engine 7.3.1's default operators (engine-default-operators.js), so a rule
// means here what it means there; test/conditions-differential.test.ts holds us to it.
const COMPARE: Record<Operator, Compare> = {
  equal: (a, b) => a === b,
  notEqual: (a, b) => a !== b,
  in: (a, b) => includes(b, a),
  notIn: (a, b) => (Array.isArray(b) || typeof b === 'string') && !includes(b, a),
  contains: (a, b) => Array.isArray(a) && includes(a, b),
  doesNotContain: (a, b) => Array.isArray(a) && !includes(a, b),
  lessThan: (a, b) => isNumeric(a) && (a as number) < (b as number),
  lessThanInclusive: (a, b) => isNumeric(a) && (a as number) <= (b as number),
  greaterThan: (a, b) => isNumeric(a) && (a as number) > (b as number),
  greaterThanInclusive: (a, b) => isNumeric(a) && (a as number) >= (b as number),
};

/** A decorator of json-rules-engine 7.x: wraps the next operator (engine-default-operator-decorators.js). */
type Decorator = (next: Compare) => Compare;

// Exactly json-rules-engine 7.3.1's default decorators: someFact / everyFact hold only on a list
// fact (their fact validator), `not` negates, `swap` exchanges the two sides. someValue and
// everyValue on a value that is not a list throw there; here they do not hold (docs/rules.md).
const DECORATORS: Readonly<Record<string, Decorator>> = {
  someFact: (next) => (a, b) => Array.isArray(a) && a.some((x) => next(x, b)),
  everyFact: (next) => (a, b) => Array.isArray(a) && a.every((x) => next(x, b)),
  someValue: (next) => (a, b) => Array.isArray(b) && b.some((y) => next(a, y)),
  everyValue: (next) => (a, b) => Array.isArray(b) && b.every((y) => next(a, y)),
  swap: (next) => (a, b) => next(b, a),
  not: (next) => (a, b) => !next(a, b),
};

/** The decorator names json-rules-engine 7.x knows, outermost first in an operator like `not:someFact:equal`. */
export const DECORATOR_NAMES: readonly string[] = Object.keys(DECORATORS);

/**
 * The comparison an operator name stands for, decorators applied as json-rules-engine's
 * OperatorMap applies them (the first name is the outermost); undefined for a name it does not know.
 *
 * @example
 * operatorCompare('someFact:equal')?.(['a', 'b'], 'b') //=> true
 * operatorCompare('not:in')?.('a', ['a']) //=> false
 */
export function operatorCompare(name: string): Compare | undefined {
  const parts = name.split(':');
  const base = parts.pop() as string;
  if (!Object.hasOwn(COMPARE, base)) return undefined;
  let compare: Compare = COMPARE[base as Operator];
  for (let i = parts.length - 1; i >= 0; i--) {
    const decorator = Object.hasOwn(DECORATORS, parts[i] as string) ? DECORATORS[parts[i] as string] : undefined;
    if (decorator === undefined) return undefined;
    compare = decorator(compare);
  }
  return compare;
}

/**
 * json-rules-engine's built-in operators and decorators as order-triage reads them (a list
 * operator on something that is not a list does not hold, where json-rules-engine throws), for
 * putting in place of its own on its Engine (custom operators run there).
 *
 * @example
 * BUILT_IN_COMPARISONS.operators.in('a', undefined) //=> false
 */
export const BUILT_IN_COMPARISONS: { readonly operators: Readonly<Record<Operator, Compare>>; readonly decorators: Readonly<Record<string, Decorator>> } = {
  operators: COMPARE,
  decorators: DECORATORS,
};

/** Parses a path of a leaf or of a fact reference; a path outside the plain grammar is refused outright. */
function parsedPath(path: string | undefined): readonly PathSegment[] | undefined {
  if (path === undefined) return undefined;
  const segments = parseRulePath(path);
  if (typeof segments === 'string') throw new TypeError(`refused condition path: ${segments}`);
  return segments;
}

/** True for json-rules-engine's `value: { fact, path }`: a value read from another fact. */
export function isFactReference(value: unknown): value is FactReference {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.hasOwn(value, 'fact');
}

/** Reads a leaf's fact and its value (a literal, or another fact's value) from the facts. */
type Sides = (facts: FactRecord) => readonly [unknown, unknown];

function sidesOf(condition: FactCondition): Sides {
  const { fact, value } = condition;
  const segments = parsedPath(condition.path);
  if (isFactReference(value)) {
    const other = value.fact;
    const otherSegments = parsedPath(value.path);
    return (facts) => [readFactPath(facts[fact], segments), readFactPath(facts[other], otherSegments)];
  }
  return (facts) => [readFactPath(facts[fact], segments), value];
}

function compileLeaf(condition: FactCondition): Test {
  const { fact, operator, value } = condition;
  if (condition.path !== undefined || isFactReference(value) || !Object.hasOwn(COMPARE, operator)) {
    const compare = operatorCompare(operator);
    if (compare === undefined) throw new TypeError(`unknown operator: ${operator}`);
    const sides = sidesOf(condition);
    return (facts) => {
      const [a, b] = sides(facts);
      return compare(a, b);
    };
  }
  // Specialised closures for the common shapes keep the hot path to one property read and one
  // compare; null and undefined facts (never numeric) skip isNumeric's string conversion.
  switch (operator) {
    case 'equal':
      return (facts) => facts[fact] === value;
    case 'notEqual':
      return (facts) => facts[fact] !== value;
    case 'greaterThan':
      return (facts) => {
        const v = facts[fact];
        return typeof v === 'number' ? v > (value as number) : v != null && isNumeric(v) && (v as number) > (value as number);
      };
    case 'greaterThanInclusive':
      return (facts) => {
        const v = facts[fact];
        return typeof v === 'number' ? v >= (value as number) : v != null && isNumeric(v) && (v as number) >= (value as number);
      };
    case 'lessThan':
      return (facts) => {
        const v = facts[fact];
        return typeof v === 'number' ? v < (value as number) : v != null && isNumeric(v) && (v as number) < (value as number);
      };
    case 'lessThanInclusive':
      return (facts) => {
        const v = facts[fact];
        return typeof v === 'number' ? v <= (value as number) : v != null && isNumeric(v) && (v as number) <= (value as number);
      };
    default: {
      const compare = COMPARE[operator as Operator];
      return (facts) => compare(facts[fact], value);
    }
  }
}

function compileTest(condition: Condition): Test {
  if ('all' in condition) {
    const parts = condition.all.map(compileTest);
    if (parts.length === 1) return parts[0] as Test;
    return (facts) => {
      for (const part of parts) if (!part(facts)) return false;
      return true;
    };
  }
  if ('any' in condition) {
    const parts = condition.any.map(compileTest);
    // json-rules-engine treats an empty `any` as true, like an empty `all`.
    if (parts.length === 0) return () => true;
    return (facts) => {
      for (const part of parts) if (part(facts)) return true;
      return false;
    };
  }
  if ('not' in condition) {
    const inner = compileTest(condition.not);
    return (facts) => !inner(facts);
  }
  return compileLeaf(condition);
}

function explainCondition(condition: Condition, facts: FactRecord, out: EvaluatedCondition[]): boolean {
  if ('all' in condition) {
    const mark = out.length;
    let passed = true;
    for (const part of condition.all) passed = explainCondition(part, facts, out) && passed;
    if (!passed) keepFailures(out, mark);
    return passed;
  }
  if ('any' in condition) {
    if (condition.any.length === 0) return true;
    const mark = out.length;
    const held: EvaluatedCondition[] = [];
    let passed = false;
    for (const part of condition.any) {
      const branch: EvaluatedCondition[] = [];
      if (explainCondition(part, facts, branch)) {
        passed = true;
        appendAll(held, branch);
      } else appendAll(out, branch);
    }
    if (passed) {
      out.length = mark;
      appendAll(out, held);
    }
    return passed;
  }
  if ('not' in condition) {
    const branch: EvaluatedCondition[] = [];
    const passed = !explainCondition(condition.not, facts, branch);
    appendAll(out, branch);
    return passed;
  }
  const [value, threshold] = sidesOf(condition)(facts);
  const passed = (operatorCompare(condition.operator) as Compare)(value, threshold);
  const from = condition.value;
  out.push({
    fact: condition.fact,
    ...(condition.path === undefined ? {} : { path: condition.path }),
    // The value as JSON: a user rule's path may read anything an unknown field holds.
    value: quoteValue(value),
    operator: condition.operator,
    threshold: isFactReference(from) ? (quoteValue(threshold) as ConditionValue) : from,
    ...(isFactReference(from) ? { thresholdFrom: from.path === undefined ? { fact: from.fact } : { fact: from.fact, path: from.path } } : {}),
    passed,
  });
  return passed;
}

function treeOf(condition: Condition, facts: FactRecord): ExplainedCondition {
  if ('all' in condition) {
    const conditions = condition.all.map((c) => treeOf(c, facts));
    return { kind: 'all', passed: conditions.every((c) => c.passed), conditions };
  }
  if ('any' in condition) {
    const conditions = condition.any.map((c) => treeOf(c, facts));
    return { kind: 'any', passed: conditions.length === 0 || conditions.some((c) => c.passed), conditions };
  }
  if ('not' in condition) {
    const inner = treeOf(condition.not, facts);
    return { kind: 'not', passed: !inner.passed, condition: inner };
  }
  const out: EvaluatedCondition[] = [];
  explainCondition(condition, facts, out);
  return { kind: 'fact', ...(out[0] as EvaluatedCondition) };
}

// When an `all` fails, what explains the failure is the leaves that failed.
function keepFailures(out: EvaluatedCondition[], mark: number): void {
  const failed = out.slice(mark).filter((c) => !c.passed);
  out.length = mark;
  appendAll(out, failed);
}

/**
 * Compiles a condition in json-rules-engine's format into synchronous closures over a record of
 * facts. Compile once (at `createTriage`), run per order. A leaf's `path` must be in the plain
 * grammar (`$.a.b[0]`) and is read through own properties only; any other path throws here,
 * before anything runs.
 *
 * @example
 * const c = compileCondition({ all: [{ fact: 'payments.surplus', operator: 'greaterThan', value: 0 }] });
 * c.test({ 'payments.surplus': 100 }) //=> true
 * c.explain({ 'payments.surplus': 100 }).conditions
 * //=> [{ fact: 'payments.surplus', value: 100, operator: 'greaterThan', threshold: 0, passed: true }]
 */
export function compileCondition(condition: TopLevelCondition): CompiledCondition {
  return {
    test: compileTest(condition),
    explain: (facts) => {
      const conditions: EvaluatedCondition[] = [];
      const passed = explainCondition(condition, facts, conditions);
      return { passed, conditions };
    },
    tree: (facts) => treeOf(condition, facts),
  };
}
