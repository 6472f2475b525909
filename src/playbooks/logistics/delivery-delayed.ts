import type { Playbook } from '../playbook.js';
import { parcelOf } from './parcel.js';

/** DELIVERY_DELAYED: chase the carrier and send the customer a progress message. */
export const deliveryDelayedPlaybook: Playbook<unknown> = ({ order, messages }) => {
  const parcel = parcelOf(order);
  const message = {
    kind: 'contact_customer' as const,
    params: { reason: 'delivery_delayed' as const, channels: ['sms' as const] },
    owner: 'customer_service' as const,
    // Shared with TRACKING_STALLED's message: one parcel update, however many findings call for it.
    key: ['parcel_update', parcel?.shipmentId ?? order.id],
    automatable: true,
    customerText: messages.customer.deliveryDelayed({ orderId: order.id, carrier: parcel?.carrier ?? '', trackingNumber: parcel?.trackingNumber ?? '' }),
  };
  return parcel === undefined
    ? [message]
    : [{ kind: 'urge_carrier', params: parcel, owner: 'logistics', key: [parcel.shipmentId], automatable: true }, message];
};
