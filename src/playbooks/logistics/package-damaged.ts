import { draftChosenRemedy } from '../choices.js';
import { customerChoice, staffVerdict } from '../decisions.js';
import { parcelWithEvent, verifyClaimDraft } from '../parcel.js';
import type { ActionDraft, Playbook } from '../playbook.js';
import { tell } from '../tell.js';

/**
 * PACKAGE_DAMAGED. Damage the carrier recorded (a `damaged` event, or a carrier's or the
 * warehouse's report): offer a reshipment or a refund and claim from the carrier. Damage
 * reported only by the customer is verified first (photos, a person reviews): no money moves,
 * no defect is admitted, until then.
 */
export const packageDamagedPlaybook: Playbook<unknown> = (input) => {
  const { order, facts, messages, decision } = input;
  const confirmed = facts['tracking.hasDamagedEvent'] || (order.reports ?? []).some((r) => r.kind === 'damaged' && (r.source === 'carrier' || r.source === 'warehouse'));
  const delivered = facts['tracking.isDelivered'];
  const section = messages.customer.sections.damaged({ delivered, confirmed });
  if (!confirmed) {
    // Verified by a person: the remedy they settled on; rejected: nothing to do for the claim.
    const verdict = staffVerdict(decision);
    if (verdict === 'refund' || verdict === 'reship') return draftChosenRemedy(input, verdict, 'package_damaged');
    if (verdict === 'reject') return [];
    return [verifyClaimDraft(order, messages, 'damaged'), tell('claim_check', section, { channels: ['phone', 'sms'] })];
  }
  const choice = customerChoice(decision);
  const drafts: ActionDraft[] =
    choice === 'refund' || choice === 'reship'
      ? draftChosenRemedy(input, choice, 'package_damaged')
      : [tell('package_damaged', section, { channels: ['phone', 'sms'], options: ['reship', 'refund'] })];
  const parcel = parcelWithEvent(order, 'damaged');
  if (parcel !== undefined) {
    drafts.push({ kind: 'carrier_claim', params: { ...parcel, reason: 'damaged' }, owner: 'logistics', key: [parcel.shipmentId, 'damaged'], automatable: false });
  }
  return drafts;
};
