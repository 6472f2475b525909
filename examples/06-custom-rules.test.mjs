// 06: a user testing their own rule set, with node's built-in test runner (vitest or jest work the
// same way: the helpers throw plain errors). Run: node --test examples/06-custom-rules.test.mjs
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { createTriage } from 'order-triage';
import { backtest, buildOrder, expectFinding, expectNoFinding, minutesAfter } from 'order-triage/testing';

const { rules, conditions } = JSON.parse(readFileSync(new URL('./rules/my-rules.json', import.meta.url), 'utf8'));
const triage = createTriage({ locale: 'en', rules, conditions });
const now = minutesAfter(30);
const firstOrder = (payable) =>
  buildOrder({
    items: [{ sku: 'TV', quantity: 1, unitPrice: payable - 1_000 }],
    customer: { id: 'C-NEW', accountCreatedAt: minutesAfter(-120) },
  });

test('a big first order from a new account is flagged, with the evidence', () => {
  const finding = expectFinding(triage.evaluate(firstOrder(80_000), { now }), 'BIG_FIRST_ORDER');
  assert.equal(finding.summary, 'Order ORD-1001 is a big first order from a new account.');
  assert.deepEqual(
    finding.evidence.conditions.map((c) => [c.fact + (c.path ?? ''), c.value]),
    [
      ['customer.accountAgeHours', 2],
      ['order$.totals.payable', 80_000],
    ],
  );
});

test('the same amount from a long-standing customer is not', () => {
  expectNoFinding(triage.evaluate(buildOrder({ items: [{ sku: 'TV', quantity: 1, unitPrice: 79_000 }] }), { now }), 'BIG_FIRST_ORDER');
});

test('explain says which condition held a rule back', () => {
  const why = triage.explain(firstOrder(40_000), { now }, 'BIG_FIRST_ORDER');
  assert.equal(why.ok && why.fired, false);
  const amount = why.ok && why.conditions.kind === 'all' ? why.conditions.conditions[1] : undefined;
  assert.deepEqual(amount && amount.kind === 'fact' && [amount.value, amount.threshold, amount.passed], [40_000, 50_000, false]);
});

test('raising the threshold moves exactly the orders between the old and new line', () => {
  const orders = [30_000, 60_000, 90_000].map((payable, i) => ({ ...firstOrder(payable), id: `O-${i}` }));
  const stricter = structuredClone(rules);
  stricter[0].conditions.all[1].value = 70_000;
  const diff = backtest({ rules, conditions }, { rules: stricter, conditions }, orders, { now });
  assert.deepEqual(diff.changed, [{ orderId: 'O-1', added: [], removed: ['BIG_FIRST_ORDER'] }]);
});
