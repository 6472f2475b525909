import { planFullRefunds, reviewUnclearLedger } from '../plan-surplus-refunds.js';
import type { ActionDraft, Playbook } from '../playbook.js';
import { tell } from '../tell.js';

/**
 * CAPTURED_NOT_REFUNDED: refund what is left of each payment to its original method (refunds
 * and refund actions already taken deducted), telling the customer; when the refund ledger is
 * unclear, finance reconciles first and the customer hears that the payments are being checked.
 */
export const capturedNotRefundedPlaybook: Playbook<unknown> = ({ order, messages }) => {
  const { sections } = messages.customer;
  const plan = planFullRefunds(order);
  if (plan.blocked) return [reviewUnclearLedger(), tell('captured_refund', sections.chargeUnderReview())];
  const refunds = plan.refunds.map(({ balance, amount }): ActionDraft => {
    const payment = balance.payment;
    return {
      kind: 'refund',
      params: { paymentId: payment.id, amount, currency: order.currency, method: payment.method, reason: 'captured_not_refunded' },
      owner: 'finance',
      key: [payment.id, amount],
      automatable: true,
      amount,
    };
  });
  return [...refunds, tell('captured_refund', sections.capturedRefund(), { withRemedies: true })];
};
