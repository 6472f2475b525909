import { parseTimestamp } from '../../_lib/timestamp.js';
import { computeRefundableBalances } from '../../money/refundable-balance.js';
import { splitByLargestRemainder } from '../../money/split-largest-remainder.js';
import type { OrderSnapshot } from '../../schema/snapshot.js';
import { isRefusalEvent } from '../../vocabulary/tracking-event.js';
import { parcelOf } from '../parcel.js';
import { reviewUnclearLedger } from '../plan-surplus-refunds.js';
import type { ActionDraft, Playbook, PlaybookInput } from '../playbook.js';
import { tell } from '../tell.js';

const QUALITY_KINDS = new Set(['damaged', 'wrong_item', 'missing_item']);

/** When the parcel was refused or sent back (the latest such event). */
function refusedAt(order: OrderSnapshot): number {
  let at = -Infinity;
  for (const s of order.shipments ?? []) {
    for (const e of s.events) if (isRefusalEvent(e.code)) at = Math.max(at, parseTimestamp(e.at));
  }
  return at;
}

/** How far the goods have come back: a return recorded for one of the order's shipments (or for none in particular). */
function returnState(order: OrderSnapshot): 'none' | 'on_its_way' | 'received' | 'inspected' {
  const shipments = new Set((order.shipments ?? []).map((s) => s.id));
  let state: 'none' | 'on_its_way' | 'received' | 'inspected' = 'none';
  for (const r of order.returns ?? []) {
    if (r.shipmentId !== undefined && !shipments.has(r.shipmentId)) continue;
    if (r.status === 'inspected') return 'inspected';
    if (r.status === 'received') state = 'received';
    else if (state === 'none') state = 'on_its_way';
  }
  return state;
}

/** Refunds of `total` split over the refundable payments by largest remainder. */
function refundDrafts(order: OrderSnapshot, payments: ReturnType<typeof computeRefundableBalances>['payments'], total: number, quality: boolean): ActionDraft[] {
  const shares = splitByLargestRemainder(
    total,
    payments.map((b) => b.refundable),
  );
  const reason = quality ? 'refused_quality_issue' : 'refused_not_quality';
  return payments.flatMap((balance, i): ActionDraft[] => {
    const amount = shares[i] ?? 0;
    if (amount <= 0) return [];
    const params = { paymentId: balance.payment.id, amount, currency: order.currency, method: balance.payment.method, reason } as const;
    return [{ kind: 'refund', params, owner: 'finance', key: [balance.payment.id, amount], automatable: true, amount }];
  });
}

/** The reason is on record: refund once the goods are back (a quality problem: return, inspect, refund in full). */
function refundWhenBack(input: PlaybookInput<unknown>, quality: boolean): ActionDraft[] {
  const { order, policy, messages, kit } = input;
  const { sections } = messages.customer;
  const ledger = computeRefundableBalances(order);
  if (ledger.blocked) return [reviewUnclearLedger()];
  const refundable = ledger.payments.reduce((sum, b) => sum + b.refundable, 0);
  const deduction = !quality && policy.refusal.deductShipping ? Math.min(order.totals.shipping, refundable) : 0;
  const total = refundable - deduction;
  const deducted = deduction > 0 ? kit.money(deduction) : undefined;
  const back = returnState(order);
  if (quality) {
    if (back === 'inspected')
      return [...refundDrafts(order, ledger.payments, total, true), tell('refusal_refund', sections.qualityReturn({ inspected: true }), { withRemedies: true })];
    const shipmentId = parcelOf(order)?.shipmentId;
    const drafts: ActionDraft[] =
      back === 'none'
        ? [
            {
              kind: 'request_return',
              params: { ...(shipmentId === undefined ? {} : { shipmentId }), reason: 'refused_quality_issue' },
              owner: 'customer_service',
              key: ['refused_quality_issue'],
              automatable: false,
            },
          ]
        : [];
    return [...drafts, tell('refusal_refund', sections.qualityReturn({ inspected: false }))];
  }
  if (back === 'received' || back === 'inspected')
    return [...refundDrafts(order, ledger.payments, total, false), tell('refusal_refund', sections.refusalReturned({ deduction: deducted }), { withRemedies: true })];
  return total > 0 ? [tell('refusal_refund', sections.refusalAwaitingReturn({ amount: kit.money(total), deduction: deducted }))] : [];
}

/**
 * DELIVERY_REFUSED: ask the customer why. Once their reason is on record (a report from the
 * customer or an agent after the refusal), the refund waits for the goods (docs/playbooks.md,
 * "Gates"): any reason but quality is refunded once the return is received (`returns[]`),
 * less the order's shipping fee (policy.refusal.deductShipping); a quality problem (damaged,
 * wrong or missing item) starts a return and is refunded in full once the goods are inspected.
 * Refunds are split across the payments by largest remainder.
 */
export const deliveryRefusedPlaybook: Playbook<unknown> = (input) => {
  const { order, messages } = input;
  const since = refusedAt(order);
  const reasons = (order.reports ?? []).filter((r) => (r.source === 'customer' || r.source === 'customer_service') && parseTimestamp(r.at) >= since);
  const quality = reasons.some((r) => QUALITY_KINDS.has(r.kind));
  if (quality || reasons.some((r) => r.kind === 'other')) return refundWhenBack(input, quality);
  return [
    tell('refusal_reason', messages.customer.sections.refusalReason(), {
      channels: ['phone', 'sms'],
      options: ['quality_issue', 'changed_mind', 'other'],
    }),
  ];
};
