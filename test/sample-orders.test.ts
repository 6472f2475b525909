import { readFileSync } from 'node:fs';
import { createTriage, type EvaluateResult } from 'order-triage';
import { describe, expect, it } from 'vitest';

// The demo's sample orders, each pinned to what it is there to show.
const { now, orders } = JSON.parse(readFileSync(new URL('../examples/data/sample-orders.json', import.meta.url), 'utf8')) as {
  now: string;
  orders: unknown[];
};

const outcome = (r: EvaluateResult) =>
  r.ok ? [r.findings.map((f) => f.code).join('+') || 'clean', r.actions.map((a) => a.kind).join('+')] : ['invalid', r.error.code];

describe('the sample orders the demo prints', () => {
  it('each show the exception they were written for', () => {
    const triage = createTriage();
    expect(orders.map((o) => outcome(triage.evaluate(o, { now })))).toEqual([
      ['clean', ''],
      ['PAYMENT_FAILED', 'suggest_payment_retry'],
      ['PAYMENT_FAILED', 'send_payment_link'],
      ['DUPLICATE_PAYMENT', 'refund'],
      ['DUPLICATE_PAYMENT', 'refund'],
      ['AMOUNT_MISMATCH', 'refund'],
      ['AMOUNT_MISMATCH', 'hold_shipment+send_payment_link'],
      ['PAID_NOT_UPDATED', 'update_order_status+tech_incident'],
      ['clean', ''],
      ['invalid', 'invalid_snapshot'],
    ]);
  });
});
