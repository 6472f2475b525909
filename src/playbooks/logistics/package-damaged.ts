import { draftCoupon } from '../compensation.js';
import { parcelOf } from '../parcel.js';
import type { ActionDraft, Playbook } from '../playbook.js';

/** PACKAGE_DAMAGED: offer the customer a reshipment or a refund with the policy's coupon, and claim from the carrier. */
export const packageDamagedPlaybook: Playbook<unknown> = (input) => {
  const { order, messages, kit } = input;
  const coupon = draftCoupon(input, 'PACKAGE_DAMAGED');
  const drafts: ActionDraft[] = [
    {
      kind: 'contact_customer',
      params: { reason: 'package_damaged', channels: ['phone', 'sms'], options: ['reship', 'refund'] },
      owner: 'customer_service',
      key: ['package_damaged'],
      automatable: false,
      customerText: messages.customer.damaged({ orderId: order.id, coupon: coupon === undefined ? undefined : kit.money(coupon.params.amount) }),
    },
  ];
  if (coupon !== undefined) drafts.push(coupon);
  const parcel = parcelOf(order);
  if (parcel !== undefined) {
    drafts.push({ kind: 'carrier_claim', params: { ...parcel, reason: 'damaged' }, owner: 'logistics', key: [parcel.shipmentId, 'damaged'], automatable: false });
  }
  return drafts;
};
