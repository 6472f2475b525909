import * as z from 'zod';
import { matchBlacklist } from '../../facts/blacklist-match.js';
import { defineDetector } from '../detector.js';

/**
 * BLACKLISTED: the customer id, a phone, the address (after normalisation) or the device is on
 * the blacklist passed in the context. Before payment the playbook cancels; after, a person reviews.
 */
export const blacklisted = defineDetector({
  code: 'BLACKLISTED',
  category: 'fraud',
  severity: 'high',
  owner: 'risk',
  signal: "The customer id, shipping or account phone, normalised address, or device fingerprint/IP is on the context's blacklist.",
  thresholds: z.strictObject({}),
  when: () => ({ all: [{ fact: 'blacklist.matchCount', operator: 'greaterThan', value: 0 }] }),
  evidenceFacts: ['order.status'],
  confidence: () => 0.99,
  records: (snapshot, _facts, context) => ({
    matches: context.blacklist === undefined ? [] : matchBlacklist(snapshot, context.blacklist).map((m) => ({ ...m })),
  }),
});
