// 03: a USD shop, configured: thresholds, authority limits, refund ETAs, time zone, language.
import assert from 'node:assert/strict';
import { createTriage } from 'order-triage';
import { buildOrder, buildPayment, minutesAfter } from 'order-triage/testing';

const triage = createTriage({
  locale: 'en',
  thresholds: { PAID_NOT_UPDATED: { graceMinutes: 10 }, AMOUNT_MISMATCH: { toleranceMinor: 1 } },
  policy: {
    timeZone: 'America/New_York',
    authority: { USD: { agent: 5_000, supervisor: 25_000, manager: 100_000 } }, // cents
    refundEta: { byMethod: { card: { minDays: 3, maxDays: 5 } } },
    paymentMethods: { offered: ['card', 'paypal', 'apple_pay'] },
    sla: { high: 30 },
  },
});

const order = buildOrder({
  id: 'US-5001',
  currency: 'USD',
  items: [{ sku: 'BOOTS-10', name: 'Hiking boots', quantity: 1, unitPrice: 18_900 }],
  totals: { shipping: 0 },
  payments: [buildPayment({ id: 'ch_1', method: 'card', amount: 19_900 })], // $199.00 charged for $189.00
  shippingAddress: { name: 'Ann Lee', phone: '+1 415 555 0100', country: 'US', province: 'CA', city: 'San Francisco', line1: '1 Market St' },
});

const report = triage.evaluate(order, { now: minutesAfter(20) });
const refund = report.actions.find((a) => a.kind === 'refund');
const message = report.actions.find((a) => a.kind === 'contact_customer');
console.log(`${report.findings[0].summary}`);
console.log(`→ ${refund.kind} ${refund.params.amount}¢ (${refund.requiresApproval === 'none' ? 'agent may act alone' : refund.requiresApproval}), due ${refund.dueBy}`);
console.log(`  ${message.customerMessage.text}`);
assert.equal(refund.params.amount, 1_000);
assert.equal(refund.requiresApproval, 'none');
assert.match(message.customerMessage.text, /\$10\.00.*3–5 business days/);
