import { Engine, Operator as EngineOperator } from 'json-rules-engine';
import { quoteValue } from '../_lib/json-copy.js';
import { isFactReference } from '../conditions/compile-condition.js';
import { type ConditionValue, type EvaluatedCondition, type ExplainedCondition, OPERATORS, type Operator } from '../conditions/condition.js';
import { parseRulePath, resolveRulePath } from '../conditions/rule-path.js';
import type { Issue } from '../errors.js';
import type { ValidRule } from './validate-rules.js';

/**
 * An operator of your own for user rules, run by json-rules-engine's own engine (order-triage
 * compiles only json-rules-engine's built-in operators). Registering one makes `evaluate` and
 * `explain` return promises.
 *
 * @example
 * { name: 'startsWith', evaluate: (fact, value) => typeof fact === 'string' && fact.startsWith(String(value)) }
 */
export interface CustomOperator {
  readonly name: string;
  /** Whether the fact's value and the rule's value satisfy the operator (a truthy value counts as json-rules-engine counts it). */
  readonly evaluate: (factValue: unknown, value: unknown) => unknown;
  /** When given and false for a fact's value, the condition fails without calling `evaluate`. */
  readonly validateFact?: (factValue: unknown) => unknown;
}

const BUILT_IN_OPERATORS: ReadonlySet<string> = new Set<string>(OPERATORS);

/** Problems with custom operators: names, collisions with built-ins, missing functions. */
export function customOperatorIssues(operators: unknown): Issue[] {
  if (operators === undefined) return [];
  if (!Array.isArray(operators)) return [{ path: ['customOperators'], message: 'customOperators must be a list of { name, evaluate }' }];
  const issues: Issue[] = [];
  const seen = new Set<string>();
  operators.forEach((op: unknown, i) => {
    const o = (typeof op === 'object' && op !== null ? op : {}) as Record<string, unknown>;
    if (typeof o.name !== 'string' || !/^[a-zA-Z][a-zA-Z0-9_]{1,40}$/.test(o.name))
      issues.push({ path: ['customOperators', i, 'name'], message: 'name must be 2 to 41 letters, digits or _, starting with a letter' });
    else if (BUILT_IN_OPERATORS.has(o.name)) issues.push({ path: ['customOperators', i, 'name'], message: `${o.name} is a built-in operator` });
    else if (seen.has(o.name)) issues.push({ path: ['customOperators', i, 'name'], message: `${o.name} is registered twice` });
    if (typeof o.name === 'string') seen.add(o.name);
    if (typeof o.evaluate !== 'function') issues.push({ path: ['customOperators', i, 'evaluate'], message: 'evaluate must be a function (factValue, value) => boolean' });
    if (o.validateFact !== undefined && typeof o.validateFact !== 'function')
      issues.push({ path: ['customOperators', i, 'validateFact'], message: 'validateFact must be a function' });
  });
  return issues;
}

interface ResultNode {
  all?: ResultNode[];
  any?: ResultNode[];
  not?: ResultNode;
  fact?: string;
  path?: string;
  operator?: string;
  value?: unknown;
  factResult?: unknown;
  valueResult?: unknown;
  result?: unknown;
}

function toTree(node: ResultNode): ExplainedCondition {
  // A group json-rules-engine evaluated says itself whether it held (result === true there).
  const recorded = typeof node.result === 'boolean' ? node.result : undefined;
  if (node.all !== undefined) {
    const conditions = node.all.map(toTree);
    return { kind: 'all', passed: recorded ?? conditions.every((c) => c.passed), conditions };
  }
  if (node.any !== undefined) {
    const conditions = node.any.map(toTree);
    return { kind: 'any', passed: recorded ?? (conditions.length === 0 || conditions.some((c) => c.passed)), conditions };
  }
  if (node.not !== undefined) {
    const inner = toTree(node.not);
    return { kind: 'not', passed: recorded ?? !inner.passed, condition: inner };
  }
  return {
    kind: 'fact',
    fact: node.fact ?? '',
    ...(node.path === undefined ? {} : { path: node.path }),
    value: quoteValue(node.factResult),
    operator: node.operator as Operator,
    threshold: (isFactReference(node.value) ? quoteValue(node.valueResult) : node.value) as ConditionValue,
    ...(isFactReference(node.value) ? { thresholdFrom: node.value } : {}),
    // A leaf holds as json-rules-engine counts it where it counts truthiness (see attempt).
    passed: Boolean(node.result),
  };
}

/** The leaves that held, for a fired rule's evidence. */
function heldLeaves(tree: ExplainedCondition, out: EvaluatedCondition[] = []): EvaluatedCondition[] {
  if (tree.kind === 'fact') {
    const { kind: _kind, ...leaf } = tree;
    out.push(leaf);
  } else if (tree.kind === 'not') heldLeaves(tree.condition, out);
  else for (const c of tree.conditions) if (tree.kind === 'all' || c.passed) heldLeaves(c, out);
  return out;
}

/** One rule's outcome from json-rules-engine. */
export interface EngineOutcome {
  readonly fired: boolean;
  readonly tree: ExplainedCondition;
  readonly evidence: EvaluatedCondition[];
}

/**
 * What `test` returns, as json-rules-engine counts it (a truthy value that is not `true` holds
 * where it counts truthiness: at a rule's root, under `not`, in a decorator; and not where it
 * compares with `true`: beside other conditions in an `all` or `any`); false when it throws.
 */
function attempt(test: () => unknown): unknown {
  try {
    return test();
  } catch {
    return false;
  }
}

/**
 * User rules on json-rules-engine's own Engine, for custom operators. Built from validated
 * rules only (facts, paths and values checked; named conditions expanded), with order-triage's
 * own path resolver in place of the JSONPath one that can execute code; event params never come
 * back from the engine (its clone can turn `__proto__` keys into prototypes).
 */
export function createRuleEngine(rules: readonly ValidRule[], operators: readonly CustomOperator[]) {
  const engine = new Engine([], {
    allowUndefinedFacts: true,
    replaceFactsInEventParams: false,
    pathResolver: (value: unknown, path: string) => {
      const segments = parseRulePath(path);
      if (typeof segments === 'string') throw new TypeError(`refused path: ${segments}`);
      return resolveRulePath(value, segments);
    },
  } as never);
  for (const op of operators) {
    // An operator of the caller's that throws on some value means "does not hold", never a failed evaluation.
    const evaluate = (a: unknown, b: unknown) => attempt(() => op.evaluate(a, b)) as boolean;
    const { validateFact } = op;
    engine.addOperator(
      validateFact === undefined ? new EngineOperator(op.name, evaluate) : new EngineOperator(op.name, evaluate, (v: unknown) => attempt(() => validateFact(v)) as boolean),
    );
  }
  for (const { name, code, priority, conditions } of rules) engine.addRule({ name, priority, conditions: structuredClone(conditions) as never, event: { type: code } });
  return {
    /** Runs every rule over the facts; the outcome per code. */
    async run(facts: Record<string, unknown>): Promise<Map<string, EngineOutcome>> {
      const { results, failureResults } = await engine.run(facts);
      const outcomes = new Map<string, EngineOutcome>();
      for (const [list, fired] of [
        [results, true],
        [failureResults, false],
      ] as const) {
        for (const result of list) {
          const tree = toTree(result.conditions as unknown as ResultNode);
          outcomes.set(result.event?.type ?? '', { fired, tree, evidence: fired ? heldLeaves(tree) : [] });
        }
      }
      return outcomes;
    },
  };
}
