import { parseTimestamp } from '../../_lib/timestamp.js';
import { computeAvailability } from '../../facts/inventory-facts.js';
import type { OrderSnapshot } from '../../schema/snapshot.js';
import { draftChosenRemedy } from '../choices.js';
import { customerChoice, staffVerdict } from '../decisions.js';
import { parcelOf, parcelWithEvent, verifyClaimDraft } from '../parcel.js';
import { planFullRefunds, reviewUnclearLedger } from '../plan-surplus-refunds.js';
import type { ActionDraft, Playbook, PlaybookInput } from '../playbook.js';
import { tell } from '../tell.js';

/** When the carrier last recorded a delivery, if it did. */
function deliveredAt(order: OrderSnapshot): number | undefined {
  let at: number | undefined;
  for (const s of order.shipments ?? []) for (const e of s.events) if (e.code === 'delivered') at = Math.max(at ?? -Infinity, parseTimestamp(e.at));
  return at;
}

/** Delivered per the carrier, not received per the customer: check the proof of delivery before any money moves. */
function verifyClaim({ order, messages, kit }: PlaybookInput<unknown>): ActionDraft[] {
  const at = deliveredAt(order);
  const parcel = parcelOf(order);
  return [
    verifyClaimDraft(order, messages, 'not_received'),
    tell(
      'claim_check',
      messages.customer.sections.claimCheck({
        carrier: parcel === undefined ? '' : messages.carrierName(parcel.carrier),
        deliveredAt: at === undefined ? undefined : kit.time(at),
      }),
      { channels: ['phone', 'sms'] },
    ),
  ];
}

/** Reship when stock allows, refund in full when it is short, let the customer choose when the snapshot cannot tell. */
function remedy(input: PlaybookInput<unknown>): ActionDraft[] {
  const { order, messages } = input;
  const { sections } = messages.customer;
  const availability = computeAvailability(order);
  const known = availability.length > 0 && availability.length === new Set(order.items.map((i) => i.sku)).size;
  if (!known) return [tell('package_lost', sections.lost({ outOfStock: false }), { channels: ['phone', 'sms'], options: ['reship', 'refund'] })];
  if (availability.every((a) => a.available >= a.ordered)) {
    const items = order.items.map((i) => ({ sku: i.sku, quantity: i.quantity }));
    return [
      { kind: 'reship', params: { items, reason: 'package_lost' }, owner: 'warehouse', key: ['package_lost'], automatable: false },
      tell('package_lost', sections.lost({ outOfStock: false }), { withRemedies: true }),
    ];
  }
  const plan = planFullRefunds(order);
  const drafts: ActionDraft[] = plan.refunds.map(({ balance, amount }) => ({
    kind: 'refund',
    params: { paymentId: balance.payment.id, amount, currency: order.currency, method: balance.payment.method, reason: 'package_lost' },
    owner: 'finance',
    key: [balance.payment.id, amount],
    automatable: true,
    amount,
  }));
  if (plan.blocked) drafts.push(reviewUnclearLedger());
  drafts.push(plan.blocked ? tell('package_lost', sections.chargeUnderReview()) : tell('package_lost', sections.lost({ outOfStock: true }), { withRemedies: true }));
  return drafts;
}

/**
 * PACKAGE_LOST: reship when stock allows (inventory data shows every line available); refund in
 * full when it shows stock short; and when the snapshot carries no stock data, offer the customer
 * the choice rather than move money on a guess. Always claim from the carrier, which never delays
 * the customer's remedy. A parcel the carrier shows delivered that the customer says never
 * arrived is verified first (docs/playbooks.md, "Gates"): a person checks the proof of delivery.
 */
export const packageLostPlaybook: Playbook<unknown> = (input) => {
  const { order, facts, decision } = input;
  if (facts['tracking.isDelivered'] && !facts['tracking.hasLostEvent']) {
    // Verified by a person: the remedy they settled on; rejected: nothing to do for the claim.
    const verdict = staffVerdict(decision);
    if (verdict === 'refund' || verdict === 'reship') return draftChosenRemedy(input, verdict, 'package_lost');
    return verdict === 'reject' ? [] : verifyClaim(input);
  }
  const choice = customerChoice(decision);
  const drafts = choice === 'refund' || choice === 'reship' ? draftChosenRemedy(input, choice, 'package_lost') : remedy(input);
  const parcel = parcelWithEvent(order, 'lost');
  if (parcel !== undefined) {
    drafts.push({ kind: 'carrier_claim', params: { ...parcel, reason: 'lost' }, owner: 'logistics', key: [parcel.shipmentId, 'lost'], automatable: false });
  }
  return drafts;
};
