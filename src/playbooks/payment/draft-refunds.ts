import { parseTimestamp } from '../../_lib/timestamp.js';
import { computeRefundableBalances } from '../../money/refundable-balance.js';
import type { Payment } from '../../schema/snapshot.js';
import { planSurplusRefunds, reviewUnclearLedger } from '../plan-surplus-refunds.js';
import type { ActionDraft, PlaybookInput } from '../playbook.js';
import { tell } from '../tell.js';

const paidAt = (payment: Payment) => parseTimestamp(payment.paidAt ?? payment.createdAt);

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
  const ledger = computeRefundableBalances(order);
  // The payment that should not have happened: the latest one refunded, else the latest captured.
  const latest = plan.refunds[0]?.balance.payment ?? [...ledger.payments].sort((x, y) => paidAt(y.payment) - paidAt(x.payment))[0]?.payment;
  // What of the surplus went back already by other means than our refunds (ours are told as done
  // by the message): said, so the figures add up.
  const planned = plan.refunds.reduce((sum, r) => sum + r.amount, 0);
  const ours = ledger.payments.reduce((sum, b) => sum + b.actioned, 0);
  const refunded = surplus > planned + ours ? kit.money(surplus - planned - ours) : undefined;
  const section =
    reason === 'duplicate_payment' && latest !== undefined
      ? sections.duplicateCharge({
          amount: kit.money(surplus),
          method: messages.paymentMethod(latest.method),
          paidAt: kit.time(paidAt(latest)),
          refunded,
        })
      : sections.overpaid({ payable: kit.money(order.totals.payable), paid: kit.money(facts['payments.netPaid']), surplus: kit.money(surplus), refunded });
  // The section stays even when every refund is already taken: a refund done but not yet told is told with it.
  return [...refunds, tell(reason, section, { withRemedies: true })];
}
