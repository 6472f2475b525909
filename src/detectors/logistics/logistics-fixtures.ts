// Fixtures shared by the logistics detector tests beside this file (one test file per detector).
import { buildOrder, buildShipment, minutesAfter, trackingEvent } from 'order-triage/testing';

/** Minutes in a day. */
export const DAY = 24 * 60;
/** A shipped order whose one shipment was picked up and last scanned in transit `lastEventAt` minutes after the epoch, due in 30 days. */
export const inTransit = (lastEventAt: number, extra: Parameters<typeof buildShipment>[0] = {}) =>
  buildOrder({
    status: 'shipped',
    shipments: [
      buildShipment({
        estimatedDeliveryAt: minutesAfter(30 * DAY),
        events: [trackingEvent('picked_up', 120), trackingEvent('in_transit', lastEventAt)],
        ...extra,
      }),
    ],
  });
