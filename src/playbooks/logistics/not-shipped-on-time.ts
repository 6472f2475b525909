import type { Playbook } from '../playbook.js';
import { tell } from '../tell.js';

/** NOT_SHIPPED_ON_TIME: escalate to the warehouse and tell the customer; the plan adds the policy's apology coupon. */
export const notShippedOnTimePlaybook: Playbook<unknown> = ({ order, messages }) => [
  {
    kind: 'escalate',
    params: { to: 'warehouse', reason: 'not_shipped_on_time' },
    owner: 'warehouse',
    key: ['not_shipped_on_time'],
    automatable: true,
    note: messages.internal.shipLate({ orderId: order.id }),
  },
  tell('ship_delay', messages.customer.sections.shipDelay()),
];
