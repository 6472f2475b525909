import { quoteValue } from '../_lib/json-copy.js';
import { BUILT_IN_COMPARISONS, isFactReference } from '../conditions/compile-condition.js';
import { type ConditionValue, type EvaluatedCondition, type ExplainedCondition, OPERATORS, type Operator } from '../conditions/condition.js';
import { parseRulePath, resolveRulePath } from '../conditions/rule-path.js';
import type { Issue } from '../errors.js';
import type { ValidRule } from './validate-rules.js';

/**
 * An operator of your own for user rules, run by json-rules-engine's own engine (order-triage
 * compiles only json-rules-engine's built-in operators). Registering one makes `evaluate` and
 * `explain` return promises (an empty list registers none).
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
 *
 * json-rules-engine is loaded with `import()` on the first run, never at import time: it serves
 * only custom operators, whose evaluations are promises anyway, so nobody else pays for loading
 * it (docs/benchmarks.md, "Cold start" and "Bundle").
 */
export function createRuleEngine(rules: readonly ValidRule[], operators: readonly CustomOperator[]) {
  // Rules and operators are read now, so that nothing the caller changes later reaches the engine.
  const copies = rules.map(({ name, code, priority, conditions }) => ({ name, priority, conditions: structuredClone(conditions) as never, event: { type: code } }));
  const tests = operators.map(operatorTests);
  let engine: Promise<{ run(facts: Record<string, unknown>): Promise<{ results: RuleResult[]; failureResults: RuleResult[] }> }> | undefined;
  return {
    /** Runs every rule over the facts; the outcome per code. */
    async run(facts: Record<string, unknown>): Promise<Map<string, EngineOutcome>> {
      engine ??= buildEngine(copies, tests);
      const { results, failureResults } = await (await engine).run(facts);
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

/** A custom operator's tests as json-rules-engine calls them. */
interface OperatorTests {
  readonly name: string;
  readonly evaluate: (a: unknown, b: unknown) => boolean;
  readonly validateFact: ((v: unknown) => boolean) | undefined;
}

/** An operator of the caller's that throws on some value means "does not hold", never a failed evaluation. */
function operatorTests(op: CustomOperator): OperatorTests {
  const { validateFact } = op;
  return {
    name: op.name,
    evaluate: (a, b) => attempt(() => op.evaluate(a, b)) as boolean,
    validateFact: validateFact === undefined ? undefined : (v) => attempt(() => validateFact(v)) as boolean,
  };
}

/** What order-triage reads of one of json-rules-engine's rule results. */
interface RuleResult {
  readonly conditions: unknown;
  readonly event?: { readonly type?: string };
}

/** json-rules-engine's Engine with the operators and rules, once the package is loaded. */
async function buildEngine(rules: readonly { name: string; priority: number; conditions: never; event: { type: string } }[], operators: readonly OperatorTests[]) {
  const { Engine, Operator: EngineOperator, OperatorDecorator } = await import('json-rules-engine');
  const engine = new Engine([], {
    allowUndefinedFacts: true,
    replaceFactsInEventParams: false,
    pathResolver: (value: unknown, path: string) => {
      const segments = parseRulePath(path);
      if (typeof segments === 'string') throw new TypeError(`refused path: ${segments}`);
      return resolveRulePath(value, segments);
    },
  } as never);
  // order-triage's own built-in operators and decorators in place of json-rules-engine's: where
  // those throw (`in` over a value that is not a list, `someValue:` over a string), the whole
  // run fails and every finding with it; here the comparison does not hold, as without custom
  // operators (docs/rules.md, Operators).
  for (const [name, compare] of Object.entries(BUILT_IN_COMPARISONS.operators)) engine.addOperator(new EngineOperator(name, compare));
  for (const [name, decorator] of Object.entries(BUILT_IN_COMPARISONS.decorators))
    engine.addOperatorDecorator(new OperatorDecorator(name, (a: unknown, b: unknown, next: (a: unknown, b: unknown) => boolean) => decorator(next)(a, b)));
  for (const { name, evaluate, validateFact } of operators)
    engine.addOperator(validateFact === undefined ? new EngineOperator(name, evaluate) : new EngineOperator(name, evaluate, validateFact));
  for (const rule of rules) engine.addRule(rule);
  return engine as unknown as { run(facts: Record<string, unknown>): Promise<{ results: RuleResult[]; failureResults: RuleResult[] }> };
}
