import * as z from 'zod';
import { quoteRecord } from '../../facts/quote-record.js';
import { reportedLines } from '../../facts/report-facts.js';
import { ReportSchema } from '../../schema/snapshot.js';
import { defineDetector } from '../detector.js';
import { shipmentRecords } from './shipment-records.js';

/**
 * MISSING_ITEM: someone reported that the parcel arrived short (漏发, 少了一件). The playbook
 * sends the missing lines again, or refunds them when they are out of stock. The lines are those
 * whose SKU the report names; when it names none, every line, for a person to confirm.
 */
export const missingItem = defineDetector({
  code: 'MISSING_ITEM',
  category: 'logistics',
  severity: 'high',
  owner: 'warehouse',
  signal: "A 'missing_item' report (the customer, customer service, the warehouse or the carrier), unless the parcel was refused and never delivered (DELIVERY_REFUSED).",
  thresholds: z.strictObject({}),
  // A refused parcel that never arrived is DELIVERY_REFUSED's (the report makes it a quality return).
  when: () => ({
    all: [
      { fact: 'reports.missingItemCount', operator: 'greaterThan', value: 0 },
      {
        any: [
          { fact: 'tracking.hasRefusedEvent', operator: 'equal', value: false },
          { fact: 'tracking.isDelivered', operator: 'equal', value: true },
        ],
      },
    ],
  }),
  evidenceFacts: ['shipment.carrier'],
  confidence: (_facts, snapshot) => ((snapshot.reports ?? []).some((r) => r.kind === 'missing_item' && (r.source === 'warehouse' || r.source === 'carrier')) ? 0.95 : 0.8),
  records: (snapshot) => ({
    ...shipmentRecords(snapshot),
    reports: (snapshot.reports ?? []).filter((r) => r.kind === 'missing_item').map((r) => quoteRecord(r, ReportSchema)),
    lines: reportedLines(snapshot, 'missing_item').items.map((i) => ({ ...i })),
  }),
});
