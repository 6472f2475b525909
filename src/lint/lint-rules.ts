import { parseRulePath } from '../conditions/rule-path.js';
import type { Issue } from '../errors.js';
import { isInvalidOptionsError } from '../errors.js';
import { suggestKey } from '../schema/issues.js';
import type { TriageOptions } from '../schema/options.js';
import { createTriage } from '../triage.js';
import { childSchema, ORDER_SCHEMA, objectKeys, orderFieldPaths } from './order-field-paths.js';

/** What {@link lintRules} found: problems that stop the rules (errors), and likely mistakes that do not (warnings). */
export interface RuleLint {
  /** Every problem `createTriage` refuses the rules for, each with its path. */
  readonly errors: Issue[];
  /** Rules that run but probably do not mean what they say, each with its path. */
  readonly warnings: Issue[];
}

type Key = string | number;

/** How far the warning walk goes into a rule file: `createTriage` refuses anything bigger anyway. */
const WALK_LIMITS = { depth: 40, nodes: 20_000 } as const;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

interface Walk {
  readonly warnings: Issue[];
  readonly used: Set<string>;
  label: string;
  nodes: number;
}

/** A rule file as `createTriage` options: a list of rules, or an object of options (rules, conditions, thresholds...). */
function toOptions(file: unknown): Record<string, unknown> | undefined {
  if (Array.isArray(file)) return { rules: file };
  return isObject(file) ? file : undefined;
}

function formatSegments(segments: readonly Key[]): string {
  return `$${segments.map((s) => (typeof s === 'number' ? `[${s}]` : `.${s}`)).join('')}`;
}

/** The known field path closest to `path` as a whole, or the one field elsewhere with the name `segment`. */
function guessPath(path: string, segment: Key): string | undefined {
  const whole = suggestKey(path.replace(/\[\d+\]/g, '[0]'), orderFieldPaths());
  if (whole !== undefined || typeof segment !== 'string') return whole;
  const sameName = orderFieldPaths().filter((known) => known.endsWith(`.${segment}`));
  return sameName.length === 1 ? sameName[0] : undefined;
}

/** Why an `order` path reads no field the snapshot schema knows, with a "did you mean", or undefined when it does. */
function orderPathProblem(path: string): string | undefined {
  const segments = parseRulePath(path);
  if (typeof segments === 'string') return undefined; // createTriage reports it as an error
  let schema = ORDER_SCHEMA;
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i] as Key;
    const keys = objectKeys(schema);
    const child = childSchema(schema, segment);
    if (child !== undefined) {
      schema = child;
      continue;
    }
    if (keys === undefined) return undefined; // a list's length, a string, or a field the schema leaves open
    const at = formatSegments(segments.slice(0, i));
    const near = typeof segment === 'string' ? suggestKey(segment, keys) : undefined;
    const guess = near !== undefined ? formatSegments([...segments.slice(0, i), near, ...segments.slice(i + 1)]) : guessPath(path, segment);
    const what = typeof segment === 'number' ? `${at} is not a list` : `the snapshot has no field "${segment}" under ${at}`;
    return `${what}, so ${JSON.stringify(path)} reads undefined unless orders carry it as an extra field${guess === undefined ? '' : `; did you mean "${guess}"?`}`;
  }
  return undefined;
}

function checkOrderRead(w: Walk, node: Record<string, unknown>, path: Key[]): void {
  if (node.fact !== 'order' || typeof node.path !== 'string') return;
  const problem = orderPathProblem(node.path);
  if (problem !== undefined) w.warnings.push({ path: [...path, 'path'], message: `${w.label}: ${problem}` });
}

/** Visits every object in a condition tree, whatever its keys (decorators and fact comparisons included). */
function visit(w: Walk, node: unknown, path: Key[], depth: number): void {
  if (depth > WALK_LIMITS.depth || ++w.nodes > WALK_LIMITS.nodes) return;
  if (Array.isArray(node)) {
    node.forEach((child, i) => visit(w, child, [...path, i], depth + 1));
    return;
  }
  if (!isObject(node)) return;
  if (typeof node.condition === 'string') w.used.add(node.condition);
  checkOrderRead(w, node, path);
  for (const key of Object.keys(node)) if (key !== 'fact' && key !== 'path') visit(w, node[key], [...path, key], depth + 1);
}

function collectWarnings(options: Record<string, unknown>): Issue[] {
  const w: Walk = { warnings: [], used: new Set(), label: '', nodes: 0 };
  const named = isObject(options.conditions) ? options.conditions : {};
  for (const name of Object.keys(named)) {
    w.label = `named condition "${name}"`;
    visit(w, named[name], ['conditions', name], 0);
  }
  const rules = Array.isArray(options.rules) ? (options.rules as unknown[]) : [];
  rules.forEach((rule, index) => {
    const name = isObject(rule) && typeof rule.name === 'string' ? rule.name.slice(0, 100) : undefined;
    w.label = name === undefined ? `rule #${index + 1}` : `rule "${name}"`;
    if (isObject(rule)) visit(w, rule.conditions, ['rules', index, 'conditions'], 0);
  });
  for (const name of Object.keys(named)) {
    if (!w.used.has(name)) w.warnings.push({ path: ['conditions', name], message: `named condition "${name}" is used by no rule` });
  }
  return w.warnings;
}

/**
 * Lints a rule file (a list of rules, or an object of `createTriage` options such as
 * `{ rules, conditions }`): `errors` are every problem `createTriage` refuses the file for
 * (unknown facts and operators with "did you mean", values of the wrong type, limits...), and
 * `warnings` are rules that run but probably do not mean what they say, such as an `order` path
 * no snapshot field matches (with "did you mean") or a named condition no rule uses. Never throws.
 * See docs/cli.md.
 *
 * @example
 * lintRules([{ name: 'big', conditions: { all: [{ fact: 'order', path: '$.totals.payabel', operator: 'greaterThan', value: 1 }] },
 *   event: { type: 'BIG', params: { category: 'fraud', severity: 'low', owner: 'risk' } } }]).warnings[0].message
 * //=> 'rule "big": the snapshot has no field "payabel" under $.totals, ...; did you mean "$.totals.payable"?'
 */
export function lintRules(file: unknown): RuleLint {
  const options = toOptions(file);
  if (options === undefined) return { errors: [{ path: [], message: 'a rule file holds a list of rules, or an object with rules (and named conditions)' }], warnings: [] };
  const errors: Issue[] = [];
  try {
    createTriage(options as TriageOptions);
  } catch (error) {
    if (isInvalidOptionsError(error)) for (const issue of error.issues) errors.push(issue);
    else errors.push({ path: [], message: error instanceof Error ? error.message : String(error) });
  }
  let warnings: Issue[] = [];
  try {
    warnings = collectWarnings(options);
  } catch {
    // A file createTriage could not read (a throwing getter, a Proxy) has its errors already.
  }
  return { errors, warnings };
}
