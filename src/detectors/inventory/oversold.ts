import * as z from 'zod';
import { computeAvailability } from '../../facts/inventory-facts.js';
import { quoteRecord } from '../../facts/quote-record.js';
import { ReportSchema } from '../../schema/snapshot.js';
import { defineDetector } from '../detector.js';
import { countThreshold } from '../threshold.js';

/**
 * OVERSOLD: the order wants more than is left for it: on-hand stock (presale lines: the presale
 * allowance) less what other orders have reserved; or the warehouse reported stock missing.
 * Also runs at checkout (pending_payment), so oversell is caught before the customer pays.
 */
export const oversold = defineDetector({
  code: 'OVERSOLD',
  category: 'inventory',
  severity: 'high',
  owner: 'warehouse',
  signal: "Ordered quantity exceeds onHand (presale: presaleAllowance) − other orders' reservations by more than toleranceUnits, or a stock_missing report.",
  thresholds: z.strictObject({
    toleranceUnits: countThreshold(0, 'Shortage (units) tolerated, e.g. stock arriving the same day.'),
  }),
  when: (t) => ({
    all: [
      { fact: 'order.status', operator: 'notIn', value: ['delivered', 'cancelled', 'closed'] },
      { fact: 'order.isShipped', operator: 'equal', value: false },
      {
        any: [
          { fact: 'inventory.maxShortUnits', operator: 'greaterThan', value: t.toleranceUnits },
          { fact: 'reports.stockMissingCount', operator: 'greaterThan', value: 0 },
        ],
      },
    ],
  }),
  evidenceFacts: ['inventory.oversoldLineCount', 'reports.stockMissingCount'],
  confidence: (facts) => ((facts['inventory.maxShortUnits'] ?? 0) > 0 ? 0.9 : 0.7),
  records: (snapshot) => ({
    availability: computeAvailability(snapshot).map((a) => ({ ...a })),
    reports: (snapshot.reports ?? []).filter((r) => r.kind === 'stock_missing').map((r) => quoteRecord(r, ReportSchema)),
  }),
});
