import { primaryShipment } from '../facts/logistics-facts.js';
import type { OrderSnapshot } from '../schema/snapshot.js';
import type { ParcelRef } from './action.js';

/** The parcel logistics actions are about: the primary shipment. */
export function parcelOf(order: OrderSnapshot): ParcelRef | undefined {
  const primary = primaryShipment(order);
  return primary === undefined ? undefined : { shipmentId: primary.id, carrier: primary.carrier, trackingNumber: primary.trackingNumber };
}
