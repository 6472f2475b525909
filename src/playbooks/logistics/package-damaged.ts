import type { ActionDraft, Playbook } from '../playbook.js';
import { parcelOf } from './parcel.js';

/** PACKAGE_DAMAGED: offer the customer a reshipment or a refund, and claim from the carrier. */
export const packageDamagedPlaybook: Playbook<unknown> = ({ order, messages }) => {
  const drafts: ActionDraft[] = [
    {
      kind: 'contact_customer',
      params: { reason: 'package_damaged', channels: ['phone', 'sms'], options: ['reship', 'refund'] },
      owner: 'customer_service',
      key: ['package_damaged'],
      automatable: false,
      customerText: messages.customer.damaged({ orderId: order.id }),
    },
  ];
  const parcel = parcelOf(order);
  if (parcel !== undefined) {
    drafts.push({ kind: 'carrier_claim', params: { ...parcel, reason: 'damaged' }, owner: 'logistics', key: [parcel.shipmentId, 'damaged'], automatable: false });
  }
  return drafts;
};
