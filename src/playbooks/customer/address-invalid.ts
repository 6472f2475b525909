import { parcelOf } from '../parcel.js';
import type { ActionDraft, Playbook } from '../playbook.js';
import { tell } from '../tell.js';

/**
 * ADDRESS_INVALID: contact the customer. Not shipped: hold and correct the address (a checkout
 * draft: correct it before paying). Shipped: intercept or redirect the parcel, any fee agreed
 * with the customer; a parcel lost or refused is not intercepted, the address is corrected for
 * whatever is sent next.
 */
export const addressInvalidPlaybook: Playbook<unknown> = ({ order, facts, messages }) => {
  // A parcel lost or coming back is not intercepted: the address is corrected for what is sent next.
  if (facts['order.isShipped'] && (facts['tracking.hasLostEvent'] || facts['tracking.hasRefusedEvent'])) {
    return [{ kind: 'correct_address', params: { reason: 'address_invalid' }, owner: 'customer_service', key: ['address_invalid'], automatable: false }];
  }
  const shipped = facts['order.isShipped'];
  const paid = facts['payments.succeededCount'] > 0;
  const drafts: ActionDraft[] = [tell('confirm_address', messages.customer.sections.confirmAddress({ shipped, charged: paid }), { channels: ['phone', 'sms'] })];
  const parcel = parcelOf(order);
  if (shipped && parcel !== undefined) {
    drafts.push({ kind: 'intercept_shipment', params: { ...parcel, reason: 'address_invalid' }, owner: 'logistics', key: [parcel.shipmentId], automatable: false });
  } else if (!shipped) {
    drafts.push(
      { kind: 'hold_shipment', params: { reason: 'address_unverified' }, owner: 'warehouse', key: ['address_unverified'], automatable: true },
      { kind: 'correct_address', params: { reason: 'address_invalid' }, owner: 'customer_service', key: ['address_invalid'], automatable: false },
    );
  }
  return drafts;
};
