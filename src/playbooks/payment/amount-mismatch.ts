import type { ThresholdsOf } from '../../detectors/registry.js';
import { computeRefundableBalances } from '../../money/refundable-balance.js';
import type { ActionDraft, Playbook } from '../playbook.js';
import { tell } from '../tell.js';
import { draftSurplusRefunds } from './draft-refunds.js';

type Thresholds = ThresholdsOf<'AMOUNT_MISMATCH'>;

/**
 * AMOUNT_MISMATCH: overpaid → refund the difference; underpaid → hold the shipment (if it has
 * not left) and ask the customer for the balance, unless everything captured has gone back.
 */
export const amountMismatchPlaybook: Playbook<Thresholds> = (input) => {
  const { order, facts, thresholds, messages, kit } = input;
  const surplus = facts['payments.surplus'] ?? 0;
  if (surplus > thresholds.toleranceMinor) return draftSurplusRefunds(input, surplus, 'overpayment');
  const shortfall = facts['payments.shortfall'] ?? 0;
  // Everything captured went back (a lost parcel refunded in full): nothing is owed on it any more.
  const ledger = computeRefundableBalances(order);
  if (!ledger.blocked && ledger.payments.length > 0 && ledger.payments.every((b) => b.refundable === 0)) return [];
  const shipped = facts['order.isShipped'];
  const drafts: ActionDraft[] = [];
  if (!shipped) {
    drafts.push({
      kind: 'hold_shipment',
      params: { reason: 'balance_due', amount: shortfall, currency: order.currency },
      owner: 'warehouse',
      key: ['balance_due'],
      automatable: true,
      note: messages.internal.holdForBalance({ orderId: order.id, shortfall: kit.money(shortfall) }),
    });
  }
  drafts.push(
    {
      kind: 'send_payment_link',
      params: { amount: shortfall, currency: order.currency, purpose: 'balance' },
      owner: 'customer_service',
      key: ['balance', shortfall],
      automatable: true,
    },
    tell(
      'balance_due',
      messages.customer.sections.balanceDue({
        payable: kit.money(order.totals.payable),
        paid: kit.money(facts['payments.succeededTotal']),
        shortfall: kit.money(shortfall),
        shipped,
      }),
      { withRemedies: true },
    ),
  );
  return drafts;
};
