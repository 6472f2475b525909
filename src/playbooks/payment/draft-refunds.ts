import { readOwn } from '../../_lib/own-key.js';
import { parseTimestamp } from '../../_lib/timestamp.js';
import type { RefundMessageInput } from '../../messages/catalogue.js';
import { planSurplusRefunds, reviewUnclearLedger } from '../plan-surplus-refunds.js';
import type { ActionDraft, PlaybookInput } from '../playbook.js';

/**
 * Drafts one `refund` per payment that returns `surplus` to its original method, each with a
 * customer message naming the amount, the method and its refund ETA. When the refund ledger is
 * unclear (a refund of unknown amount was already taken) it asks finance to reconcile instead.
 */
export function draftSurplusRefunds(input: PlaybookInput<unknown>, surplus: number, reason: RefundMessageInput['reason']): ActionDraft[] {
  const { order, facts, policy, messages, kit } = input;
  const plan = planSurplusRefunds(order, surplus);
  if (plan.blocked) return [reviewUnclearLedger()];
  return plan.refunds.map(({ balance, amount }): ActionDraft => {
    const payment = balance.payment;
    const eta = readOwn(policy.refundEta.byMethod, payment.method) ?? policy.refundEta.default;
    return {
      kind: 'refund',
      params: { paymentId: payment.id, amount, currency: order.currency, method: payment.method, reason },
      owner: 'finance',
      key: [payment.id, amount],
      automatable: true,
      amount,
      customerText: messages.customer.refund({
        orderId: order.id,
        amount: kit.money(amount),
        method: messages.paymentMethod(payment.method),
        paidAt: kit.time(parseTimestamp(payment.paidAt ?? payment.createdAt)),
        payable: kit.money(order.totals.payable),
        paid: kit.money(facts['payments.netPaid']),
        etaMinDays: eta.minDays,
        etaMaxDays: eta.maxDays,
        reason,
      }),
    };
  });
}
