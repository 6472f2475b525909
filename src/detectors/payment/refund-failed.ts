import * as z from 'zod';
import { unresolvedFailedRefunds } from '../../money/failed-refunds.js';
import { defineDetector } from '../detector.js';
import { paymentRecords } from '../payment-records.js';

/**
 * REFUND_FAILED: a refund did not go through (the gateway reports it failed, or the backend
 * recorded the refund action failed) and nothing has replaced it since. The retry is planned by
 * the finding that asked for the refund (docs/lifecycle.md); this one brings in finance.
 */
export const refundFailed = defineDetector({
  code: 'REFUND_FAILED',
  category: 'payment',
  severity: 'high',
  owner: 'finance',
  signal: "A refunds[] entry 'failed' with no pending or succeeded one for the same payment and amount since, or a refund action recorded 'failed' with no later attempt.",
  thresholds: z.strictObject({}),
  when: () => ({ all: [{ fact: 'payments.failedRefundCount', operator: 'greaterThan', value: 0 }] }),
  evidenceFacts: ['payments.succeededTotal', 'payments.refundedTotal', 'payments.capturedNotRefunded'],
  // The gateway's own word is certain; a backend's record of a failure slightly less so.
  confidence: (_facts, snapshot) => (unresolvedFailedRefunds(snapshot).some((f) => f.source === 'gateway') ? 0.95 : 0.9),
  records: (snapshot) => ({
    ...paymentRecords(snapshot),
    failedRefunds: unresolvedFailedRefunds(snapshot).map((f) => ({
      source: f.source,
      ...(f.paymentId === undefined ? {} : { paymentId: f.paymentId }),
      ...(f.amount === undefined ? {} : { amount: f.amount }),
      at: f.at,
      ...(f.idempotencyKey === undefined ? {} : { idempotencyKey: f.idempotencyKey }),
      attempt: f.attempt,
    })),
  }),
});
