import type { ActionDraft, Playbook } from '../playbook.js';
import { tell } from '../tell.js';

/**
 * PHONE_INVALID: reach the customer another way (the plan never sends to the number found
 * broken: email, else the shop's app or marketplace chat) and hold the parcel until a working
 * number is confirmed.
 */
export const phoneInvalidPlaybook: Playbook<unknown> = ({ facts, messages }) => {
  const paid = facts['payments.succeededCount'] > 0;
  const drafts: ActionDraft[] = [
    tell('confirm_phone', messages.customer.sections.confirmPhone({ charged: paid, landline: facts['phone.isValid'] === true }), { channels: ['email', 'sms'] }),
  ];
  if (!facts['order.isShipped']) drafts.push({ kind: 'hold_shipment', params: { reason: 'phone_unverified' }, owner: 'warehouse', key: ['phone_unverified'], automatable: true });
  return drafts;
};
