import * as z from 'zod';
import { defineDetector } from '../detector.js';
import { paymentRecords } from '../payment-records.js';

/**
 * ORDER_CREATE_FAILED: the order never got created properly (status `failed`). Most urgent when
 * the customer has already paid for it: the playbook then recreates it rather than losing the sale.
 */
export const orderCreateFailed = defineDetector({
  code: 'ORDER_CREATE_FAILED',
  category: 'system',
  severity: 'high',
  owner: 'tech',
  signal: "Status 'failed' (with or without a succeeded payment).",
  thresholds: z.strictObject({}),
  when: () => ({ all: [{ fact: 'order.status', operator: 'equal', value: 'failed' }] }),
  evidenceFacts: ['payments.succeededCount', 'payments.netPaid'],
  confidence: () => 0.99,
  records: paymentRecords,
});
