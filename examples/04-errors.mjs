// 04: what bad input and bad options look like.
// evaluate never throws for a bad snapshot: it returns every problem with its path.
// createTriage throws once for bad options, listing every problem (and suggesting fixes).
import assert from 'node:assert/strict';
import { createTriage, formatPath, isInvalidOptionsError } from 'order-triage';
import { buildOrder, minutesAfter } from 'order-triage/testing';

const triage = createTriage();
const bad = { ...buildOrder(), currency: 'RMB', totals: { items: 199.0, shipping: 10, discount: 0, payable: '209.00' } };
const result = triage.evaluate(bad, { now: minutesAfter(60) });
assert.equal(result.ok, false);
console.log(`${result.error.code}: ${result.error.message}`);
for (const issue of result.error.issues) console.log(`  ${formatPath(issue.path)}: ${issue.message}`);
assert.deepEqual(
  result.error.issues.map((i) => formatPath(i.path)),
  ['currency', 'totals.payable'],
);

try {
  createTriage({ locale: 'fr', thresholds: { PAYMENT_FAILED: { unpaidMinute: 45 } } });
  assert.fail('createTriage should have thrown');
} catch (error) {
  assert.ok(isInvalidOptionsError(error));
  console.log(`\n${error.message}`);
  assert.equal(error.issues.length, 2);
}
