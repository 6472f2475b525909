import { parcelOf } from '../parcel.js';
import type { Playbook } from '../playbook.js';
import { tell } from '../tell.js';

/**
 * DELIVERY_ATTEMPT_FAILED: the courier could not deliver. Agree a re-delivery with the customer:
 * a new delivery time, or collection from a pickup point. No delay coupon: nothing was late.
 */
export const deliveryAttemptFailedPlaybook: Playbook<unknown> = ({ order, messages }) => {
  const parcel = parcelOf(order);
  return [
    tell(
      'redelivery',
      messages.customer.sections.redelivery({ carrier: parcel === undefined ? '' : messages.carrierName(parcel.carrier), trackingNumber: parcel?.trackingNumber ?? '' }),
      { channels: ['phone', 'sms'], options: ['redeliver', 'pickup_point'] },
    ),
  ];
};
