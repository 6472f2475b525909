import * as z from 'zod';
import { defineDetector } from '../detector.js';
import { paymentRecords } from '../payment-records.js';
import { hoursThreshold, minutesThreshold } from '../threshold.js';

/**
 * PAYMENT_FAILED: an order awaiting payment whose latest attempt failed, or that has stayed
 * unpaid too long. Cash-on-delivery orders are never "unpaid"; an order with a succeeded payment
 * is PAID_NOT_UPDATED's business, not this one's.
 */
export const paymentFailed = defineDetector({
  code: 'PAYMENT_FAILED',
  category: 'payment',
  severity: 'medium',
  owner: 'customer_service',
  signal: 'Awaiting payment with no success: the latest attempt failed, or unpaid longer than unpaidMinutes.',
  thresholds: z.strictObject({
    unpaidMinutes: minutesThreshold(30, 'Minutes unpaid after which the order is flagged.', 1),
    autoCancelHours: hoursThreshold(24, 'Hours unpaid after which the playbook cancels instead of chasing payment.'),
  }),
  when: (t) => ({
    all: [
      { fact: 'order.status', operator: 'equal', value: 'pending_payment' },
      { fact: 'payments.succeededCount', operator: 'equal', value: 0 },
      { fact: 'payments.isCashOnDelivery', operator: 'equal', value: false },
      {
        any: [
          { fact: 'payments.latestAttemptStatus', operator: 'equal', value: 'failed' },
          { fact: 'order.minutesSinceCreated', operator: 'greaterThan', value: t.unpaidMinutes },
        ],
      },
    ],
  }),
  evidenceFacts: ['order.payable', 'payments.count', 'payments.failedCount', 'payments.pendingCount'],
  // A gateway's own "failed" is certain; mere silence may be a customer who is still deciding.
  confidence: (facts) => (facts['payments.latestAttemptStatus'] === 'failed' ? 0.95 : 0.8),
  records: paymentRecords,
});
