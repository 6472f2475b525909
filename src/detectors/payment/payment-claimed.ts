import * as z from 'zod';
import { quoteRecord } from '../../facts/quote-record.js';
import { ReportSchema } from '../../schema/snapshot.js';
import { defineDetector } from '../detector.js';
import { paymentRecords } from '../payment-records.js';

/**
 * PAYMENT_CLAIMED: the customer says they paid (a `payment_problem` report from them or a
 * service agent) but no payment succeeded on record. Finance checks the gateway with the
 * customer's voucher; nothing is refunded or cancelled on the claim alone.
 */
export const paymentClaimed = defineDetector({
  code: 'PAYMENT_CLAIMED',
  category: 'payment',
  severity: 'medium',
  owner: 'finance',
  signal: "A 'payment_problem' report from the customer or a service agent, and no succeeded payment.",
  thresholds: z.strictObject({}),
  when: () => ({
    all: [
      { fact: 'reports.paymentProblemCount', operator: 'greaterThan', value: 0 },
      { fact: 'payments.succeededCount', operator: 'equal', value: 0 },
    ],
  }),
  evidenceFacts: ['order.status', 'order.payable', 'payments.count', 'payments.pendingCount', 'payments.failedCount'],
  // A pending attempt makes the claim plausible (the callback may be late); with none it may be another order or shop.
  confidence: (facts) => (facts['payments.pendingCount'] > 0 ? 0.8 : 0.6),
  records: (snapshot) => ({
    ...paymentRecords(snapshot),
    reports: (snapshot.reports ?? [])
      .filter((r) => r.kind === 'payment_problem' && (r.source === 'customer' || r.source === 'customer_service'))
      .map((r) => quoteRecord(r, ReportSchema)),
  }),
});
