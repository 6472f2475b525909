import { defineDetector } from '../detector.js';
import { minutesThreshold, scopedThresholds } from '../threshold.js';
import { shipmentRecords } from './shipment-records.js';

/**
 * DELIVERY_DELAYED: not delivered by the promised delivery date (or the carrier's estimate).
 * A lost or refused parcel is reported as such instead.
 */
export const deliveryDelayed = defineDetector({
  code: 'DELIVERY_DELAYED',
  category: 'logistics',
  severity: 'medium',
  owner: 'logistics',
  signal: 'Not delivered more than graceMinutes after promisedDeliveryBy (else the shipment’s estimatedDeliveryAt).',
  thresholds: scopedThresholds({
    graceMinutes: minutesThreshold(0, 'Minutes past the due date tolerated.'),
  }),
  scopedBy: ['carrier', 'country'],
  supersededBy: ['PACKAGE_LOST', 'DELIVERY_REFUSED'],
  when: (t) => ({
    all: [
      { fact: 'order.status', operator: 'notIn', value: ['cancelled', 'closed'] },
      { fact: 'tracking.isDelivered', operator: 'equal', value: false },
      { fact: 'delivery.minutesPastDue', operator: 'greaterThan', value: t.graceMinutes },
    ],
  }),
  evidenceFacts: ['shipment.carrier', 'tracking.lastEventCode'],
  confidence: () => 0.95,
  records: shipmentRecords,
});
