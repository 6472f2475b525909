import { draftCoupon } from '../compensation.js';
import { parcelOf } from '../parcel.js';
import type { ActionDraft, Playbook } from '../playbook.js';

/** DELIVERY_DELAYED: chase the carrier, send the customer a progress message, and the policy's small coupon. */
export const deliveryDelayedPlaybook: Playbook<unknown> = (input) => {
  const { order, messages, kit } = input;
  const parcel = parcelOf(order);
  const coupon = draftCoupon(input, 'DELIVERY_DELAYED');
  const drafts: ActionDraft[] = [];
  if (parcel !== undefined) drafts.push({ kind: 'urge_carrier', params: parcel, owner: 'logistics', key: [parcel.shipmentId], automatable: true });
  drafts.push({
    kind: 'contact_customer',
    params: { reason: 'delivery_delayed', channels: ['sms'] },
    owner: 'customer_service',
    // Shared with TRACKING_STALLED's message: one parcel update, however many findings call for it.
    key: ['parcel_update', parcel?.shipmentId ?? order.id],
    automatable: true,
    customerText: messages.customer.deliveryDelayed({
      orderId: order.id,
      carrier: parcel?.carrier ?? '',
      trackingNumber: parcel?.trackingNumber ?? '',
      coupon: coupon === undefined ? undefined : kit.money(coupon.params.amount),
    }),
  });
  if (coupon !== undefined) drafts.push(coupon);
  return drafts;
};
