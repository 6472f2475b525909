import { parseTimestamp } from '../../_lib/timestamp.js';
import type { ThresholdsOf } from '../../detectors/registry.js';
import { lastKnownEvent, primaryShipment } from '../../facts/logistics-facts.js';
import type { Playbook } from '../playbook.js';
import { tell } from '../tell.js';

const DAY_MS = 86_400_000;

/**
 * AWAITING_PICKUP: remind the customer where the parcel waits (the event's location) and until
 * when (its arrival plus `holdDays`). Nothing to chase and no delay coupon: the parcel is there.
 */
export const awaitingPickupPlaybook: Playbook<ThresholdsOf<'AWAITING_PICKUP'>> = ({ order, thresholds, messages, kit }) => {
  const shipment = primaryShipment(order);
  const arrived = shipment === undefined ? undefined : lastKnownEvent(shipment);
  if (shipment === undefined || arrived === undefined) return [];
  const until = kit.time(parseTimestamp(arrived.at) + thresholds.holdDays * DAY_MS);
  return [
    tell(
      'awaiting_pickup',
      messages.customer.sections.awaitingPickup({
        carrier: messages.carrierName(shipment.carrier),
        trackingNumber: shipment.trackingNumber,
        location: arrived.location,
        until,
      }),
    ),
  ];
};
