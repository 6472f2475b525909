import * as z from 'zod';
import { quoteRecord } from '../../facts/quote-record.js';
import { InventoryRecordSchema } from '../../schema/snapshot.js';
import { defineDetector } from '../detector.js';
import { countThreshold, minutesThreshold } from '../threshold.js';

/**
 * STOCK_SYNC_LAG: what the sales channel shows differs from what the warehouse holds, or the
 * stock figures have not been synced for too long: the next order may oversell.
 */
export const stockSyncLag = defineDetector({
  code: 'STOCK_SYNC_LAG',
  category: 'inventory',
  severity: 'medium',
  owner: 'tech',
  signal: 'channelAvailable differs from onHand − reserved by more than toleranceUnits, or syncedAt is older than maxSyncAgeMinutes.',
  thresholds: z.strictObject({
    toleranceUnits: countThreshold(0, 'Drift (units) between channel and warehouse tolerated.'),
    maxSyncAgeMinutes: minutesThreshold(15, 'Minutes since the last inventory sync before it counts as lagging.'),
  }),
  when: (t) => ({
    all: [
      { fact: 'order.status', operator: 'notIn', value: ['delivered', 'cancelled', 'closed'] },
      {
        any: [
          { fact: 'inventory.maxChannelDrift', operator: 'greaterThan', value: t.toleranceUnits },
          { fact: 'inventory.maxMinutesSinceSync', operator: 'greaterThan', value: t.maxSyncAgeMinutes },
        ],
      },
    ],
  }),
  evidenceFacts: [],
  confidence: () => 0.9,
  records: (snapshot) => ({ inventory: (snapshot.inventory ?? []).map((r) => quoteRecord(r, InventoryRecordSchema)) }),
});
