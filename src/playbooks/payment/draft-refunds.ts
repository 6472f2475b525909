import { parseTimestamp } from '../../_lib/timestamp.js';
import { planSurplusRefunds, reviewUnclearLedger } from '../plan-surplus-refunds.js';
import type { ActionDraft, PlaybookInput } from '../playbook.js';
import { tell } from '../tell.js';

/**
 * Drafts one `refund` per payment that returns `surplus` to its original method, and the
 * section that says why (a double charge, an overpayment); the plan's message states each
 * refund's amount, method and ETA. When the refund ledger is unclear (a refund of unknown
 * amount was already taken) it asks finance to reconcile instead, and says so.
 */
export function draftSurplusRefunds(input: PlaybookInput<unknown>, surplus: number, reason: 'duplicate_payment' | 'overpayment'): ActionDraft[] {
  const { order, facts, messages, kit } = input;
  const { sections } = messages.customer;
  const plan = planSurplusRefunds(order, surplus);
  if (plan.blocked) return [reviewUnclearLedger(), tell(reason, sections.chargeUnderReview())];
  const refunds = plan.refunds.map(({ balance, amount }): ActionDraft => {
    const payment = balance.payment;
    return {
      kind: 'refund',
      params: { paymentId: payment.id, amount, currency: order.currency, method: payment.method, reason },
      owner: 'finance',
      key: [payment.id, amount],
      automatable: true,
      amount,
    };
  });
  const latest = plan.refunds[0]?.balance.payment;
  const section =
    reason === 'duplicate_payment' && latest !== undefined
      ? sections.duplicateCharge({ amount: kit.money(surplus), method: messages.paymentMethod(latest.method), paidAt: kit.time(parseTimestamp(latest.paidAt ?? latest.createdAt)) })
      : sections.overpaid({ payable: kit.money(order.totals.payable), paid: kit.money(facts['payments.netPaid']), surplus: kit.money(surplus) });
  return refunds.length === 0 ? refunds : [...refunds, tell(reason, section, { withRemedies: true })];
}
