import { parcelOf } from '../parcel.js';
import type { ActionDraft, Playbook } from '../playbook.js';

/**
 * TRACKING_STALLED: chase the carrier and tell the customer we are on it. The message shares its
 * key with DELIVERY_DELAYED's, so a parcel both stalled and late gets one message, not two.
 */
export const trackingStalledPlaybook: Playbook<unknown> = ({ order, messages }) => {
  const parcel = parcelOf(order);
  if (parcel === undefined) return [];
  const drafts: ActionDraft[] = [
    { kind: 'urge_carrier', params: parcel, owner: 'logistics', key: [parcel.shipmentId], automatable: true },
    {
      kind: 'contact_customer',
      params: { reason: 'tracking_stalled', channels: ['sms'] },
      owner: 'customer_service',
      key: ['parcel_update', parcel.shipmentId],
      automatable: true,
      customerText: messages.customer.trackingStalled({ orderId: order.id, carrier: parcel.carrier, trackingNumber: parcel.trackingNumber }),
    },
  ];
  return drafts;
};
