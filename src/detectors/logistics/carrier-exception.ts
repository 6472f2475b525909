import * as z from 'zod';
import { defineDetector } from '../detector.js';
import { shipmentRecords } from './shipment-records.js';

/**
 * CARRIER_EXCEPTION: the carrier's latest event on the parcel is `exception` (问题件): held at a
 * depot for a cause the carrier must explain (a wrong sorting, an unreachable recipient, customs…).
 */
export const carrierException = defineDetector({
  code: 'CARRIER_EXCEPTION',
  category: 'logistics',
  severity: 'medium',
  owner: 'logistics',
  signal: "The primary shipment's latest tracking event is 'exception' (问题件), not delivered.",
  thresholds: z.strictObject({}),
  when: () => ({
    all: [
      { fact: 'tracking.isDelivered', operator: 'equal', value: false },
      { fact: 'tracking.lastEventCode', operator: 'equal', value: 'exception' },
    ],
  }),
  evidenceFacts: ['shipment.carrier', 'tracking.hoursSinceLastEvent'],
  confidence: () => 0.9,
  records: shipmentRecords,
});
