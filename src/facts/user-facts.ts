import { describeError } from '../_lib/describe-error.js';
import { isPlainObject } from '../_lib/plain-object.js';
import type { Issue } from '../errors.js';
import type { OrderSnapshot } from '../schema/snapshot.js';
import { factCatalogue } from './derive-facts.js';

/** The JSON types a user fact may declare; `unknown` (the default) compares with anything. */
export const USER_FACT_TYPES = ['number', 'string', 'boolean', 'array', 'object', 'unknown'] as const;

/** The type a user fact declares. */
export type UserFactType = (typeof USER_FACT_TYPES)[number];

/**
 * A fact of your own for user rules (json-rules-engine's `engine.addFact`, made synchronous and
 * pure): `compute` gets the validated snapshot and returns a JSON value. Rules name it by `name`.
 *
 * @example
 * { name: 'itemCount', type: 'number', compute: (order) => order.items.length }
 */
export interface UserFact {
  readonly name: string;
  /** A synchronous, pure function of the validated snapshot, returning plain JSON. */
  readonly compute: (order: OrderSnapshot) => unknown;
  /** What it returns, so rule values are checked against it. @default 'unknown' */
  readonly type?: UserFactType;
}

/** A user fact that passed validation. */
export interface ValidUserFact {
  readonly name: string;
  readonly compute: (order: OrderSnapshot) => unknown;
  readonly type: UserFactType;
}

const NAME = /^[A-Za-z_$][A-Za-z0-9_$.:-]{0,63}$/;
const RESERVED = new Set(['order', ...Object.keys(factCatalogue)]);
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Checks `options.facts`: each a `{ name, compute, type? }` with a name that no built-in fact,
 * `order` or another user fact has, a function, and a known type. Every problem is listed.
 *
 * @example
 * checkUserFacts([{ name: 'order', compute: 1 }]).issues.length //=> 2
 */
export function checkUserFacts(given: unknown): { facts: ValidUserFact[]; issues: Issue[] } {
  if (given === undefined) return { facts: [], issues: [] };
  if (!Array.isArray(given)) return { facts: [], issues: [{ path: ['facts'], message: 'facts must be a list of { name, compute, type? }' }] };
  if (given.length > 200) return { facts: [], issues: [{ path: ['facts'], message: 'at most 200 user facts' }] };
  const issues: Issue[] = [];
  const facts: ValidUserFact[] = [];
  const seen = new Set<string>();
  given.forEach((raw: unknown, i) => {
    const before = issues.length;
    const fact = (typeof raw === 'object' && raw !== null && isPlainObject(raw) ? raw : {}) as Record<string, unknown>;
    if (typeof raw !== 'object' || raw === null || !isPlainObject(raw)) issues.push({ path: ['facts', i], message: 'a user fact must be an object { name, compute, type? }' });
    const { name, compute, type } = fact;
    if (typeof name !== 'string' || !NAME.test(name) || FORBIDDEN.has(name))
      issues.push({ path: ['facts', i, 'name'], message: 'name must be 1 to 64 letters, digits, _, $, ., : or -, starting with a letter, _ or $' });
    else if (RESERVED.has(name)) issues.push({ path: ['facts', i, 'name'], message: `${name} is a built-in fact (docs/facts.md); pick another name` });
    else if (seen.has(name)) issues.push({ path: ['facts', i, 'name'], message: `another user fact is called ${name}` });
    if (typeof name === 'string') seen.add(name);
    if (typeof compute !== 'function')
      issues.push({
        path: ['facts', i, 'compute'],
        message: 'compute must be a synchronous function (order) => value (async facts are not supported: derive the value before evaluating, or put it in the snapshot)',
      });
    else if (Object.prototype.toString.call(compute) === '[object AsyncFunction]')
      issues.push({
        path: ['facts', i, 'compute'],
        message: 'async facts are not supported: evaluation is synchronous and pure; derive the value before evaluating and put it in the snapshot',
      });
    if (type !== undefined && !(USER_FACT_TYPES as readonly unknown[]).includes(type))
      issues.push({ path: ['facts', i, 'type'], message: `type must be one of ${USER_FACT_TYPES.join(', ')}` });
    if (issues.length === before) facts.push({ name: name as string, compute: compute as ValidUserFact['compute'], type: (type as UserFactType | undefined) ?? 'unknown' });
  });
  return { facts, issues };
}

/** True when `value` is plain JSON within 32 levels: what a user fact may return. */
function isJson(value: unknown, depth = 0): boolean {
  if (depth > 32) return false;
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every((v) => isJson(v, depth + 1));
  if (typeof value === 'object' && value !== null && isPlainObject(value)) return Object.values(value).every((v) => isJson(v, depth + 1));
  return false;
}

/** A user fact that could not be computed for an order: its name and why. */
export interface UserFactFailure {
  readonly name: string;
  readonly message: string;
}

/**
 * Computes each user fact for one order into `facts`. A compute that throws, returns a promise
 * or returns something that is not plain JSON never fails the evaluation: the fact reads
 * `undefined` (as json-rules-engine reads a fact it does not have) and the failure is returned,
 * for the report's warnings.
 *
 * @example
 * computeUserFacts(facts, order, [{ name: 'n', type: 'number', compute: (o) => o.items.length }]) //=> []
 */
export function computeUserFacts(facts: Record<string, unknown>, order: OrderSnapshot, userFacts: readonly ValidUserFact[]): UserFactFailure[] {
  const failures: UserFactFailure[] = [];
  for (const { name, compute } of userFacts) {
    let value: unknown;
    try {
      value = compute(order);
    } catch (error) {
      failures.push({ name, message: `user fact ${name} threw: ${describeError(error)}; read as undefined` });
      facts[name] = undefined;
      continue;
    }
    if (value !== undefined && !isJson(value)) {
      const what = value instanceof Promise ? 'a promise (user facts are synchronous)' : 'a value that is not plain JSON';
      failures.push({ name, message: `user fact ${name} returned ${what}; read as undefined` });
      value = undefined;
    }
    facts[name] = value;
  }
  return failures;
}
