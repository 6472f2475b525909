import { appendAll } from '../_lib/append-all.js';
import { quoteValue } from '../_lib/json-copy.js';
import type { Condition, ConditionValue, EvaluatedCondition, ExplainedCondition, FactCondition, Operator, TopLevelCondition } from './condition.js';
import { type PathSegment, parseRulePath, resolveRulePath } from './rule-path.js';

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
type Compare = (factValue: unknown, threshold: ConditionValue) => boolean;

// json-rules-engine's numberValidator: a fact that does not parse as a number never compares.
const isNumeric = (value: unknown): boolean => Number.parseFloat(value as string).toString() !== 'NaN';
const includes = (list: unknown, item: unknown): boolean => (list as readonly unknown[]).indexOf(item) > -1;

// Exactly json-rules-engine 7.3.1's default operators (engine-default-operators.js), so a rule
// means here what it means there; test/conditions-differential.test.ts holds us to it.
const COMPARE: Record<Operator, Compare> = {
  equal: (a, b) => a === b,
  notEqual: (a, b) => a !== b,
  in: (a, b) => includes(b, a),
  notIn: (a, b) => !includes(b, a),
  contains: (a, b) => Array.isArray(a) && includes(a, b),
  doesNotContain: (a, b) => Array.isArray(a) && !includes(a, b),
  lessThan: (a, b) => isNumeric(a) && (a as number) < (b as number),
  lessThanInclusive: (a, b) => isNumeric(a) && (a as number) <= (b as number),
  greaterThan: (a, b) => isNumeric(a) && (a as number) > (b as number),
  greaterThanInclusive: (a, b) => isNumeric(a) && (a as number) >= (b as number),
};

/** The parsed path of a leaf, or undefined; a path outside the plain grammar is refused outright. */
function leafPath(condition: FactCondition): readonly PathSegment[] | undefined {
  if (condition.path === undefined) return undefined;
  const segments = parseRulePath(condition.path);
  if (typeof segments === 'string') throw new TypeError(`refused condition path: ${segments}`);
  return segments;
}

function compileLeaf(condition: FactCondition): Test {
  const { fact, operator, value } = condition;
  const segments = leafPath(condition);
  if (segments !== undefined) {
    const compare = COMPARE[operator];
    return (facts) => compare(resolveRulePath(facts[fact], segments), value);
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
      const compare = COMPARE[operator];
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
  const segments = leafPath(condition);
  const value = segments === undefined ? facts[condition.fact] : resolveRulePath(facts[condition.fact], segments);
  const passed = COMPARE[condition.operator](value, condition.value);
  out.push({
    fact: condition.fact,
    ...(condition.path === undefined ? {} : { path: condition.path }),
    // The value as JSON: a user rule's path may read anything an unknown field holds.
    value: quoteValue(value),
    operator: condition.operator,
    threshold: condition.value,
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
