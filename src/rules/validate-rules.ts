import { copyFields } from '../_lib/json-copy.js';
import { isPlainObject } from '../_lib/plain-object.js';
import { DECORATOR_NAMES, isFactReference } from '../conditions/compile-condition.js';
import type { Operator, TopLevelCondition } from '../conditions/condition.js';
import { OPERATORS } from '../conditions/condition.js';
import { type PathSegment, parseRulePath } from '../conditions/rule-path.js';
import { detectorCodes } from '../detectors/registry.js';
import type { Issue } from '../errors.js';
import { factCatalogue } from '../facts/derive-facts.js';
import type { FactSpec } from '../facts/fact-spec.js';
import { copyOptions } from '../schema/copy-options.js';
import { suggestKey, toIssues } from '../schema/issues.js';
import type { Category } from '../vocabulary/category.js';
import type { Owner } from '../vocabulary/owner.js';
import type { Severity } from '../vocabulary/severity.js';
import { orderPathType, type PathType } from './order-path-type.js';
import { KNOWN_PARAM_KEYS, RULE_PARAM_DEFAULTS, ruleEnvelopeSchema, type UserRule } from './rule-schema.js';

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
// Control and bidirectional-override characters: a code is quoted in texts (docs/messages.md).
const UNSAFE_CODE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
const FACT_NAMES = ['order', ...Object.keys(factCatalogue)];
const CATALOGUE = factCatalogue as Readonly<Record<string, FactSpec>>;
const BUILT_IN = new Set<string>(detectorCodes);

/** The `event.params` keys order-triage reads, defaults filled in. */
export interface RuleParams {
  readonly category: Category;
  readonly severity: Severity;
  readonly owner: Owner;
  readonly playbook?: string | undefined;
  readonly confidence?: number | undefined;
  readonly summary?: Readonly<Record<string, string>> | undefined;
  readonly checklist?: Readonly<Record<string, readonly string[]>> | undefined;
}

/** A rule that passed validation, with its condition references expanded. */
export interface ValidRule {
  readonly rule: UserRule;
  /** Its `name`, or `<event.type>#<position>` when it has none: the finding's ruleId. */
  readonly name: string;
  /** Its `event.type`: the finding's code, as given. */
  readonly code: string;
  /** json-rules-engine's priority (parseInt of `priority`, default 1): higher first. */
  readonly priority: number;
  /** The keys order-triage reads from `event.params`, with defaults. */
  readonly params: RuleParams;
  /** Every other `event.params` key, as plain JSON, carried to the finding as `params`; undefined when none. */
  readonly carried: Readonly<Record<string, unknown>> | undefined;
  /** The conditions with every `{ condition: name }` replaced by the named condition. */
  readonly conditions: TopLevelCondition;
}

/** Options of rule validation. */
export interface RuleValidationOptions {
  /** Named conditions rules may reference with `{ condition: name }`. */
  readonly namedConditions?: unknown;
  /** Extra operator names allowed (custom operators registered with json-rules-engine). */
  readonly extraOperators?: readonly string[];
  /** User facts (options.facts) rules may read, by name, with their declared type. */
  readonly userFacts?: readonly { readonly name: string; readonly type: string }[];
}

type Key = string | number;

interface Walk {
  readonly issues: Issue[];
  readonly label: string;
  readonly named: Readonly<Record<string, unknown>>;
  readonly operators: ReadonlySet<string>;
  /** User facts by name, with their declared type. */
  readonly userFacts: ReadonlyMap<string, string>;
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

/** An operator split into its json-rules-engine 7.x decorators (outermost first) and the operator they wrap. */
function splitOperator(operator: string): { decorators: string[]; base: string } {
  const parts = operator.split(':');
  const base = parts.pop() as string;
  return { decorators: parts, base };
}

/** True when `operator` (decorators and all) is one the rule may use; otherwise records why not. */
function checkOperator(w: Walk, path: Key[], operator: unknown): operator is string {
  if (typeof operator === 'string') {
    const { decorators, base } = splitOperator(operator);
    const unknownDecorator = decorators.find((d) => !DECORATOR_NAMES.includes(d));
    if (unknownDecorator === undefined && w.operators.has(base)) return true;
    if (unknownDecorator !== undefined && w.operators.has(base)) {
      const hint = suggestKey(unknownDecorator, DECORATOR_NAMES);
      w.issues.push({
        path: [...path, 'operator'],
        message: `${w.label}: unknown operator decorator ${JSON.stringify(unknownDecorator)}${hint === undefined ? '' : `; did you mean "${hint}"?`} (decorators: ${DECORATOR_NAMES.join(', ')}; decorators of your own are not supported: use a custom operator (customOperators))`,
      });
      return false;
    }
  }
  const base = typeof operator === 'string' ? splitOperator(operator).base : undefined;
  const regex = base !== undefined && REGEX_OPERATORS.has(base.toLowerCase());
  const hint = base !== undefined ? suggestKey(base, [...w.operators]) : undefined;
  w.issues.push({
    path: [...path, 'operator'],
    message: regex
      ? `${w.label}: regular-expression operators are not allowed (a hostile pattern can hang the process); use equal, in or contains`
      : `${w.label}: unknown operator ${JSON.stringify(operator)}${hint === undefined ? '' : `; did you mean "${hint}"?`} (operators: ${[...w.operators].join(', ')})`,
  });
  return false;
}

/** What a fact is, for checking values: its display name, type and whether it may be null; or undefined (issue recorded). */
interface FactTarget {
  readonly name: string;
  readonly type: PathType | FactSpec['type'];
  readonly nullable: boolean;
}

function unknownFact(w: Walk, at: Key[], fact: unknown): void {
  if (fact === 'almanac') {
    w.issues.push({
      path: at,
      message: `${w.label}: the fact "almanac" is refused: json-rules-engine's almanac is its run-time fact store, and evaluation here is synchronous and pure; compute the value in a user fact (options.facts) or put it in the snapshot`,
    });
    return;
  }
  const known = [...FACT_NAMES, ...w.userFacts.keys()];
  const hint = typeof fact === 'string' ? suggestKey(fact, known) : undefined;
  w.issues.push({
    path: at,
    message: `${w.label}: unknown fact ${JSON.stringify(fact)}${hint === undefined ? '' : `; did you mean "${hint}"?`} (facts: order, the catalogue in docs/rules.md, and options.facts)`,
  });
}

/** The type at a path inside a user fact or an array/string fact: `length` is a number, anything else unknown. */
function typeInside(type: string, segments: readonly PathSegment[]): PathType {
  if (segments.length === 0) return type as PathType;
  if (segments.length === 1 && segments[0] === 'length' && (type === 'array' || type === 'string')) return 'number';
  if (segments.length === 1 && typeof segments[0] === 'number' && type === 'string') return 'string';
  return 'unknown';
}

/** Checks a fact name and its path (in a leaf, or in a `value: { fact, path }`); the target, or undefined. */
function checkTarget(w: Walk, at: Key[], fact: unknown, path: unknown): FactTarget | undefined {
  const isUser = typeof fact === 'string' && w.userFacts.has(fact);
  if (typeof fact !== 'string' || !(FACT_NAMES.includes(fact) || isUser)) {
    unknownFact(w, [...at, 'fact'], fact);
    return undefined;
  }
  let segments: PathSegment[] | undefined;
  if (path !== undefined) {
    const parsed = typeof path === 'string' ? parseRulePath(path) : 'a path must be a string';
    if (typeof parsed === 'string') {
      w.issues.push({ path: [...at, 'path'], message: `${w.label}: ${parsed}` });
      return undefined;
    }
    segments = parsed;
  }
  const shown = path === undefined ? fact : `${fact} ${path as string}`;
  if (fact === 'order') {
    if (segments === undefined) {
      w.issues.push({ path: [...at, 'path'], message: `${w.label}: the fact "order" needs a path into the snapshot, such as "$.totals.payable"` });
      return undefined;
    }
    const found = orderPathType(segments);
    return { name: shown, type: found.type, nullable: found.optional };
  }
  if (isUser) {
    const type = w.userFacts.get(fact) as string;
    return { name: shown, type: segments === undefined ? (type as PathType) : typeInside(type, segments), nullable: true };
  }
  if (segments !== undefined) {
    w.issues.push({ path: [...at, 'path'], message: `${w.label}: ${fact} is a single value; a path applies only to the fact "order" and to user facts` });
    return undefined;
  }
  const spec = CATALOGUE[fact] as FactSpec;
  return { name: fact, type: spec.type, nullable: spec.nullable === true };
}

/** Leaf keys json-rules-engine reads; other keys (a condition's `name`, ...) are ignored, unless a misspelling of a missing one. */
const LEAF_KEYS = ['fact', 'operator', 'value', 'path', 'priority'];

function checkLeafKeys(w: Walk, node: Record<string, unknown>, path: Key[]): void {
  if (Object.hasOwn(node, 'params')) {
    w.issues.push({
      path: [...path, 'params'],
      message: `${w.label}: fact params are not supported: order-triage's facts take no parameters; write a user fact (options.facts) for each parameter set`,
    });
  }
  for (const key of Object.keys(node)) {
    if (LEAF_KEYS.includes(key) || key === 'params') continue;
    const hint = suggestKey(key, LEAF_KEYS);
    if (hint !== undefined && !Object.hasOwn(node, hint)) w.issues.push({ path: [...path, key], message: `${w.label}: unknown key "${key}"; did you mean "${hint}"?` });
  }
}

/** A list is required where a someValue / everyValue decorator reads the rule's value (not swapped to the fact's side). */
function valueMustBeList(decorators: readonly string[]): boolean {
  let swapped = false;
  for (const d of decorators) {
    if (d === 'swap') swapped = !swapped;
    else if (d === 'someValue' || d === 'everyValue') return !swapped;
    else if (d === 'someFact' || d === 'everyFact') return false;
  }
  return false;
}

function checkDecoratedValue(w: Walk, path: Key[], decorators: readonly string[], base: string, value: unknown): void {
  const where = (message: string) => w.issues.push({ path: [...path, 'value'], message: `${w.label}: ${message}` });
  const isList = Array.isArray(value);
  if (isList && value.length > RULE_LIMITS.listLength) return void where(`a list may hold at most ${RULE_LIMITS.listLength} values`);
  const scalars = isList ? value : [value];
  if (scalars.some((v) => !(v === null || ['string', 'number', 'boolean'].includes(typeof v)))) return void where('values must be strings, numbers, booleans or null');
  if (scalars.some((v) => typeof v === 'string' && v.length > 1_000)) return void where('a string value may be at most 1000 characters');
  if (scalars.some((v) => typeof v === 'number' && !Number.isFinite(v))) return void where('numbers must be finite');
  if (!isList && valueMustBeList(decorators)) return void where(`${decorators.join(':')}: reads each value of a list, so value must be a list`);
  const plain = !decorators.some((d) => d === 'swap' || d === 'someValue' || d === 'everyValue');
  if (!isList && plain && (base === 'in' || base === 'notIn')) where(`${base} needs a list of values, not ${describe(value)}`);
}

function walkLeaf(w: Walk, node: Record<string, unknown>, path: Key[]): void {
  checkLeafKeys(w, node, path);
  const { operator, value } = node;
  const target = checkTarget(w, path, node.fact, node.path);
  if (target === undefined) {
    checkOperator(w, path, operator); // still worth knowing; the value cannot be typed without the fact
    return;
  }
  if (!checkOperator(w, path, operator)) return;
  if (!Object.hasOwn(node, 'value')) {
    w.issues.push({ path: [...path, 'value'], message: `${w.label}: a value to compare with is required` });
    return;
  }
  if (isFactReference(value)) {
    protoKeys(w.issues, w.label, value, [...path, 'value']);
    checkTarget(w, [...path, 'value'], value.fact, (value as { path?: unknown }).path);
    if (Object.hasOwn(value, 'params'))
      w.issues.push({ path: [...path, 'value', 'params'], message: `${w.label}: fact params are not supported; write a user fact (options.facts)` });
    return;
  }
  const { decorators, base } = splitOperator(operator);
  if (decorators.length > 0) return checkDecoratedValue(w, path, decorators, base, value);
  checkValue(w, path, target.name, target.type, target.nullable, operator, value);
}

const PROTO_KEYS = ['__proto__', 'constructor', 'prototype'];

/** Refuses keys that name a prototype (`__proto__`, ...) in an object of a rule: other unknown keys are ignored, these never. */
function protoKeys(issues: Issue[], label: string, node: unknown, path: Key[]): void {
  if (!isObject(node)) return;
  for (const key of PROTO_KEYS) if (Object.hasOwn(node, key)) issues.push({ path: [...path, key], message: `${label}: unknown key "${key}"` });
}

function walk(w: Walk, node: unknown, path: Key[], depth: number): void {
  protoKeys(w.issues, w.label, node, path);
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
  // Other keys beside the group (a condition's `name`, ...) are ignored, as json-rules-engine ignores them.
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

/** A leaf as the engines read it: fact, operator, value (a literal or `{ fact, path }`), path; nothing else. */
function plainLeaf(node: Record<string, unknown>): Record<string, unknown> {
  const { fact, operator, path } = node;
  let value = node.value;
  if (isFactReference(value)) {
    const ref = value as { fact: string; path?: string };
    value = ref.path === undefined ? { fact: ref.fact } : { fact: ref.fact, path: ref.path };
  }
  return path === undefined ? { fact, operator, value } : { fact, operator, value, path };
}

/** Replaces each `{ condition: name }` with the named condition (validated and acyclic by then). */
function expand(node: unknown, named: Readonly<Record<string, unknown>>): unknown {
  if (!isObject(node)) return node;
  if (typeof node.condition === 'string') return expand(named[node.condition], named);
  if (Array.isArray(node.all)) return { all: node.all.map((c) => expand(c, named)) };
  if (Array.isArray(node.any)) return { any: node.any.map((c) => expand(c, named)) };
  if (node.not !== undefined) return { not: expand(node.not, named) };
  return plainLeaf(node);
}

/**
 * The expanded root of a rule. A root `{ condition }` becomes `{ all: [named] }`, which
 * json-rules-engine decides the same: it realizes the reference into a node evaluated as a child
 * (a group holds only when its result `=== true`, a leaf counts its truthiness), where a group
 * at the root itself counts its single child's truthiness (a custom operator returning 1).
 */
function expandRoot(node: unknown, named: Readonly<Record<string, unknown>>): TopLevelCondition {
  const expanded = expand(node, named) as Record<string, unknown>;
  const reference = isObject(node) && typeof node.condition === 'string';
  return (reference || Object.hasOwn(expanded, 'fact') ? { all: [expanded] } : expanded) as unknown as TopLevelCondition;
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
function checkExpansion(input: readonly unknown[], valid: readonly Checked[], named: Readonly<Record<string, unknown>>): Issue[] {
  const issues: Issue[] = [];
  const memo = new Map<string, Extent>();
  for (const name of Object.keys(named)) {
    const problem = expansionProblem(extentOf({ condition: name }, named, memo));
    if (problem !== undefined) issues.push({ path: ['conditions', name], message: `named condition "${name}": ${problem}` });
  }
  for (const { name, index } of valid) {
    const problem = expansionProblem(extentOf((input[index] as Record<string, unknown>).conditions, named, memo));
    if (problem !== undefined) issues.push({ path: ['rules', index, 'conditions'], message: `rule "${name.slice(0, 100)}": ${problem}` });
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
  const userFacts = new Map((options.userFacts ?? []).map((f) => [f.name, f.type] as const));
  const rawNamed = namedConditions ?? {};
  const named: Record<string, unknown> = isObject(rawNamed) ? rawNamed : {};
  if (!isObject(rawNamed)) issues.push({ path: ['conditions'], message: 'conditions must be an object of named conditions' });
  const namedKeys = Object.keys(named);
  if (namedKeys.length > RULE_LIMITS.namedConditions) issues.push({ path: ['conditions'], message: `at most ${RULE_LIMITS.namedConditions} named conditions` });
  for (const name of namedKeys) {
    if (['__proto__', 'constructor', 'prototype'].includes(name)) issues.push({ path: ['conditions', name], message: `a named condition may not be called ${name}` });
    const w: Walk = { issues, label: `named condition "${name}"`, named, operators, userFacts, nodes: 0 };
    walk(w, named[name], ['conditions', name], 1);
  }
  const cycle = findCycle(named);
  if (cycle !== undefined) issues.push({ path: ['conditions', cycle[0] as string], message: `named conditions reference each other in a cycle: ${cycle.join(' → ')}` });

  const names = new Set<string>();
  const codes = new Set<string>();
  const valid: Checked[] = [];
  input.forEach((raw, index) => {
    const checked = checkRule(raw, index, { issues, named, operators, userFacts, names, codes });
    if (checked !== undefined) valid.push(checked);
  });
  if (issues.length > 0) return { rules: [], issues };
  const oversized = checkExpansion(input, valid, named);
  if (oversized.length > 0) return { rules: [], issues: oversized };
  return { rules: valid.map(({ index, ...rule }) => ({ ...rule, conditions: expandRoot((input[index] as Record<string, unknown>).conditions, named) })), issues };
}

/** A rule that passed its own checks, before expansion. */
type Checked = Omit<ValidRule, 'conditions'> & { readonly index: number };

interface RuleSet {
  readonly issues: Issue[];
  readonly named: Readonly<Record<string, unknown>>;
  readonly operators: ReadonlySet<string>;
  readonly userFacts: ReadonlyMap<string, string>;
  readonly names: Set<string>;
  readonly codes: Set<string>;
}

/** Rule keys json-rules-engine turns into code that runs: refused by name, with what to do instead. */
const CALLBACKS: Readonly<Record<string, string>> = {
  onSuccess: "callbacks are not run: a rule here is data, and its success is the finding; act on the report's findings (or a playbook) instead",
  onFailure: 'callbacks are not run: a rule here is data; explain(order, code) says why a rule did not fire',
};

/** json-rules-engine's rule priority: `parseInt(priority || 1, 10)`, refused where it throws (≤ 0) or orders unpredictably (NaN). */
function parsePriority(raw: unknown): number | string {
  const priority = Number.parseInt(String(raw || 1), 10);
  if (Number.isNaN(priority)) return 'priority must be a whole number greater than zero (json-rules-engine reads it with parseInt)';
  if (priority <= 0) return 'priority must be greater than zero (json-rules-engine refuses it)';
  return priority;
}

/** Problems with a value carried to findings as `params`: it must be plain JSON within 16 levels. */
function jsonProblem(value: unknown, depth = 0): string | undefined {
  if (depth > 16) return 'nests deeper than 16 levels';
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return undefined;
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : 'holds a number that is not finite';
  if (Array.isArray(value)) return value.map((v) => jsonProblem(v, depth + 1)).find((p) => p !== undefined);
  if (typeof value === 'object' && value !== null && isPlainObject(value))
    return Object.values(value)
      .map((v) => jsonProblem(v, depth + 1))
      .find((p) => p !== undefined);
  return `holds ${describe(value)}, which is not JSON`;
}

function checkCode(set: RuleSet, index: number, label: string, code: unknown): void {
  if (typeof code !== 'string') return; // the envelope reports it
  const at = ['rules', index, 'event', 'type'];
  if (UNSAFE_CODE.test(code)) set.issues.push({ path: at, message: `${label}: event.type may not hold control or bidirectional characters` });
  else if (BUILT_IN.has(code)) set.issues.push({ path: at, message: `${label}: ${code} is a built-in code; tune it with options.thresholds, or pick another code` });
  else if (set.codes.has(code))
    set.issues.push({ path: at, message: `${label}: another rule raises ${JSON.stringify(code)}; each rule needs its own event.type, the code of its findings` });
  set.codes.add(code);
}

function checkName(set: RuleSet, index: number, label: string, name: string): void {
  if (set.names.has(name)) set.issues.push({ path: ['rules', index, 'name'], message: `${label}: another rule has this name` });
  // Built-in findings carry the ruleId "builtin:<CODE>": a user rule may not pass for one.
  if (name.startsWith('builtin:')) set.issues.push({ path: ['rules', index, 'name'], message: `${label}: names starting with "builtin:" are kept for built-in detectors` });
  set.names.add(name);
}

/** The params order-triage reads (defaults filled in) and the others, carried as plain JSON. */
function splitParams(set: RuleSet, index: number, label: string, params: Record<string, unknown>): Record<string, unknown> | undefined {
  const own = Object.keys(params).filter((k) => !KNOWN_PARAM_KEYS.includes(k) && !PROTO_KEYS.includes(k));
  for (const key of own) {
    const problem = jsonProblem(params[key]);
    if (problem !== undefined) set.issues.push({ path: ['rules', index, 'event', 'params', key], message: `${label}: event.params.${key} ${problem}` });
  }
  return own.length === 0 ? undefined : copyFields(params, own.sort());
}

/**
 * The envelope as json-rules-engine reads it: a `name` that is falsy but 0 is no name (derived),
 * a falsy `priority` is the default 1 (`options.priority || 1`), a numeric `event.type` is its
 * string (the finding's code).
 */
function envelopeAsRead(raw: unknown): unknown {
  if (!isObject(raw)) return raw;
  const out: Record<string, unknown> = { ...raw };
  if (!out.name && out.name !== 0) delete out.name;
  if (!out.priority) delete out.priority;
  const event = out.event;
  if (isObject(event) && typeof event.type === 'number' && Number.isFinite(event.type)) out.event = { ...event, type: String(event.type) };
  return out;
}

function checkRule(given: unknown, index: number, set: RuleSet): Checked | undefined {
  const { issues, named } = set;
  const raw = envelopeAsRead(given);
  const rawRule = isObject(raw) ? raw : {};
  const event = isObject(rawRule.event) ? rawRule.event : {};
  const code = event.type;
  const givenName = rawRule.name;
  const hasName = (typeof givenName === 'string' && givenName.length > 0) || typeof givenName === 'number';
  const name = hasName ? String(givenName) : `${typeof code === 'string' ? code : 'rule'}#${index + 1}`;
  const label = hasName ? `rule "${name.slice(0, 100)}"` : `rule #${index + 1}`;
  const before = issues.length;
  const envelope = ruleEnvelopeSchema().safeParse(raw);
  if (!envelope.success) {
    for (const issue of toIssues(envelope.error, ['rules', index], ruleEnvelopeSchema())) issues.push({ path: issue.path, message: `${label}: ${issue.message}` });
  }
  protoKeys(issues, label, rawRule, ['rules', index]);
  protoKeys(issues, label, event, ['rules', index, 'event']);
  protoKeys(issues, label, event.params, ['rules', index, 'event', 'params']);
  for (const key of Object.keys(CALLBACKS)) if (Object.hasOwn(rawRule, key)) issues.push({ path: ['rules', index, key], message: `${label}: ${key}: ${CALLBACKS[key]}` });
  // Names, codes and playbooks are checked on the raw rule, so they are reported even when
  // another part of the rule is wrong too.
  checkName(set, index, label, name);
  checkCode(set, index, label, code);
  const priority = parsePriority(rawRule.priority);
  if (typeof priority === 'string') issues.push({ path: ['rules', index, 'priority'], message: `${label}: ${priority}` });
  const params = isObject(event.params) ? event.params : {};
  const playbook = params.playbook;
  if (typeof playbook === 'string' && !BUILT_IN.has(playbook)) {
    const hint = suggestKey(playbook, [...BUILT_IN]);
    issues.push({
      path: ['rules', index, 'event', 'params', 'playbook'],
      message: `${label}: no built-in playbook ${JSON.stringify(playbook)}${hint === undefined ? '' : `; did you mean "${hint}"?`}`,
    });
  }
  const carried = splitParams(set, index, label, params);
  const conditions = rawRule.conditions;
  const w: Walk = { issues, label, named, operators: set.operators, userFacts: set.userFacts, nodes: 0 };
  if (isObject(conditions) && ['all', 'any', 'not', 'condition'].filter((k) => Object.hasOwn(conditions, k)).length === 1) walk(w, conditions, ['rules', index, 'conditions'], 1);
  else issues.push({ path: ['rules', index, 'conditions'], message: `${label}: conditions must be an object with exactly one of all, any, not or condition` });
  if (issues.length !== before || !envelope.success || typeof priority === 'string') return undefined;
  const rule = envelope.data as unknown as UserRule;
  const known = (rule.event.params ?? {}) as Partial<RuleParams>;
  return {
    rule,
    index,
    name,
    code: code as string,
    priority,
    params: {
      category: known.category ?? RULE_PARAM_DEFAULTS.category,
      severity: known.severity ?? RULE_PARAM_DEFAULTS.severity,
      owner: known.owner ?? RULE_PARAM_DEFAULTS.owner,
      playbook: known.playbook,
      confidence: known.confidence,
      summary: known.summary,
      checklist: known.checklist,
    },
    carried,
  };
}
