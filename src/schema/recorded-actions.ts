import { parseTimestamp } from '../_lib/timestamp.js';
import type { ActionTaken, OrderSnapshot } from './snapshot.js';

/**
 * True for an `actionsTaken` entry that happened: recorded without a status, or `done`. A
 * `failed` one did not (a refund the gateway refused, an SMS not delivered): it moved no money
 * and told nobody anything, and the plan retries or replaces it.
 *
 * @example
 * isDone({ kind: 'refund', idempotencyKey: 'A/refund/p/100', at, status: 'failed' }) //=> false
 */
export function isDone(action: Pick<ActionTaken, 'status'>): boolean {
  return action.status !== 'failed';
}

/** The order's recorded actions that happened (see {@link isDone}). */
export function doneActions(order: Pick<OrderSnapshot, 'actionsTaken'>): ActionTaken[] {
  return (order.actionsTaken ?? []).filter(isDone);
}

/**
 * The order as detectors and planners see it at `now`: reports resolved by then no longer
 * count. The snapshot is never changed: a report resolved makes a shallow copy without it.
 *
 * @example
 * withoutResolvedReports(order, now).reports //=> the reports not resolved by now
 */
export function withoutResolvedReports(order: OrderSnapshot, now: number): OrderSnapshot {
  const reports = order.reports;
  if (reports === undefined || reports.every((r) => r.resolvedAt === undefined)) return order;
  return { ...order, reports: reports.filter((r) => r.resolvedAt === undefined || parseTimestamp(r.resolvedAt) > now) };
}
