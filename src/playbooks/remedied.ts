import { parseTimestamp } from '../_lib/timestamp.js';
import { computeRefundableBalances } from '../money/refundable-balance.js';
import { doneActions } from '../schema/recorded-actions.js';
import type { OrderSnapshot } from '../schema/snapshot.js';

/** Findings about the parcel: what a refund of the order, or a replacement delivered, puts right. */
const PARCEL_CODES: readonly string[] = [
  'PACKAGE_LOST',
  'PACKAGE_DAMAGED',
  'DELIVERY_REFUSED',
  'TRACKING_STALLED',
  'DELIVERY_DELAYED',
  'WRONG_ITEM',
  'MISSING_ITEM',
  'CARRIER_EXCEPTION',
  'AWAITING_PICKUP',
  'DELIVERY_ATTEMPT_FAILED',
];

/** What of the order's money is still refundable once every refund settled; undefined while one is pending or none succeeded. */
function leftAfterSettledRefunds(order: OrderSnapshot): number | undefined {
  const refunds = order.refunds ?? [];
  if (refunds.some((r) => r.status === 'pending') || !refunds.some((r) => r.status === 'succeeded')) return undefined;
  const ledger = computeRefundableBalances(order);
  if (ledger.blocked || ledger.payments.length === 0) return undefined;
  return ledger.payments.reduce((sum, b) => sum + b.refundable, 0);
}

/** A replacement of ours was sent (recorded done) and a parcel shipped after it was delivered. */
function replacementDelivered(order: OrderSnapshot): boolean {
  const reships = doneActions(order).filter((a) => a.kind === 'reship');
  if (reships.length === 0) return false;
  const sentAt = reships.reduce((min, a) => Math.min(min, parseTimestamp(a.at)), Infinity);
  return (order.shipments ?? []).some((s) => s.shippedAt !== undefined && parseTimestamp(s.shippedAt) >= sentAt && s.events.some((e) => e.code === 'delivered'));
}

/**
 * Codes whose remedy is recorded done although their signal stays in the snapshot (a `damaged`
 * event never goes away): the parcel findings, once the order's money went back and settled, or a
 * replacement was delivered (docs/lifecycle.md, "Closure"). They are no longer found: the case
 * resolves them and the customer is surveyed.
 *
 * @example
 * remediedCodes(damagedAndRefunded) //=> Set { 'PACKAGE_LOST', 'PACKAGE_DAMAGED', ... }
 */
export function remediedCodes(order: OrderSnapshot): ReadonlySet<string> {
  const left = leftAfterSettledRefunds(order);
  if (left === 0 || replacementDelivered(order)) return new Set(PARCEL_CODES);
  // A refusal refunded less its shipping fee is settled too.
  return left !== undefined && left <= order.totals.shipping ? new Set(['DELIVERY_REFUSED']) : new Set();
}
