import { defineDetector } from '../detector.js';
import { hoursThreshold, scopedThresholds } from '../threshold.js';
import { shipmentRecords } from './shipment-records.js';

/**
 * NOT_PICKED_UP: a label was printed (`labelCreatedAt`) but the carrier has not scanned the
 * parcel in (`picked_up` or any later event) within `pickupHours`: it may still sit in the
 * warehouse, or the courier never came.
 */
export const notPickedUp = defineDetector({
  code: 'NOT_PICKED_UP',
  category: 'logistics',
  severity: 'medium',
  owner: 'logistics',
  signal: "A shipment's label was created (labelCreatedAt) more than pickupHours ago and it has no pickup scan (no event but 'info_received').",
  thresholds: scopedThresholds({
    pickupHours: hoursThreshold(24, 'Hours from the label to the first pickup scan.'),
  }),
  scopedBy: ['carrier', 'country'],
  when: (t) => ({
    all: [
      { fact: 'order.status', operator: 'notIn', value: ['cancelled', 'closed', 'failed'] },
      { fact: 'pickup.hoursSinceLabel', operator: 'greaterThanInclusive', value: t.pickupHours },
    ],
  }),
  evidenceFacts: ['shipment.carrier', 'shipping.minutesPastShipBy'],
  confidence: () => 0.9,
  records: shipmentRecords,
});
