// 01: evaluate one order and read its findings.
// A customer's payment failed at the bank; order-triage says so, with the evidence and the
// investigation checklist, and recommends inviting the customer to retry.
import assert from 'node:assert/strict';
import { createTriage } from 'order-triage';

const triage = createTriage({ locale: 'en' });

const order = {
  id: 'ORD-1001',
  status: 'pending_payment',
  createdAt: '2026-03-01T10:00:00+08:00',
  currency: 'CNY',
  totals: { items: 59_900, shipping: 1_000, discount: 0, payable: 60_900 }, // ¥609.00, in fen
  items: [{ sku: 'SKU-HEADSET', name: 'Noise-cancelling headset', quantity: 1, unitPrice: 59_900 }],
  payments: [
    {
      id: 'PAY-1',
      method: 'unionpay',
      status: 'failed',
      amount: 60_900,
      createdAt: '2026-03-01T10:03:00+08:00',
      failureReason: 'limit_exceeded',
    },
  ],
  customer: { id: 'C-1' },
  shippingAddress: { name: 'Li Lei', phone: '13800138000', country: 'CN', province: '广东省', city: '深圳市', line1: '深南大道10000号' },
};

const report = triage.evaluate(order, { now: '2026-03-01T10:10:00+08:00' });
assert.equal(report.ok, true);

for (const finding of report.findings) {
  console.log(`${finding.code} (${finding.severity}, owner ${finding.owner}): ${finding.summary}`);
  for (const c of finding.evidence.conditions) console.log(`  evidence: ${c.fact} = ${JSON.stringify(c.value)} ${c.operator} ${JSON.stringify(c.threshold)}`);
  console.log(`  check first: ${finding.checklist[0]}`);
}
for (const action of report.actions) console.log(`→ ${action.kind}${action.customerMessage ? `: ${action.customerMessage.text}` : ''}`);

assert.deepEqual(
  report.findings.map((f) => f.code),
  ['PAYMENT_FAILED'],
);
assert.equal(report.actions[0].kind, 'suggest_payment_retry');
