import * as z from 'zod';
import { defineDetector } from '../detector.js';
import { paymentRecords } from '../payment-records.js';
import { hoursThreshold, minorUnitsThreshold } from '../threshold.js';

/**
 * CAPTURED_NOT_REFUNDED: an order that will not ship (cancelled, closed or failed) still holds
 * money the customer paid, neither refunded nor being refunded, an hour after it last changed.
 * Refund actions already taken count as refunded (the money is on its way); one the gateway
 * reports failed does not (it is retried).
 */
export const capturedNotRefunded = defineDetector({
  code: 'CAPTURED_NOT_REFUNDED',
  category: 'payment',
  severity: 'high',
  owner: 'finance',
  signal: 'Cancelled, closed or failed, and captured money not refunded (nor a refund taken) more than afterHours after the order last changed.',
  thresholds: z.strictObject({
    afterHours: hoursThreshold(1, 'Hours after the order last changed (updatedAt, else createdAt) before unrefunded money is flagged.'),
    toleranceMinor: minorUnitsThreshold(0, 'Unrefunded money (minor units) ignored as rounding.'),
  }),
  when: (t) => ({
    all: [
      { fact: 'order.status', operator: 'in', value: ['cancelled', 'closed', 'failed'] },
      { fact: 'payments.capturedNotRefunded', operator: 'greaterThan', value: t.toleranceMinor },
      { fact: 'order.minutesSinceUpdated', operator: 'greaterThanInclusive', value: t.afterHours * 60 },
    ],
  }),
  evidenceFacts: ['order.payable', 'payments.succeededTotal', 'payments.refundedTotal', 'payments.refundLedgerUnclear'],
  // The ledger is the shop's own: only an unclear one (a refund of unknown amount) leaves doubt.
  confidence: (facts) => (facts['payments.refundLedgerUnclear'] ? 0.7 : 0.95),
  records: paymentRecords,
});
