import { parseTimestamp } from '../_lib/timestamp.js';
import { readRecordedRefund } from '../money/refund-key.js';
import { requiredApproval } from '../policy/approval.js';
import type { Policy } from '../policy/policy.js';
import { isDone } from '../schema/recorded-actions.js';
import type { OrderSnapshot } from '../schema/snapshot.js';
import { approvalRank, type PlannedAction } from './finalise-actions.js';

/** How far back money already given counts toward an order's approval. */
export const APPROVAL_WINDOW_DAYS = 30;

const MONEY_KINDS: ReadonlySet<string> = new Set(['refund', 'coupon', 'points']);

/**
 * Money the order already gave back in the last 30 days: per payment, the larger of the refunds
 * on record (`refunds[]`, pending or succeeded) and the refund actions taken (the same refund is
 * often in both; refunds naming no payment, and actions under keys not ours, count as one more
 * "payment"), plus coupons and points taken. A refund action of unknown amount counts nothing
 * here; the refund planners refuse to move money past it anyway.
 *
 * @example
 * recordedMoneyOut(order, now) //=> 20000 (a ¥200 refund last week)
 */
export function recordedMoneyOut(order: OrderSnapshot, now: number): number {
  const since = now - APPROVAL_WINDOW_DAYS * 24 * 60 * 60_000;
  const onRecord = new Map<string, number>();
  const actioned = new Map<string, number>();
  const add = (to: Map<string, number>, paymentId: string | undefined, amount: number) => to.set(paymentId ?? '', (to.get(paymentId ?? '') ?? 0) + amount);
  for (const r of order.refunds ?? []) if (r.status !== 'failed' && parseTimestamp(r.createdAt) >= since) add(onRecord, r.paymentId, r.amount);
  let compensation = 0;
  for (const action of order.actionsTaken ?? []) {
    if (parseTimestamp(action.at) < since || !isDone(action)) continue;
    if (action.kind === 'coupon' || action.kind === 'points') compensation += action.amount ?? 0;
    else {
      const refund = readRecordedRefund(action, order.id);
      if (refund?.amount !== undefined) add(actioned, refund.paymentId, refund.amount);
    }
  }
  let total = compensation;
  for (const id of new Set([...onRecord.keys(), ...actioned.keys()])) total += Math.max(onRecord.get(id) ?? 0, actioned.get(id) ?? 0);
  return total;
}

/**
 * One approval for the order (docs/playbooks.md, "One budget, one approval"): every refund,
 * coupon and points action needs at least the role whose authority covers the order's total
 * money out (this plan's money actions plus {@link recordedMoneyOut}), so splitting a refund
 * over payments, or over evaluations, never lowers the approval. An action that needs approval
 * is not automatable.
 *
 * @example
 * applyOrderApproval([refund19000, refund19000], order, policy, now) // both 'supervisor' (¥380 in all)
 */
export function applyOrderApproval(actions: readonly PlannedAction[], order: OrderSnapshot, policy: Policy, now: number): PlannedAction[] {
  let total = recordedMoneyOut(order, now);
  for (const a of actions) if (MONEY_KINDS.has(a.kind)) total += (a.params as { amount: number }).amount;
  const role = requiredApproval(total, order.currency, policy);
  return actions.map((a) =>
    MONEY_KINDS.has(a.kind) && approvalRank(role) > approvalRank(a.requiresApproval) ? ({ ...a, requiresApproval: role, automatable: false } as PlannedAction) : a,
  );
}
