import type { ThresholdsOf } from '../../detectors/registry.js';
import { distinctPayments } from '../../money/distinct-payments.js';
import type { ActionDraft, Playbook } from '../playbook.js';
import { tell } from '../tell.js';

type Thresholds = ThresholdsOf<'PAID_NOT_UPDATED'>;

/**
 * PAID_NOT_UPDATED: when the succeeded payments cover the order, mark it paid (safe to
 * automate: the gateway confirmed the money) and reassure the customer; the status update
 * releases the order to fulfilment unless another finding holds it (the plan's precedence
 * sets `release: false`, docs/playbooks.md). An underpaid order is
 * left to AMOUNT_MISMATCH. A callback missing longer than `incidentAfterMinutes` also opens a
 * tech incident: the callback path is broken, not slow.
 */
export const paidNotUpdatedPlaybook: Playbook<Thresholds> = ({ order, facts, thresholds, messages, kit }) => {
  const paid = distinctPayments(order).payments.filter((p) => p.status === 'succeeded');
  const paymentIds = paid.map((p) => p.id);
  const ids = paymentIds.join(', ');
  const drafts: ActionDraft[] = [];
  if (facts['payments.shortfall'] === 0) {
    drafts.push({
      kind: 'update_order_status',
      params: { from: 'pending_payment', to: 'paid', paymentIds, release: true },
      owner: 'tech',
      key: ['paid'],
      automatable: true,
      note: messages.internal.statusUpdate({ orderId: order.id, paymentIds: ids }),
    });
    drafts.push(tell('payment_confirmed', messages.customer.sections.paymentConfirmed({ amount: kit.money(facts['payments.succeededTotal']) }), { withRemedies: true }));
  }
  const minutesLate = facts['payments.minutesSinceFirstPaid'] ?? 0;
  if (minutesLate > thresholds.incidentAfterMinutes) {
    drafts.push({
      kind: 'tech_incident',
      params: { system: 'payment_gateway', reason: 'payment_callback', paymentIds, minutesLate },
      owner: 'tech',
      key: ['payment_callback'],
      automatable: true,
      note: messages.internal.callbackIncident({ orderId: order.id, paymentIds: ids, minutes: minutesLate }),
    });
  }
  return drafts;
};
