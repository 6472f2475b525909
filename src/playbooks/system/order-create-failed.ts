import { distinctPayments } from '../../money/distinct-payments.js';
import type { ActionDraft, Playbook } from '../playbook.js';
import { tell } from '../tell.js';

/** ORDER_CREATE_FAILED: recreate the order (keeping the customer's payment with it) and open an incident. */
export const orderCreateFailedPlaybook: Playbook<unknown> = ({ order, facts, messages, kit }) => {
  const paymentIds = distinctPayments(order)
    .payments.filter((p) => p.status === 'succeeded')
    .map((p) => p.id);
  const paid = facts['payments.succeededCount'] > 0;
  const drafts: ActionDraft[] = [
    { kind: 'recreate_order', params: { paymentIds }, owner: 'tech', key: ['recreate'], automatable: false },
    { kind: 'tech_incident', params: { system: 'order_service', reason: 'order_creation' }, owner: 'tech', key: ['order_creation'], automatable: true },
  ];
  if (paid) drafts.push(tell('order_recreated', messages.customer.sections.orderRecreated({ amount: kit.money(facts['payments.netPaid']) }), { withRemedies: true }));
  return drafts;
};
