import type { Playbook } from '../playbook.js';

/**
 * DELIVERY_REFUSED: ask the customer why. The refund that follows depends on the answer (not a
 * quality issue: refund minus shipping; a quality issue: the return flow and a full refund).
 */
export const deliveryRefusedPlaybook: Playbook<unknown> = ({ order, messages }) => [
  {
    kind: 'contact_customer',
    params: { reason: 'refusal_reason', channels: ['phone', 'sms'], options: ['quality_issue', 'changed_mind', 'other'] },
    owner: 'customer_service',
    key: ['refusal_reason'],
    automatable: false,
    customerText: messages.customer.refusalReason({ orderId: order.id }),
  },
];
