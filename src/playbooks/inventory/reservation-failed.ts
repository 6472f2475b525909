import { demandBySku, reservedBySku } from '../../facts/inventory-facts.js';
import type { ActionDraft, Playbook } from '../playbook.js';

/** RESERVATION_FAILED: reserve again (automatable); a reservation that failed outright goes to a person too. */
export const reservationFailedPlaybook: Playbook<unknown> = ({ order, facts }) => {
  const held = reservedBySku(order);
  const skus = demandBySku(order)
    .filter((d) => (held.get(d.sku) ?? 0) < d.quantity)
    .map((d) => d.sku);
  const drafts: ActionDraft[] = [{ kind: 'release_or_retry_reservation', params: { skus }, owner: 'warehouse', key: skus, automatable: true }];
  if ((facts['reservations.failedCount'] ?? 0) > 0) {
    drafts.push({ kind: 'manual_review', params: { reason: 'reservation_failed', details: skus }, owner: 'warehouse', key: ['reservation_failed'], automatable: false });
  }
  return drafts;
};
