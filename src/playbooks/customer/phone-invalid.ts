import type { Playbook } from '../playbook.js';

/** PHONE_INVALID: reach the customer another way (SMS, email) and hold the parcel until the number is confirmed. */
export const phoneInvalidPlaybook: Playbook<unknown> = ({ order, facts, messages }) => [
  {
    kind: 'contact_customer',
    params: { reason: 'confirm_phone', channels: order.customer.email === undefined ? ['sms'] : ['email', 'sms'] },
    owner: 'customer_service',
    key: ['confirm_phone'],
    automatable: true,
    customerText: messages.customer.confirmPhone({ orderId: order.id }),
  },
  ...(facts['order.isShipped']
    ? []
    : [{ kind: 'hold_shipment' as const, params: { reason: 'phone_unverified' as const }, owner: 'warehouse' as const, key: ['phone_unverified'], automatable: true }]),
];
