import * as z from 'zod';
import { distinctPayments } from '../../money/distinct-payments.js';
import { defineDetector } from '../detector.js';
import { paymentRecords } from '../payment-records.js';
import { countThreshold, minorUnitsThreshold } from '../threshold.js';

/**
 * DUPLICATE_PAYMENT: two or more succeeded payments that together exceed what the order costs
 * (after refunds already made). Each surplus payment is refunded to its own method. One payment
 * recorded twice (same id) is one payment, never a duplicate (the facts count each id once).
 */
export const duplicatePayment = defineDetector({
  code: 'DUPLICATE_PAYMENT',
  category: 'payment',
  severity: 'high',
  owner: 'finance',
  signal: 'At least minSucceededPayments succeeded payments whose sum, less refunds, exceeds payable by more than toleranceMinor.',
  thresholds: z.strictObject({
    minSucceededPayments: countThreshold(2, 'Succeeded payments needed before a surplus counts as a duplicate.', 2),
    toleranceMinor: minorUnitsThreshold(0, 'Surplus (minor units) ignored as rounding.'),
  }),
  when: (t) => ({
    all: [
      { fact: 'payments.succeededCount', operator: 'greaterThanInclusive', value: t.minSucceededPayments },
      { fact: 'payments.surplus', operator: 'greaterThan', value: t.toleranceMinor },
    ],
  }),
  evidenceFacts: ['order.payable', 'payments.succeededTotal', 'payments.refundedTotal', 'payments.netPaid'],
  // Equal amounts paid twice is the classic double click; unequal amounts may be a deliberate top-up.
  confidence: (_facts, snapshot) => {
    const amounts = distinctPayments(snapshot)
      .payments.filter((p) => p.status === 'succeeded')
      .map((p) => p.amount);
    return new Set(amounts).size < amounts.length ? 0.95 : 0.8;
  },
  records: paymentRecords,
});
