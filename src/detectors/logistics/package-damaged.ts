import * as z from 'zod';
import { quoteRecord } from '../../facts/quote-record.js';
import { ReportSchema } from '../../schema/snapshot.js';
import { defineDetector } from '../detector.js';
import { shipmentRecords } from './shipment-records.js';

/** PACKAGE_DAMAGED: the carrier recorded damage, or the customer (or anyone) reported it. */
export const packageDamaged = defineDetector({
  code: 'PACKAGE_DAMAGED',
  category: 'logistics',
  severity: 'high',
  owner: 'logistics',
  signal: "A 'damaged' tracking event, or a 'damaged' report.",
  thresholds: z.strictObject({}),
  when: () => ({
    any: [
      { fact: 'tracking.hasDamagedEvent', operator: 'equal', value: true },
      { fact: 'reports.damagedCount', operator: 'greaterThan', value: 0 },
    ],
  }),
  evidenceFacts: ['shipment.carrier'],
  confidence: (facts) => (facts['tracking.hasDamagedEvent'] ? 0.95 : 0.8),
  records: (snapshot) => ({
    ...shipmentRecords(snapshot),
    reports: (snapshot.reports ?? []).filter((r) => r.kind === 'damaged').map((r) => quoteRecord(r, ReportSchema)),
  }),
});
