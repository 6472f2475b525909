import type { Playbook } from '../playbook.js';

/** NOT_SHIPPED_ON_TIME: escalate to the warehouse and tell the customer, with an apology. */
export const notShippedOnTimePlaybook: Playbook<unknown> = ({ order, messages }) => [
  {
    kind: 'escalate',
    params: { to: 'warehouse', reason: 'not_shipped_on_time' },
    owner: 'warehouse',
    key: ['not_shipped_on_time'],
    automatable: true,
    note: messages.internal.shipLate({ orderId: order.id }),
  },
  {
    kind: 'contact_customer',
    params: { reason: 'ship_delay', channels: ['sms'] },
    owner: 'customer_service',
    key: ['ship_delay'],
    automatable: true,
    customerText: messages.customer.shipDelay({ orderId: order.id }),
  },
];
