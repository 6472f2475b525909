import { buildIdempotencyKey } from '../_lib/idempotency-key.js';
import { parseTimestamp } from '../_lib/timestamp.js';
import { primaryShipment } from '../facts/logistics-facts.js';
import type { MessageCatalogue } from '../messages/catalogue.js';
import { doneActions } from '../schema/recorded-actions.js';
import type { OrderSnapshot } from '../schema/snapshot.js';
import type { ParcelRef } from './action.js';
import type { ActionDraft } from './playbook.js';

/** The parcel logistics actions are about: the primary shipment. */
export function parcelOf(order: OrderSnapshot): ParcelRef | undefined {
  const primary = primaryShipment(order);
  return primary === undefined ? undefined : { shipmentId: primary.id, carrier: primary.carrier, trackingNumber: primary.trackingNumber };
}

/**
 * What distinguishes the next chase of a parcel: the first chase, then one more every
 * `policy.followUp.updateEveryHours` after the last one recorded done (`[shipmentId, n]`), so a
 * delay that goes on is chased again, and a new finding on the same parcel is never starved by
 * an old key. Before the period is over, the last chase's key (already done: left out).
 *
 * @example
 * chaseKey(order, 'SHP-1', now, 24) //=> ['SHP-1'] (never chased), ['SHP-1', 2] (chased over a day ago)
 */
export function chaseKey(order: OrderSnapshot, shipmentId: string, now: number, everyHours: number): (string | number)[] {
  const first = buildIdempotencyKey([order.id, 'urge_carrier', shipmentId]);
  let count = 0;
  let last = -Infinity;
  for (const action of doneActions(order)) {
    if (action.idempotencyKey !== first && !action.idempotencyKey.startsWith(`${first}/`)) continue;
    count++;
    last = Math.max(last, parseTimestamp(action.at));
  }
  if (count === 0) return [shipmentId];
  const due = now - last >= everyHours * 3_600_000;
  const n = due ? count + 1 : count;
  return n === 1 ? [shipmentId] : [shipmentId, n];
}

/**
 * The parcel a carrier event happened to (`lost`, `damaged`): the claim is about it, not about a
 * replacement sent since. The primary shipment when no shipment has the event.
 *
 * @example
 * parcelWithEvent(order, 'damaged') //=> { shipmentId: 'SHP-1', carrier: 'SF', trackingNumber: '…' }
 */
export function parcelWithEvent(order: OrderSnapshot, code: string): ParcelRef | undefined {
  const shipment = (order.shipments ?? []).find((s) => s.events.some((e) => e.code === code));
  return shipment === undefined ? parcelOf(order) : { shipmentId: shipment.id, carrier: shipment.carrier, trackingNumber: shipment.trackingNumber };
}

/**
 * A person checks a claim the data cannot confirm before any money moves (docs/playbooks.md,
 * "Gates"): the parcel the carrier shows delivered that never arrived, or damage, a wrong item
 * or a missing item only the customer reports.
 *
 * @example
 * verifyClaimDraft(order, messages, 'damaged') //=> { kind: 'manual_review', params: { reason: 'claim_unverified' }, ... }
 */
export function verifyClaimDraft(order: OrderSnapshot, messages: MessageCatalogue, claim: 'not_received' | 'damaged' | 'wrong_item' | 'missing_item'): ActionDraft {
  return {
    kind: 'manual_review',
    params: { reason: 'claim_unverified' },
    owner: 'customer_service',
    key: ['claim_unverified', claim],
    automatable: false,
    note: messages.internal.verifyClaim({ orderId: order.id, claim }),
  };
}

/**
 * Whether a report of `kind` comes from the warehouse or the carrier, who can confirm it from
 * their records; a report only from the customer (or an agent passing it on) is a claim that a
 * person verifies first.
 *
 * @example
 * reportConfirmed(order, 'wrong_item') //=> true when the warehouse reported it
 */
export function reportConfirmed(order: OrderSnapshot, kind: string): boolean {
  return (order.reports ?? []).some((r) => r.kind === kind && (r.source === 'warehouse' || r.source === 'carrier'));
}
