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

const NOT_JSON: unique symbol = Symbol('not JSON');

/**
 * A copy of `value` if it is plain JSON within 32 levels (what a user fact may return), else
 * NOT_JSON. Each property is read once, so a getter that answers differently each time cannot
 * slip a second value past the check; a getter or Proxy trap that throws throws here (the caller
 * reads that as a failed fact).
 */
function copyIfJson(value: unknown, depth = 0): unknown {
  if (depth > 32) return NOT_JSON;
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : NOT_JSON;
  if (typeof value !== 'object') return NOT_JSON;
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (const item of value as unknown[]) {
      const copy = copyIfJson(item, depth + 1);
      if (copy === NOT_JSON) return NOT_JSON;
      out.push(copy);
    }
    return out;
  }
  if (!isPlainObject(value)) return NOT_JSON;
  const out: Record<string, unknown> = Object.create(null);
  for (const [key, item] of Object.entries(value)) {
    const copy = copyIfJson(item, depth + 1);
    if (copy === NOT_JSON) return NOT_JSON;
    out[key] = copy;
  }
  return out;
}

/** Freezes `value` and everything in it (a structured clone: plain objects and lists only). */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const item of Object.values(value)) deepFreeze(item);
  }
  return value;
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
  // compute gets a frozen copy: what it assigns never reaches the report (in strict mode the
  // assignment throws, and the fact fails like any other throw).
  const view = deepFreeze(structuredClone(order));
  for (const { name, compute } of userFacts) {
    let value: unknown;
    try {
      const returned = compute(view);
      // Copied inside the try: a getter or a Proxy trap that throws is a failed fact too.
      value = returned === undefined ? undefined : returned instanceof Promise ? NOT_JSON : copyIfJson(returned);
      if (value === NOT_JSON) {
        const what = returned instanceof Promise ? 'a promise (user facts are synchronous)' : 'a value that is not plain JSON';
        failures.push({ name, message: `user fact ${name} returned ${what}; read as undefined` });
        value = undefined;
      }
    } catch (error) {
      failures.push({ name, message: `user fact ${name} threw: ${describeError(error)}; read as undefined` });
      value = undefined;
    }
    facts[name] = value;
  }
  return failures;
}
