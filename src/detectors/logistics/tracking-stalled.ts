import { defineDetector } from '../detector.js';
import { businessDaysSwitch, daysThreshold, scopedThresholds } from '../threshold.js';
import { SETTLED_EVENT_CODES, shipmentRecords } from './shipment-records.js';

/**
 * TRACKING_STALLED: a parcel in transit with no tracking event for `stalledDays` (working days by
 * default: a stall over Spring Festival is not a stall). Past PACKAGE_LOST's threshold it is lost;
 * a parcel the carrier never scanned in is NOT_PICKED_UP, not stalled.
 */
export const trackingStalled = defineDetector({
  code: 'TRACKING_STALLED',
  category: 'logistics',
  severity: 'medium',
  owner: 'logistics',
  signal: 'In transit (not delivered, lost, refused or awaiting pickup) with no event for stalledDays (working days unless countBusinessDays is false).',
  thresholds: scopedThresholds({
    stalledDays: daysThreshold(3, 'Days without a tracking event.'),
    countBusinessDays: businessDaysSwitch(),
  }),
  scopedBy: ['carrier', 'country'],
  supersededBy: ['PACKAGE_LOST', 'NOT_PICKED_UP'],
  when: (t) => ({
    all: [
      { fact: 'tracking.isDelivered', operator: 'equal', value: false },
      { fact: 'tracking.hasLostEvent', operator: 'equal', value: false },
      { fact: 'tracking.lastEventCode', operator: 'notIn', value: [...SETTLED_EVENT_CODES] },
      {
        fact: t.countBusinessDays ? 'tracking.businessDaysSinceLastEvent' : 'tracking.daysSinceLastEvent',
        operator: 'greaterThanInclusive',
        value: t.stalledDays,
      },
    ],
  }),
  evidenceFacts: ['shipment.carrier', 'tracking.hoursSinceLastEvent', 'tracking.daysSinceLastEvent'],
  confidence: () => 0.85,
  records: shipmentRecords,
});
