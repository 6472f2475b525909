import type { Action, ActionKind } from './action.js';

/** The action kinds that move money: their `actionsTaken` entry carries the amount and currency. */
const MONEY_KINDS: ReadonlySet<ActionKind> = new Set<ActionKind>(['refund', 'coupon', 'points']);

/**
 * An `actionsTaken` entry as {@link toActionTaken} writes it: what the backend did with one of
 * the plan's actions, ready to store in the order's `actionsTaken` (docs/getting-started.md).
 * A type alias, not an interface, so it is assignable to the snapshot's open-ended entry type.
 */
export type RecordedAction = {
  /** The action's kind, as planned. */
  readonly kind: ActionKind;
  /** The action's idempotency key, as planned: the next evaluation recognises it by this. */
  readonly idempotencyKey: string;
  /** When it was carried out (or tried), ISO 8601 in UTC. */
  readonly at: string;
  /** For a refund, coupon or points: the amount in minor units. */
  readonly amount?: number;
  /** For a refund, coupon or points: the currency of `amount`, when the action names it. */
  readonly currency?: string;
  /** `done`: it happened; `failed`: it was tried and did not happen, and the plan retries or replaces it. */
  readonly status: 'done' | 'failed';
  /** Why it failed, as the backend recorded it. */
  readonly error?: string;
};

/** How an action went: when, and whether it happened (`done`, the default) or `failed` (with why). */
export interface ActionOutcome {
  /** When it was carried out or tried: a `Date`, epoch milliseconds or an ISO 8601 timestamp with offset. */
  readonly at: Date | number | string;
  /** @default 'done' */
  readonly status?: 'done' | 'failed';
  /** Why it failed (kept only for a failed action). */
  readonly error?: string;
}

function isoInstant(at: Date | number | string): string {
  const ms = at instanceof Date ? at.getTime() : typeof at === 'number' ? at : Date.parse(at);
  if (!Number.isFinite(ms) || Math.abs(ms) > 8.64e15) throw new RangeError(`toActionTaken: at must be a valid instant, got ${String(at)}`);
  return new Date(ms).toISOString();
}

function moneyOf(action: Action): { amount: number; currency?: string } | undefined {
  if (!MONEY_KINDS.has(action.kind)) return undefined;
  const params = action.params as { amount: number; currency?: string };
  return params.currency === undefined ? { amount: params.amount } : { amount: params.amount, currency: params.currency };
}

/**
 * Turns one of a plan's actions into its `actionsTaken` entry: its kind and idempotency key,
 * `at` as an ISO 8601 instant in UTC, the amount and currency where it moves money (refund,
 * coupon, points), and its status. Stored in the order's `actionsTaken`, a done action is not
 * recommended again and a refund counts against what its payment can still refund; a failed one
 * is retried or replaced. Throws a `RangeError` when `at` is not a valid instant.
 *
 * @example
 * const report = triage.evaluate(order, { now });
 * if (report.ok) {
 *   const [refund] = report.actions;
 *   const taken = toActionTaken(refund, { at: new Date() });
 *   //=> { kind: 'refund', idempotencyKey: 'ORD-1/refund/pay_2/20900', at: '2026-03-01T04:31:00.000Z', amount: 20900, currency: 'CNY', status: 'done' }
 *   order = { ...order, actionsTaken: [...(order.actionsTaken ?? []), taken] };
 * }
 */
export function toActionTaken(action: Action, outcome: ActionOutcome): RecordedAction {
  const status = outcome.status ?? 'done';
  return {
    kind: action.kind,
    idempotencyKey: action.idempotencyKey,
    at: isoInstant(outcome.at),
    ...moneyOf(action),
    status,
    ...(status === 'failed' && outcome.error !== undefined ? { error: outcome.error } : {}),
  };
}
