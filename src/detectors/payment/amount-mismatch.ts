import * as z from 'zod';
import { defineDetector } from '../detector.js';
import { paymentRecords } from '../payment-records.js';
import { minorUnitsThreshold, minutesThreshold } from '../threshold.js';

/**
 * AMOUNT_MISMATCH: what was paid differs from what is owed. Over: a single payment above
 * payable, net of refunds (two or more is DUPLICATE_PAYMENT, so one surplus is never refunded
 * twice). Under: less captured than payable with no payment still in flight, except cash on
 * delivery and closed orders; refunds the shop made never make an order underpaid.
 */
export const amountMismatch = defineDetector({
  code: 'AMOUNT_MISMATCH',
  category: 'payment',
  severity: 'high',
  owner: 'finance',
  signal:
    'Paid differs from payable by more than toleranceMinor (over: one payment, net of refunds; under: captured below payable, nothing in flight; a refund the shop made is never a shortfall).',
  thresholds: z.strictObject({
    toleranceMinor: minorUnitsThreshold(0, 'Difference (minor units) ignored as rounding.'),
    pendingGraceMinutes: minutesThreshold(30, 'Minutes a pending payment may still complete an underpaid order before it is flagged.'),
  }),
  when: (t) => ({
    all: [
      { fact: 'payments.succeededCount', operator: 'greaterThanInclusive', value: 1 },
      {
        any: [
          {
            all: [
              { fact: 'payments.succeededCount', operator: 'equal', value: 1 },
              { fact: 'payments.surplus', operator: 'greaterThan', value: t.toleranceMinor },
            ],
          },
          {
            all: [
              { fact: 'payments.shortfall', operator: 'greaterThan', value: t.toleranceMinor },
              { fact: 'payments.isCashOnDelivery', operator: 'equal', value: false },
              { fact: 'order.status', operator: 'notIn', value: ['cancelled', 'closed'] },
              {
                any: [
                  { fact: 'payments.pendingCount', operator: 'equal', value: 0 },
                  { fact: 'payments.minutesSinceLatestAttempt', operator: 'greaterThan', value: t.pendingGraceMinutes },
                ],
              },
            ],
          },
        ],
      },
    ],
  }),
  evidenceFacts: ['order.payable', 'payments.succeededTotal', 'payments.refundedTotal', 'payments.netPaid'],
  confidence: () => 0.9,
  records: paymentRecords,
});
