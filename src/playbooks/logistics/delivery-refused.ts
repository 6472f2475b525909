import { parseTimestamp } from '../../_lib/timestamp.js';
import { computeRefundableBalances } from '../../money/refundable-balance.js';
import { splitByLargestRemainder } from '../../money/split-largest-remainder.js';
import type { OrderSnapshot } from '../../schema/snapshot.js';
import { isRefusalEvent } from '../../vocabulary/tracking-event.js';
import { reviewUnclearLedger } from '../plan-surplus-refunds.js';
import type { ActionDraft, Playbook } from '../playbook.js';

const QUALITY_KINDS = new Set(['damaged', 'wrong_item', 'missing_item']);

/** When the parcel was refused or sent back (the latest such event). */
function refusedAt(order: OrderSnapshot): number {
  let at = -Infinity;
  for (const s of order.shipments ?? []) {
    for (const e of s.events) if (isRefusalEvent(e.code)) at = Math.max(at, parseTimestamp(e.at));
  }
  return at;
}

/**
 * DELIVERY_REFUSED: ask the customer why. Once their reason is on record (a report from the
 * customer or an agent after the refusal): a quality problem (damaged, wrong or missing item) is
 * refunded in full through the return flow; any other reason is refunded less the order's
 * shipping fee (policy.refusal.deductShipping), split across the payments by largest remainder.
 */
export const deliveryRefusedPlaybook: Playbook<unknown> = ({ order, policy, messages, kit }) => {
  const since = refusedAt(order);
  const reasons = (order.reports ?? []).filter((r) => (r.source === 'customer' || r.source === 'customer_service') && parseTimestamp(r.at) >= since);
  const quality = reasons.some((r) => QUALITY_KINDS.has(r.kind));
  const stated = quality || reasons.some((r) => r.kind === 'other');
  if (!stated) {
    return [
      {
        kind: 'contact_customer',
        params: { reason: 'refusal_reason', channels: ['phone', 'sms'], options: ['quality_issue', 'changed_mind', 'other'] },
        owner: 'customer_service',
        key: ['refusal_reason'],
        automatable: false,
        customerText: messages.customer.refusalReason({ orderId: order.id }),
      },
    ];
  }
  const ledger = computeRefundableBalances(order);
  if (ledger.blocked) {
    return [reviewUnclearLedger()];
  }
  const refundable = ledger.payments.reduce((sum, b) => sum + b.refundable, 0);
  const deduction = !quality && policy.refusal.deductShipping ? Math.min(order.totals.shipping, refundable) : 0;
  const total = refundable - deduction;
  const shares = splitByLargestRemainder(
    total,
    ledger.payments.map((b) => b.refundable),
  );
  const reason = quality ? 'refused_quality_issue' : 'refused_not_quality';
  const text = messages.customer.refusedRefund({
    orderId: order.id,
    amount: kit.money(total),
    deduction: deduction > 0 ? kit.money(deduction) : undefined,
    quality,
  });
  return ledger.payments.flatMap((balance, i): ActionDraft[] => {
    const amount = shares[i] ?? 0;
    if (amount <= 0) return [];
    return [
      {
        kind: 'refund',
        params: { paymentId: balance.payment.id, amount, currency: order.currency, method: balance.payment.method, reason },
        owner: 'finance',
        key: [balance.payment.id, amount],
        automatable: true,
        amount,
        customerText: text,
      },
    ];
  });
};
