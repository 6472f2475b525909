import { defineDetector } from '../detector.js';
import { daysThreshold, hoursThreshold, scopedThresholds } from '../threshold.js';
import { shipmentRecords } from './shipment-records.js';

/**
 * AWAITING_PICKUP: the parcel waits at a pickup point or locker (`available_for_pickup`, its
 * latest event) for more than `waitingHours`, not collected. The customer needs a reminder of
 * where and until when, not a chase of the courier.
 */
export const awaitingPickup = defineDetector({
  code: 'AWAITING_PICKUP',
  category: 'logistics',
  severity: 'low',
  owner: 'customer_service',
  signal: "The primary shipment's latest event is 'available_for_pickup', more than waitingHours ago, not delivered.",
  thresholds: scopedThresholds({
    waitingHours: hoursThreshold(24, 'Hours a parcel may wait at the pickup point before the customer is reminded.'),
    holdDays: daysThreshold(7, 'Days the pickup point keeps a parcel, counted from its arrival (the date the reminder gives).'),
  }),
  scopedBy: ['carrier', 'country'],
  when: (t) => ({
    all: [
      { fact: 'tracking.isDelivered', operator: 'equal', value: false },
      { fact: 'tracking.lastEventCode', operator: 'equal', value: 'available_for_pickup' },
      { fact: 'tracking.hoursSinceLastEvent', operator: 'greaterThan', value: t.waitingHours },
    ],
  }),
  evidenceFacts: ['shipment.carrier'],
  confidence: () => 0.95,
  records: shipmentRecords,
});
