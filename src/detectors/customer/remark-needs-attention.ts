import * as z from 'zod';
import { findRemarkRequests, REMARK_KINDS } from '../../facts/remark-requests.js';
import { defineDetector } from '../detector.js';

/**
 * REMARK_NEEDS_ATTENTION: the customer's remark asks for something special (a delivery date or
 * time, an invoice, a gift or no price list, a change, another colour or size, a carrier, where
 * to leave the parcel, merging with another order, urgency, no calls): a person reads it before
 * the parcel ships. Thanks and praise are not requests; "no invoice in the parcel" is a gift's
 * request, not an invoice request. The evidence names each request read and quotes its phrase.
 */
export const remarkNeedsAttention = defineDetector({
  code: 'REMARK_NEEDS_ATTENTION',
  category: 'customer',
  severity: 'medium',
  owner: 'customer_service',
  signal:
    'Not shipped, and the remark asks for a delivery time, an invoice, a gift or no price list, a change, another colour or size, a carrier, a drop-off place, merging with another order, urgency or no calls (zh and en).',
  thresholds: z.strictObject({
    extraKeywords: z
      .partialRecord(z.enum(REMARK_KINDS), z.array(z.string().min(1).max(100)).max(200))
      .default({})
      .meta({ description: 'Further plain phrases per kind (text, never regular expressions), e.g. { invoice: ["报销"] }.' }),
  }),
  when: () => ({
    all: [
      { fact: 'order.status', operator: 'notIn', value: ['cancelled', 'closed'] },
      { fact: 'order.isShipped', operator: 'equal', value: false },
      { fact: 'remark.requestCount', operator: 'greaterThan', value: 0 },
    ],
  }),
  evidenceFacts: [],
  confidence: () => 0.8,
  records: (snapshot, _facts, context) => ({
    requests: findRemarkRequests(snapshot.remark ?? '', context.settings.remarkKeywords).map((r) => ({ ...r })),
    remark: [{ text: snapshot.remark ?? '' }],
  }),
});
