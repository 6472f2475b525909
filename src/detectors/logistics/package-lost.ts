import { quoteRecord } from '../../facts/quote-record.js';
import { ReportSchema } from '../../schema/snapshot.js';
import { defineDetector } from '../detector.js';
import { businessDaysSwitch, daysThreshold, scopedThresholds } from '../threshold.js';
import { SETTLED_EVENT_CODES, shipmentRecords } from './shipment-records.js';

/**
 * PACKAGE_LOST: the carrier says lost; or a parcel in transit has been silent for `lostAfterDays`;
 * or tracking says delivered but the customer reports not receiving it.
 */
export const packageLost = defineDetector({
  code: 'PACKAGE_LOST',
  category: 'logistics',
  severity: 'high',
  owner: 'logistics',
  signal: "A 'lost' event; or no event for lostAfterDays while in transit; or delivered per tracking but the customer reports not_received.",
  thresholds: scopedThresholds({
    lostAfterDays: daysThreshold(7, 'Days without a tracking event after which a parcel in transit counts as lost.'),
    countBusinessDays: businessDaysSwitch(),
  }),
  scopedBy: ['carrier', 'country'],
  when: (t) => ({
    any: [
      {
        all: [
          { fact: 'tracking.isDelivered', operator: 'equal', value: false },
          {
            any: [
              { fact: 'tracking.hasLostEvent', operator: 'equal', value: true },
              {
                all: [
                  { fact: 'tracking.lastEventCode', operator: 'notIn', value: [...SETTLED_EVENT_CODES] },
                  {
                    fact: t.countBusinessDays ? 'tracking.businessDaysSinceLastEvent' : 'tracking.daysSinceLastEvent',
                    operator: 'greaterThanInclusive',
                    value: t.lostAfterDays,
                  },
                ],
              },
            ],
          },
        ],
      },
      {
        all: [
          { fact: 'tracking.isDelivered', operator: 'equal', value: true },
          { fact: 'reports.notReceivedCount', operator: 'greaterThan', value: 0 },
        ],
      },
    ],
  }),
  evidenceFacts: ['shipment.carrier', 'tracking.lastEventCode'],
  // The carrier's own word is near certain; silence or a customer's report leaves room for a late scan.
  confidence: (facts) => (facts['tracking.hasLostEvent'] ? 0.95 : facts['tracking.isDelivered'] ? 0.6 : 0.75),
  records: (snapshot) => ({
    ...shipmentRecords(snapshot),
    reports: (snapshot.reports ?? []).filter((r) => r.kind === 'not_received').map((r) => quoteRecord(r, ReportSchema)),
  }),
});
