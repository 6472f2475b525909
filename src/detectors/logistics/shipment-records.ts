import { cleanEvents } from '../../facts/logistics-facts.js';
import { quoteRecord } from '../../facts/quote-record.js';
import { type OrderSnapshot, TrackingEventSchema } from '../../schema/snapshot.js';
import { REFUSAL_EVENT_CODES } from '../../vocabulary/tracking-event.js';
import type { EvidenceRecords } from '../detector.js';

/** The shipments with their events in time order, duplicates removed, for logistics evidence. */
export function shipmentRecords(snapshot: OrderSnapshot): EvidenceRecords {
  return {
    shipments: (snapshot.shipments ?? []).map((s) => ({
      id: s.id,
      carrier: s.carrier,
      trackingNumber: s.trackingNumber,
      ...(s.shippedAt === undefined ? {} : { shippedAt: s.shippedAt }),
      ...(s.estimatedDeliveryAt === undefined ? {} : { estimatedDeliveryAt: s.estimatedDeliveryAt }),
      events: cleanEvents(s).map((e) => quoteRecord(e, TrackingEventSchema)),
    })),
  };
}

/** Codes after which a parcel is not "in transit": it arrived, was lost, refused or waits for pickup. */
export const SETTLED_EVENT_CODES = ['delivered', 'lost', ...REFUSAL_EVENT_CODES, 'available_for_pickup'] as const;
