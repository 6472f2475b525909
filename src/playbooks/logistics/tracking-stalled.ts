import { chaseKey, parcelOf } from '../parcel.js';
import type { Playbook } from '../playbook.js';
import { tell } from '../tell.js';

/**
 * TRACKING_STALLED: chase the carrier and tell the customer we are on it. A parcel both
 * stalled and late gets one chase (the same key as DELIVERY_DELAYED's) and one message.
 */
export const trackingStalledPlaybook: Playbook<unknown> = ({ order, facts, messages, policy, now }) => {
  const parcel = parcelOf(order);
  if (parcel === undefined) return [];
  const since = messages.duration((facts['tracking.hoursSinceLastEvent'] ?? 0) * 60);
  return [
    { kind: 'urge_carrier', params: parcel, owner: 'logistics', key: chaseKey(order, parcel.shipmentId, now, policy.followUp.updateEveryHours), automatable: true },
    tell('tracking_stalled', messages.customer.sections.trackingStalled({ carrier: messages.carrierName(parcel.carrier), trackingNumber: parcel.trackingNumber, since })),
  ];
};
