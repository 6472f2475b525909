import * as z from 'zod';
import { defineDetector } from '../detector.js';
import { SETTLED_EVENT_CODES, shipmentRecords } from './shipment-records.js';

/**
 * DELIVERY_ATTEMPT_FAILED: the courier tried to deliver and could not (nobody home, no access),
 * and the parcel has not been delivered since: a re-delivery is arranged with the customer.
 */
export const deliveryAttemptFailed = defineDetector({
  code: 'DELIVERY_ATTEMPT_FAILED',
  category: 'logistics',
  severity: 'medium',
  owner: 'customer_service',
  signal: "A 'delivery_attempt_failed' event on the primary shipment with no 'delivered' event after it, and the parcel not since lost, refused or left at a pickup point.",
  thresholds: z.strictObject({}),
  supersededBy: ['PACKAGE_LOST'],
  when: () => ({
    all: [
      { fact: 'order.status', operator: 'notIn', value: ['cancelled', 'closed'] },
      { fact: 'tracking.isDelivered', operator: 'equal', value: false },
      { fact: 'tracking.lastEventCode', operator: 'notIn', value: [...SETTLED_EVENT_CODES] },
      { fact: 'tracking.hoursSinceFailedAttempt', operator: 'greaterThanInclusive', value: 0 },
    ],
  }),
  evidenceFacts: ['shipment.carrier', 'tracking.lastEventCode'],
  confidence: () => 0.95,
  records: shipmentRecords,
});
