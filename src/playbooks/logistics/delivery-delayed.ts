import { chaseKey, parcelOf } from '../parcel.js';
import type { ActionDraft, Playbook } from '../playbook.js';
import { tell } from '../tell.js';

/** DELIVERY_DELAYED: chase the carrier and send the customer a progress message; the plan adds the policy's small coupon. */
export const deliveryDelayedPlaybook: Playbook<unknown> = ({ order, messages, policy, now }) => {
  const parcel = parcelOf(order);
  const drafts: ActionDraft[] = [];
  if (parcel !== undefined) {
    drafts.push({ kind: 'urge_carrier', params: parcel, owner: 'logistics', key: chaseKey(order, parcel.shipmentId, now, policy.followUp.updateEveryHours), automatable: true });
  }
  drafts.push(
    tell(
      'delivery_delayed',
      messages.customer.sections.deliveryDelayed({ carrier: parcel === undefined ? '' : messages.carrierName(parcel.carrier), trackingNumber: parcel?.trackingNumber ?? '' }),
    ),
  );
  return drafts;
};
