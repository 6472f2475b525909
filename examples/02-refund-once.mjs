// 02: a duplicate payment, refunded exactly once.
// The plan recommends one refund per surplus payment, with an idempotency key, and one message
// that announces it. The backend carries both out and records them in actionsTaken; evaluating
// again recommends nothing more and says nothing again.
import assert from 'node:assert/strict';
import { createTriage } from 'order-triage';
import { buildOrder, buildPayment, minutesAfter } from 'order-triage/testing';

const triage = createTriage({ locale: 'en' });
const now = minutesAfter(30);

let order = buildOrder({
  payments: [buildPayment({ id: 'pay_1', method: 'alipay', createdAt: minutesAfter(1) }), buildPayment({ id: 'pay_2', method: 'wechat_pay', createdAt: minutesAfter(2) })],
});

const first = triage.evaluate(order, { now });
const [refund, message] = first.actions;
console.log(`${refund.kind} ${refund.params.amount} ${refund.params.currency} from ${refund.params.paymentId} (key ${refund.idempotencyKey})`);
console.log(`needs approval: ${refund.requiresApproval}; tell the customer (${message.params.channels.join(', ')}): ${message.customerMessage.text}`);
assert.equal(refund.kind, 'refund');
assert.equal(refund.params.paymentId, 'pay_2');
assert.deepEqual(message.params.describes, [refund.idempotencyKey]);

// The backend executes the refund, sends the message, and records what it did.
order = {
  ...order,
  actionsTaken: [
    { kind: 'refund', idempotencyKey: refund.idempotencyKey, at: minutesAfter(31), amount: refund.params.amount },
    { kind: 'contact_customer', idempotencyKey: message.idempotencyKey, at: minutesAfter(31) },
  ],
};
const second = triage.evaluate(order, { now: minutesAfter(40) });
console.log(`after the refund: ${second.findings.length} finding(s) still open, ${second.actions.length} new action(s)`);
assert.deepEqual(second.actions, []);
