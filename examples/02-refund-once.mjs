// 02: a duplicate payment, refunded exactly once.
// The playbook recommends one refund per surplus payment, with an idempotency key. The backend
// carries it out and records it in actionsTaken; evaluating again recommends nothing more.
import assert from 'node:assert/strict';
import { createTriage } from 'order-triage';
import { buildOrder, buildPayment, minutesAfter } from 'order-triage/testing';

const triage = createTriage({ locale: 'en' });
const now = minutesAfter(30);

let order = buildOrder({
  payments: [buildPayment({ id: 'pay_1', method: 'alipay', createdAt: minutesAfter(1) }), buildPayment({ id: 'pay_2', method: 'wechat_pay', createdAt: minutesAfter(2) })],
});

const first = triage.evaluate(order, { now });
const [refund] = first.actions;
console.log(`${refund.kind} ${refund.params.amount} ${refund.params.currency} from ${refund.params.paymentId} (key ${refund.idempotencyKey})`);
console.log(`needs approval: ${refund.requiresApproval}; tell the customer: ${refund.customerMessage.text}`);
assert.equal(refund.kind, 'refund');
assert.equal(refund.params.paymentId, 'pay_2');

// The backend executes the refund and records what it did.
order = {
  ...order,
  actionsTaken: [{ kind: 'refund', idempotencyKey: refund.idempotencyKey, at: minutesAfter(31), amount: refund.params.amount }],
};
const second = triage.evaluate(order, { now: minutesAfter(40) });
console.log(`after the refund: ${second.findings.length} finding(s) still open, ${second.actions.length} new action(s)`);
assert.deepEqual(second.actions, []);
