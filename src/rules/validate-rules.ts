import type { Operator, TopLevelCondition } from '../conditions/condition.js';
import { OPERATORS } from '../conditions/condition.js';
import { parseRulePath } from '../conditions/rule-path.js';
import { detectorCodes } from '../detectors/registry.js';
import type { Issue } from '../errors.js';
import { factCatalogue } from '../facts/derive-facts.js';
import type { FactSpec } from '../facts/fact-spec.js';
import { copyOptions } from '../schema/copy-options.js';
import { suggestKey, toIssues } from '../schema/issues.js';
import { orderPathType, type PathType } from './order-path-type.js';
import { RuleEnvelopeSchema, type UserRule } from './rule-schema.js';

/** Limits on what a rule set may contain, so a rule file cannot exhaust memory or time. */
export const RULE_LIMITS = {
  rules: 500,
  depth: 8,
  conditionsPerRule: 200,
  childrenPerGroup: 50,
  listLength: 1_000,
  namedConditions: 200,
} as const;

const REGEX_OPERATORS = new Set(['regex', 'matches', 'match', 'regexp', 'pattern', 'like']);
const CODE = /^[A-Z][A-Z0-9_]{2,63}$/;
const FACT_NAMES = ['order', ...Object.keys(factCatalogue)];
const CATALOGUE = factCatalogue as Readonly<Record<string, FactSpec>>;
const BUILT_IN = new Set<string>(detectorCodes);

/** A rule that passed validation, with its condition references expanded. */
export interface ValidRule {
  readonly rule: UserRule;
  /** The conditions with every `{ condition: name }` replaced by the named condition. */
  readonly conditions: TopLevelCondition;
}

/** Options of rule validation. */
export interface RuleValidationOptions {
  /** Named conditions rules may reference with `{ condition: name }`. */
  readonly namedConditions?: unknown;
  /** Extra operator names allowed (custom operators registered with json-rules-engine). */
  readonly extraOperators?: readonly string[];
}

type Key = string | number;

interface Walk {
  readonly issues: Issue[];
  readonly label: string;
  readonly named: Readonly<Record<string, unknown>>;
  readonly operators: ReadonlySet<string>;
  nodes: number;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  return typeof v === 'string' ? 'a string' : typeof v === 'number' ? 'a number' : typeof v === 'boolean' ? 'a boolean' : `a ${typeof v}`;
}

function scalarMatches(v: unknown, type: PathType | FactSpec['type'], nullable: boolean): boolean {
  if (v === null) return nullable || type === 'unknown';
  if (type === 'unknown' || type === 'missing') return ['string', 'number', 'boolean'].includes(typeof v);
  if (type === 'number') return typeof v === 'number' && Number.isFinite(v);
  return typeof v === type;
}

function checkValue(w: Walk, path: Key[], factName: string, type: PathType | FactSpec['type'], nullable: boolean, operator: string, value: unknown): void {
  const where = (message: string): void => {
    w.issues.push({ path: [...path, 'value'], message: `${w.label}: ${message}` });
  };
  const isList = Array.isArray(value);
  if (isList && value.length > RULE_LIMITS.listLength) return where(`a list may hold at most ${RULE_LIMITS.listLength} values`);
  const scalars = isList ? value : [value];
  if (scalars.some((s) => !(s === null || ['string', 'number', 'boolean'].includes(typeof s)))) return where('values must be strings, numbers, booleans or null');
  if (scalars.some((s) => typeof s === 'string' && s.length > 1_000)) return where('a string value may be at most 1000 characters');
  if (scalars.some((s) => typeof s === 'number' && !Number.isFinite(s))) return where('numbers must be finite');
  switch (operator as Operator) {
    case 'lessThan':
    case 'lessThanInclusive':
    case 'greaterThan':
    case 'greaterThanInclusive':
      if (type !== 'number' && type !== 'unknown' && type !== 'missing') return where(`${operator} compares numbers, but ${factName} is a ${type}`);
      if (typeof value !== 'number') return where(`${operator} needs a number, not ${describe(value)}`);
      return;
    case 'in':
    case 'notIn':
      if (!isList) return where(`${operator} needs a list of values, not ${describe(value)}`);
      if (type === 'array' || type === 'object') return where(`${operator} compares a single value, but ${factName} is a ${type}`);
      for (const s of value) if (!scalarMatches(s, type, nullable)) return where(`${factName} is a ${type}; the list holds ${describe(s)}`);
      return;
    case 'contains':
    case 'doesNotContain':
      if (type !== 'array' && type !== 'unknown' && type !== 'missing') return where(`${operator} looks inside a list, but ${factName} is a ${type}`);
      if (isList) return where(`${operator} needs a single value, not a list`);
      return;
    case 'equal':
    case 'notEqual':
      if (isList) return where(`${operator} compares with a single value; use in / notIn for a list`);
      if (type === 'array' || type === 'object') return where(`${operator} compares a single value, but ${factName} is a ${type}`);
      if (!scalarMatches(value, type, nullable)) return where(`${factName} is a ${type}${nullable ? ' or null' : ''}; ${describe(value)} can never be equal to it`);
      return;
    default:
      return; // a custom operator: its meaning is its author's
  }
}

/** True when `operator` is one the rule may use; otherwise records why not. */
function checkOperator(w: Walk, path: Key[], operator: unknown): operator is string {
  if (typeof operator === 'string' && w.operators.has(operator)) return true;
  const regex = typeof operator === 'string' && REGEX_OPERATORS.has(operator.toLowerCase());
  const hint = typeof operator === 'string' ? suggestKey(operator, [...w.operators]) : undefined;
  w.issues.push({
    path: [...path, 'operator'],
    message: regex
      ? `${w.label}: regular-expression operators are not allowed (a hostile pattern can hang the process); use equal, in or contains`
      : `${w.label}: unknown operator ${JSON.stringify(operator)}${hint === undefined ? '' : `; did you mean "${hint}"?`} (operators: ${[...w.operators].join(', ')})`,
  });
  return false;
}

function walkLeaf(w: Walk, node: Record<string, unknown>, path: Key[]): void {
  const allowed = ['fact', 'operator', 'value', 'path', 'priority'];
  for (const key of Object.keys(node)) {
    if (!allowed.includes(key)) {
      const hint = suggestKey(key, allowed);
      w.issues.push({ path: [...path, key], message: `${w.label}: unknown key "${key}"${hint === undefined ? '' : `; did you mean "${hint}"?`}` });
    }
  }
  const { fact, operator } = node;
  let factName = typeof fact === 'string' ? fact : '';
  let type: PathType | FactSpec['type'] = 'unknown';
  let nullable = false;
  if (typeof fact !== 'string' || !FACT_NAMES.includes(fact)) {
    const hint = typeof fact === 'string' ? suggestKey(fact, FACT_NAMES) : undefined;
    w.issues.push({
      path: [...path, 'fact'],
      message: `${w.label}: unknown fact ${JSON.stringify(fact)}${hint === undefined ? '' : `; did you mean "${hint}"?`} (facts: order, and the catalogue in docs/rules.md)`,
    });
    checkOperator(w, path, operator); // still worth knowing; the value cannot be typed without the fact
    return;
  }
  if (fact === 'order') {
    if (typeof node.path !== 'string') {
      w.issues.push({ path: [...path, 'path'], message: `${w.label}: the fact "order" needs a path into the snapshot, such as "$.totals.payable"` });
      return;
    }
    const segments = parseRulePath(node.path);
    if (typeof segments === 'string') {
      w.issues.push({ path: [...path, 'path'], message: `${w.label}: ${segments}` });
      return;
    }
    const found = orderPathType(segments);
    type = found.type;
    nullable = found.optional;
    factName = `order ${node.path}`;
  } else {
    if (node.path !== undefined) {
      w.issues.push({ path: [...path, 'path'], message: `${w.label}: ${fact} is a single value; a path applies only to the fact "order"` });
      return;
    }
    const spec = CATALOGUE[fact] as FactSpec;
    type = spec.type;
    nullable = spec.nullable === true;
  }
  if (!checkOperator(w, path, operator)) return;
  if (!Object.hasOwn(node, 'value')) {
    w.issues.push({ path: [...path, 'value'], message: `${w.label}: a value to compare with is required` });
    return;
  }
  checkValue(w, path, factName, type, nullable, operator, node.value);
}

function walk(w: Walk, node: unknown, path: Key[], depth: number): void {
  w.nodes++;
  if (w.nodes > RULE_LIMITS.conditionsPerRule) {
    if (w.nodes === RULE_LIMITS.conditionsPerRule + 1) w.issues.push({ path, message: `${w.label}: more than ${RULE_LIMITS.conditionsPerRule} conditions` });
    return;
  }
  if (depth > RULE_LIMITS.depth) {
    w.issues.push({ path, message: `${w.label}: conditions nest deeper than ${RULE_LIMITS.depth} levels` });
    return;
  }
  if (!isObject(node)) {
    w.issues.push({ path, message: `${w.label}: a condition must be an object (all, any, not, condition, or fact/operator/value), not ${describe(node)}` });
    return;
  }
  const kinds = ['all', 'any', 'not', 'condition', 'fact'].filter((k) => Object.hasOwn(node, k));
  if (kinds.length !== 1) {
    w.issues.push({
      path,
      message: `${w.label}: a condition must have exactly one of all, any, not, condition or fact${kinds.length > 1 ? ` (has ${kinds.join(', ')})` : ''}`,
    });
    return;
  }
  const kind = kinds[0] as string;
  if (kind === 'fact') return walkLeaf(w, node, path);
  for (const key of Object.keys(node)) {
    if (key !== kind && key !== 'priority') w.issues.push({ path: [...path, key], message: `${w.label}: unknown key "${key}" beside "${kind}"` });
  }
  if (kind === 'all' || kind === 'any') {
    const children = node[kind];
    if (!Array.isArray(children)) {
      w.issues.push({ path: [...path, kind], message: `${w.label}: ${kind} must be a list of conditions` });
      return;
    }
    if (children.length > RULE_LIMITS.childrenPerGroup) {
      w.issues.push({ path: [...path, kind], message: `${w.label}: ${kind} may hold at most ${RULE_LIMITS.childrenPerGroup} conditions` });
      return;
    }
    children.forEach((child, i) => walk(w, child, [...path, kind, i], depth + 1));
  } else if (kind === 'not') walk(w, node.not, [...path, 'not'], depth + 1);
  else if (typeof node.condition !== 'string' || !Object.hasOwn(w.named, node.condition)) {
    const hint = typeof node.condition === 'string' ? suggestKey(node.condition, Object.keys(w.named)) : undefined;
    w.issues.push({
      path: [...path, 'condition'],
      message: `${w.label}: no named condition ${JSON.stringify(node.condition)}${hint === undefined ? '' : `; did you mean "${hint}"?`}`,
    });
  }
}

/** Replaces each `{ condition: name }` with the named condition (validated and acyclic by then). */
function expand(node: unknown, named: Readonly<Record<string, unknown>>): unknown {
  if (!isObject(node)) return node;
  if (typeof node.condition === 'string') return expand(named[node.condition], named);
  if (Array.isArray(node.all)) return { all: node.all.map((c) => expand(c, named)) };
  if (Array.isArray(node.any)) return { any: node.any.map((c) => expand(c, named)) };
  if (node.not !== undefined) return { not: expand(node.not, named) };
  const { fact, operator, value, path } = node;
  return path === undefined ? { fact, operator, value } : { fact, operator, value, path };
}

/** How big a condition is once every `{ condition: name }` in it is replaced: nodes, and levels. */
interface Extent {
  readonly nodes: number;
  readonly depth: number;
}

/**
 * The extent of `node` after expansion, computed without expanding: each named condition's extent
 * is computed once (memo), so a DAG of names that would expand to 2^100 nodes costs one pass over
 * the names. Counts as the walk does (a group, a `not` and a leaf are one node each; a reference
 * counts as the named condition's nodes, its root standing where the reference stood). Call it
 * on validated, acyclic conditions only.
 */
function extentOf(node: unknown, named: Readonly<Record<string, unknown>>, memo: Map<string, Extent>): Extent {
  if (!isObject(node)) return { nodes: 1, depth: 1 };
  if (typeof node.condition === 'string') {
    const name = node.condition;
    let extent = memo.get(name);
    if (extent === undefined) {
      extent = extentOf(named[name], named, memo);
      memo.set(name, extent);
    }
    return extent;
  }
  const children = Array.isArray(node.all) ? node.all : Array.isArray(node.any) ? node.any : node.not !== undefined ? [node.not] : [];
  let nodes = 1;
  let depth = 0;
  for (const child of children as unknown[]) {
    const extent = extentOf(child, named, memo);
    nodes += extent.nodes;
    depth = Math.max(depth, extent.depth);
  }
  return { nodes, depth: depth + 1 };
}

/** The problem with a condition whose expansion crosses RULE_LIMITS, or undefined when it fits. */
function expansionProblem(extent: Extent): string | undefined {
  if (extent.nodes > RULE_LIMITS.conditionsPerRule) {
    const nodes = extent.nodes > 1e15 ? 'over 10^15' : String(extent.nodes);
    return `conditions expand to ${nodes} conditions once named conditions are substituted, more than ${RULE_LIMITS.conditionsPerRule}`;
  }
  if (extent.depth > RULE_LIMITS.depth) {
    return `conditions nest ${extent.depth} levels deep once named conditions are substituted, deeper than ${RULE_LIMITS.depth}`;
  }
  return undefined;
}

/**
 * Refuses the named conditions and rules whose expansion crosses the limits (limits apply after
 * expansion), before anything is expanded: named conditions that reference each other as a DAG
 * can describe an exponentially large tree in a few lines.
 */
function checkExpansion(input: readonly unknown[], valid: readonly { rule: UserRule; index: number }[], named: Readonly<Record<string, unknown>>): Issue[] {
  const issues: Issue[] = [];
  const memo = new Map<string, Extent>();
  for (const name of Object.keys(named)) {
    const problem = expansionProblem(extentOf({ condition: name }, named, memo));
    if (problem !== undefined) issues.push({ path: ['conditions', name], message: `named condition "${name}": ${problem}` });
  }
  for (const { rule, index } of valid) {
    const problem = expansionProblem(extentOf((input[index] as Record<string, unknown>).conditions, named, memo));
    if (problem !== undefined) issues.push({ path: ['rules', index, 'conditions'], message: `rule "${rule.name.slice(0, 100)}": ${problem}` });
  }
  return issues;
}

/** The names each named condition references, for cycle detection. */
function referencesOf(node: unknown, into: Set<string>, depth = 0): Set<string> {
  if (!isObject(node) || depth > RULE_LIMITS.depth + 1) return into;
  if (typeof node.condition === 'string') into.add(node.condition);
  for (const key of ['all', 'any'] as const) if (Array.isArray(node[key])) for (const c of node[key] as unknown[]) referencesOf(c, into, depth + 1);
  if (node.not !== undefined) referencesOf(node.not, into, depth + 1);
  return into;
}

function findCycle(named: Readonly<Record<string, unknown>>): string[] | undefined {
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (name: string): string[] | undefined => {
    if (state.get(name) === 'done') return undefined;
    if (state.get(name) === 'visiting') return [...stack.slice(stack.indexOf(name)), name];
    state.set(name, 'visiting');
    stack.push(name);
    for (const next of referencesOf(named[name], new Set())) {
      if (!Object.hasOwn(named, next)) continue;
      const cycle = visit(next);
      if (cycle !== undefined) return cycle;
    }
    stack.pop();
    state.set(name, 'done');
    return undefined;
  };
  for (const name of Object.keys(named).sort()) {
    const cycle = visit(name);
    if (cycle !== undefined) return cycle;
  }
  return undefined;
}

/**
 * Validates user-authored rules before anything runs: their shape (zod), every fact against the
 * catalogue and every operator against json-rules-engine's (both with "did you mean"), every
 * path against the plain grammar, every value against the type of the fact it is compared
 * with, the limits (RULE_LIMITS), named condition references and their cycles, and codes
 * (well-formed, not built in, not used twice). Returns every problem, each naming its rule.
 */
export function validateRules(given: unknown, options: RuleValidationOptions = {}): { rules: ValidRule[]; issues: Issue[] } {
  // Each value is read once, into a plain copy that is validated and expanded: a getter or
  // Proxy cannot show validation one tree and the engine another (docs/policy.md).
  const copied = copyOptions({ rules: given, conditions: options.namedConditions });
  if (copied.issues.length > 0) return { rules: [], issues: copied.issues };
  const { rules: input, conditions: namedConditions } = copied.value as { rules: unknown; conditions: unknown };
  const issues: Issue[] = [];
  if (input === undefined) return { rules: [], issues };
  if (!Array.isArray(input)) return { rules: [], issues: [{ path: ['rules'], message: 'rules must be a list of rule objects' }] };
  if (input.length > RULE_LIMITS.rules) return { rules: [], issues: [{ path: ['rules'], message: `at most ${RULE_LIMITS.rules} rules` }] };
  const operators = new Set<string>([...OPERATORS, ...(options.extraOperators ?? [])]);
  const rawNamed = namedConditions ?? {};
  const named: Record<string, unknown> = isObject(rawNamed) ? rawNamed : {};
  if (!isObject(rawNamed)) issues.push({ path: ['conditions'], message: 'conditions must be an object of named conditions' });
  const namedKeys = Object.keys(named);
  if (namedKeys.length > RULE_LIMITS.namedConditions) issues.push({ path: ['conditions'], message: `at most ${RULE_LIMITS.namedConditions} named conditions` });
  for (const name of namedKeys) {
    if (['__proto__', 'constructor', 'prototype'].includes(name)) issues.push({ path: ['conditions', name], message: `a named condition may not be called ${name}` });
    const w: Walk = { issues, label: `named condition "${name}"`, named, operators, nodes: 0 };
    walk(w, named[name], ['conditions', name], 1);
  }
  const cycle = findCycle(named);
  if (cycle !== undefined) issues.push({ path: ['conditions', cycle[0] as string], message: `named conditions reference each other in a cycle: ${cycle.join(' → ')}` });

  const names = new Set<string>();
  const codes = new Set<string>();
  const valid: { rule: UserRule; index: number }[] = [];
  input.forEach((raw, index) => {
    const label = isObject(raw) && typeof raw.name === 'string' ? `rule "${raw.name.slice(0, 100)}"` : `rule #${index + 1}`;
    const before = issues.length;
    const envelope = RuleEnvelopeSchema.safeParse(raw);
    if (!envelope.success) {
      for (const issue of toIssues(envelope.error, ['rules', index], RuleEnvelopeSchema)) issues.push({ path: issue.path, message: `${label}: ${issue.message}` });
    }
    // Names, codes and playbooks are checked on the raw rule, so they are reported even when
    // another part of the rule is wrong too.
    const rawRule = isObject(raw) ? raw : {};
    const event = isObject(rawRule.event) ? rawRule.event : {};
    const params = isObject(event.params) ? event.params : {};
    if (typeof rawRule.name === 'string') {
      if (names.has(rawRule.name)) issues.push({ path: ['rules', index, 'name'], message: `${label}: another rule has this name` });
      // Built-in findings carry the ruleId "builtin:<CODE>": a user rule may not pass for one.
      if (rawRule.name.startsWith('builtin:')) issues.push({ path: ['rules', index, 'name'], message: `${label}: names starting with "builtin:" are kept for built-in detectors` });
      names.add(rawRule.name);
    }
    const code = event.type;
    if (typeof code === 'string') {
      if (!CODE.test(code))
        issues.push({ path: ['rules', index, 'event', 'type'], message: `${label}: event.type must be a code of 3 to 64 capitals, digits and _, such as BIG_FIRST_ORDER` });
      else if (BUILT_IN.has(code))
        issues.push({ path: ['rules', index, 'event', 'type'], message: `${label}: ${code} is a built-in code; tune it with options.thresholds, or pick another code` });
      else if (codes.has(code)) issues.push({ path: ['rules', index, 'event', 'type'], message: `${label}: another rule raises ${code}` });
      codes.add(code);
    }
    const playbook = params.playbook;
    if (typeof playbook === 'string' && !BUILT_IN.has(playbook)) {
      const hint = suggestKey(playbook, [...BUILT_IN]);
      issues.push({
        path: ['rules', index, 'event', 'params', 'playbook'],
        message: `${label}: no built-in playbook ${JSON.stringify(playbook)}${hint === undefined ? '' : `; did you mean "${hint}"?`}`,
      });
    }
    const conditions = isObject(raw) ? raw.conditions : undefined;
    const w: Walk = { issues, label, named, operators, nodes: 0 };
    if (isObject(conditions) && ['all', 'any', 'not'].filter((k) => Object.hasOwn(conditions, k)).length === 1) walk(w, conditions, ['rules', index, 'conditions'], 1);
    else issues.push({ path: ['rules', index, 'conditions'], message: `${label}: conditions must be an object with exactly one of all, any or not` });
    if (issues.length === before && envelope.success) valid.push({ rule: envelope.data as unknown as UserRule, index });
  });
  if (issues.length > 0) return { rules: [], issues };
  const oversized = checkExpansion(input, valid, named);
  if (oversized.length > 0) return { rules: [], issues: oversized };
  return {
    rules: valid.map(({ rule, index }) => ({
      rule,
      conditions: expand((input[index] as Record<string, unknown>).conditions, named) as TopLevelCondition,
    })),
    issues,
  };
}
