import { parseTimestamp } from '../_lib/timestamp.js';
import { parseRefundKey } from '../money/refund-key.js';
import { computeRefundableBalances } from '../money/refundable-balance.js';
import { doneActions } from '../schema/recorded-actions.js';
import type { ActionTaken, OrderSnapshot } from '../schema/snapshot.js';
import { isRefusalEvent } from '../vocabulary/tracking-event.js';

/** The refunds of ours recorded done that the gateway has not yet shown succeeded in `refunds[]` (same payment, same amount). */
function unsettledRefundActions(order: OrderSnapshot): ActionTaken[] {
  const settled = new Set((order.refunds ?? []).filter((r) => r.status === 'succeeded').map((r) => `${r.paymentId ?? ''}|${r.amount}`));
  return doneActions(order).filter((a) => {
    const ours = parseRefundKey(a.idempotencyKey, order.id);
    return ours !== undefined && !settled.has(`${ours.paymentId}|${ours.amount}`);
  });
}

/**
 * What keeps a case open although its findings cleared: a refund still settling at the gateway,
 * or money captured on an order that will not ship and not yet refunded (docs/lifecycle.md, "Closure").
 *
 * @example
 * stillOwed(cancelledWithMoney) //=> 'refund of the money captured'
 */
export function stillOwed(order: OrderSnapshot): string | undefined {
  if ((order.refunds ?? []).some((r) => r.status === 'pending') || unsettledRefundActions(order).length > 0) return 'the refund to settle';
  if (order.status !== 'cancelled' && order.status !== 'closed' && order.status !== 'failed') return undefined;
  const ledger = computeRefundableBalances(order);
  return ledger.blocked || ledger.payments.some((b) => b.refundable > 0) ? 'refund of the money captured' : undefined;
}

/**
 * Since when the money {@link stillOwed} names has been owed: the oldest pending refund or refund
 * of ours not yet settled, else `fallback` (when the case began).
 *
 * @example
 * owedSince(order, since) //=> epoch ms of the oldest unsettled refund
 */
export function owedSince(order: OrderSnapshot, fallback: number): number {
  let oldest = Infinity;
  for (const r of order.refunds ?? []) if (r.status === 'pending') oldest = Math.min(oldest, parseTimestamp(r.createdAt));
  for (const a of unsettledRefundActions(order)) oldest = Math.min(oldest, parseTimestamp(a.at));
  return oldest === Infinity ? fallback : oldest;
}

/**
 * Since when goods have been awaited back: the latest refusal or return-to-sender event, a
 * return requested, or a return on its way (`returns[]`). Waiting on them pauses escalation
 * until `policy.followUp.resultDueHours` after that.
 *
 * @example
 * returnAwaitedSince(refusedOrder) //=> epoch ms of the refusal
 */
export function returnAwaitedSince(order: OrderSnapshot): number {
  let latest = -Infinity;
  for (const s of order.shipments ?? []) for (const e of s.events) if (isRefusalEvent(e.code)) latest = Math.max(latest, parseTimestamp(e.at));
  for (const a of doneActions(order)) if (a.kind === 'request_return') latest = Math.max(latest, parseTimestamp(a.at));
  for (const r of order.returns ?? []) latest = Math.max(latest, parseTimestamp(r.at));
  return latest;
}
