import * as z from 'zod';
import { defineDetector } from '../detector.js';
import { shipmentRecords } from './shipment-records.js';

/** DELIVERY_REFUSED: the customer refused the parcel, or it is going back to the sender. */
export const deliveryRefused = defineDetector({
  code: 'DELIVERY_REFUSED',
  category: 'logistics',
  severity: 'medium',
  owner: 'customer_service',
  signal: "A 'refused' or 'returned_to_sender' event on a parcel not delivered.",
  thresholds: z.strictObject({}),
  when: () => ({
    all: [
      { fact: 'tracking.hasRefusedEvent', operator: 'equal', value: true },
      { fact: 'tracking.isDelivered', operator: 'equal', value: false },
    ],
  }),
  evidenceFacts: ['shipment.carrier', 'tracking.lastEventCode'],
  confidence: () => 0.95,
  records: shipmentRecords,
});
