import * as z from 'zod';
import { quoteRecord } from '../../facts/quote-record.js';
import { ReportSchema } from '../../schema/snapshot.js';
import { defineDetector } from '../detector.js';
import { shipmentRecords } from './shipment-records.js';

/**
 * WRONG_ITEM: someone reported that the parcel held the wrong item (发错货: another colour, size
 * or product). The playbook exchanges it: the right item goes out again, and the wrong one comes
 * back unless the order is worth less than `keepBelow` in its currency (the customer keeps it).
 */
export const wrongItem = defineDetector({
  code: 'WRONG_ITEM',
  category: 'logistics',
  severity: 'high',
  owner: 'warehouse',
  signal: "A 'wrong_item' report (the customer, customer service, the warehouse or the carrier), unless the parcel was refused and never delivered (DELIVERY_REFUSED).",
  thresholds: z.strictObject({
    keepBelow: z
      .record(z.string().regex(/^[A-Z]{3}$/), z.int().min(0))
      .default({ CNY: 3000 })
      .meta({
        description:
          "Per currency, in minor units: below this value of the order's items the customer keeps the wrong item (no return), e.g. { CNY: 3000 } (¥30). A currency not listed: the wrong item always comes back.",
      }),
  }),
  // A refused parcel that never arrived is DELIVERY_REFUSED's (the report makes it a quality return).
  when: () => ({
    all: [
      { fact: 'reports.wrongItemCount', operator: 'greaterThan', value: 0 },
      {
        any: [
          { fact: 'tracking.hasRefusedEvent', operator: 'equal', value: false },
          { fact: 'tracking.isDelivered', operator: 'equal', value: true },
        ],
      },
    ],
  }),
  evidenceFacts: ['shipment.carrier'],
  confidence: (_facts, snapshot) => ((snapshot.reports ?? []).some((r) => r.kind === 'wrong_item' && (r.source === 'warehouse' || r.source === 'carrier')) ? 0.95 : 0.8),
  records: (snapshot) => ({
    ...shipmentRecords(snapshot),
    reports: (snapshot.reports ?? []).filter((r) => r.kind === 'wrong_item').map((r) => quoteRecord(r, ReportSchema)),
  }),
});
