import { parcelOf } from '../parcel.js';
import type { ActionDraft, Playbook } from '../playbook.js';
import { tell } from '../tell.js';

/**
 * PACKAGE_DAMAGED. Damage the carrier recorded (a `damaged` event, or a carrier's or the
 * warehouse's report): offer a reshipment or a refund and claim from the carrier. Damage
 * reported only by the customer is verified first (photos, a person reviews): no money moves,
 * no defect is admitted, until then.
 */
export const packageDamagedPlaybook: Playbook<unknown> = ({ order, facts, messages }) => {
  const confirmed = facts['tracking.hasDamagedEvent'] || (order.reports ?? []).some((r) => r.kind === 'damaged' && (r.source === 'carrier' || r.source === 'warehouse'));
  const delivered = facts['tracking.isDelivered'];
  const section = messages.customer.sections.damaged({ delivered, confirmed });
  if (!confirmed) {
    return [
      {
        kind: 'manual_review',
        params: { reason: 'claim_unverified' },
        owner: 'customer_service',
        key: ['claim_unverified', 'damaged'],
        automatable: false,
        note: messages.internal.verifyClaim({ orderId: order.id, claim: 'damaged' }),
      },
      tell('claim_check', section, { channels: ['phone', 'sms'] }),
    ];
  }
  const drafts: ActionDraft[] = [tell('package_damaged', section, { channels: ['phone', 'sms'], options: ['reship', 'refund'] })];
  const parcel = parcelOf(order);
  if (parcel !== undefined) {
    drafts.push({ kind: 'carrier_claim', params: { ...parcel, reason: 'damaged' }, owner: 'logistics', key: [parcel.shipmentId, 'damaged'], automatable: false });
  }
  return drafts;
};
