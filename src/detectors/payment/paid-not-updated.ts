import * as z from 'zod';
import { defineDetector } from '../detector.js';
import { paymentRecords } from '../payment-records.js';
import { minutesThreshold } from '../threshold.js';

/**
 * PAID_NOT_UPDATED: the gateway took the money but the order still awaits payment, longer than
 * a callback normally takes. Callbacks within the grace period are not flagged.
 */
export const paidNotUpdated = defineDetector({
  code: 'PAID_NOT_UPDATED',
  category: 'payment',
  severity: 'high',
  owner: 'tech',
  signal: 'A succeeded payment while the order is still pending_payment for more than graceMinutes.',
  thresholds: z.strictObject({
    graceMinutes: minutesThreshold(5, 'Minutes a payment callback may take before the order is flagged.'),
    incidentAfterMinutes: minutesThreshold(30, 'Minutes after which the playbook also opens a tech incident for the callback.', 1),
  }),
  when: (t) => ({
    all: [
      { fact: 'order.status', operator: 'equal', value: 'pending_payment' },
      { fact: 'payments.succeededCount', operator: 'greaterThanInclusive', value: 1 },
      { fact: 'payments.minutesSinceFirstPaid', operator: 'greaterThan', value: t.graceMinutes },
    ],
  }),
  evidenceFacts: ['order.payable', 'payments.succeededTotal', 'payments.shortfall'],
  // A gateway transaction id is the gateway's own receipt.
  confidence: (_facts, snapshot) => (snapshot.payments.some((p) => p.status === 'succeeded' && p.gatewayTxnId !== undefined) ? 0.98 : 0.85),
  records: paymentRecords,
});
