import { planFullRefunds, reviewUnclearLedger } from './plan-surplus-refunds.js';
import type { ActionDraft, PlaybookInput } from './playbook.js';
import { tell } from './tell.js';

/** Why the goods are sent again or the order refunded on the customer's choice. */
type Cause = 'package_lost' | 'package_damaged' | 'oversold';

/**
 * The remedy a decision settled on (docs/lifecycle.md, "Decisions"), through the same
 * money-safe planners: `reship` sends every line again; `refund` returns everything still
 * refundable, payment by payment (finance reconciles first when the ledger is unclear); the
 * section confirms the choice and the plan's message states each remedy's figures.
 *
 * @example
 * draftChosenRemedy(input, 'refund', 'package_lost') //=> [{ kind: 'refund', ... }, { kind: 'contact_customer', ... }]
 */
export function draftChosenRemedy(input: PlaybookInput<unknown>, choice: 'refund' | 'reship', cause: Cause): ActionDraft[] {
  const { order, messages } = input;
  const confirm = tell('choice_confirmed', messages.customer.sections.asChosen({ choice }), { withRemedies: true });
  if (choice === 'reship' && cause !== 'oversold') {
    const items = order.items.map((i) => ({ sku: i.sku, quantity: i.quantity }));
    return [{ kind: 'reship', params: { items, reason: cause }, owner: 'warehouse', key: [cause], automatable: false }, confirm];
  }
  const plan = planFullRefunds(order);
  if (plan.blocked) return [reviewUnclearLedger()];
  const refunds = plan.refunds.map(
    ({ balance, amount }): ActionDraft => ({
      kind: 'refund',
      params: { paymentId: balance.payment.id, amount, currency: order.currency, method: balance.payment.method, reason: cause },
      owner: 'finance',
      key: [balance.payment.id, amount],
      automatable: true,
      amount,
    }),
  );
  return [...refunds, confirm];
}
