import * as z from 'zod';
import { quoteRecord } from '../../facts/quote-record.js';
import { SyncRecordSchema } from '../../schema/snapshot.js';
import { defineDetector } from '../detector.js';
import { countThreshold, minutesThreshold } from '../threshold.js';

/**
 * SYNC_FAILED: the order did not reach another system (ERP, WMS, CRM): its latest sync failed,
 * or has been pending too long. Repeated failures escalate to a tech incident in the playbook.
 */
export const syncFailed = defineDetector({
  code: 'SYNC_FAILED',
  category: 'system',
  severity: 'medium',
  owner: 'tech',
  signal: "A system's latest sync record failed, or has been pending longer than pendingMinutes.",
  thresholds: z.strictObject({
    pendingMinutes: minutesThreshold(30, 'Minutes a sync may stay pending.'),
    escalateAfterFailures: countThreshold(3, 'Failures in a row after which the playbook opens a tech incident.', 1),
  }),
  when: (t) => ({
    any: [
      { fact: 'sync.failedSystemCount', operator: 'greaterThan', value: 0 },
      { fact: 'sync.maxPendingMinutes', operator: 'greaterThan', value: t.pendingMinutes },
    ],
  }),
  evidenceFacts: ['sync.maxFailuresInARow'],
  confidence: () => 0.95,
  records: (snapshot) => ({ sync: (snapshot.sync ?? []).map((r) => quoteRecord(r, SyncRecordSchema)) }),
});
