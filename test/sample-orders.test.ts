import { readFileSync } from 'node:fs';
import { createTriage, type EvaluateResult } from 'order-triage';
import { describe, expect, it } from 'vitest';

// The demo's sample orders, each pinned to what it is there to show.
const { now, blacklist, calendar, orders } = JSON.parse(readFileSync(new URL('../examples/data/sample-orders.json', import.meta.url), 'utf8')) as {
  now: string;
  blacklist: object;
  calendar: object;
  orders: unknown[];
};

const outcome = (r: EvaluateResult) => (r.ok ? [r.findings.map((f) => f.code).join('+') || 'clean', r.actions.map((a) => a.kind).join('+')] : ['invalid', r.error.code]);

describe('the sample orders the demo prints', () => {
  it('each show the exception they were written for', () => {
    const triage = createTriage();
    expect(orders.map((o) => outcome(triage.evaluate(o, { now, blacklist, calendar })))).toEqual([
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
      ['TRACKING_STALLED', 'urge_carrier+contact_customer'],
      [
        'PAYMENT_FAILED+ADDRESS_INVALID+PHONE_INVALID+REMARK_NEEDS_ATTENTION',
        'send_payment_link+contact_customer+hold_shipment+correct_address+contact_customer+hold_shipment+manual_review',
      ],
      ['OVERSOLD', 'urgent_restock+coupon+contact_customer'],
      ['BLACKLISTED+SUSPICIOUS_NEW_ACCOUNT', 'manual_review+hold_shipment+add_to_blacklist+manual_review'],
      ['SYNC_FAILED', 'retry_sync+tech_incident'],
      ['PACKAGE_DAMAGED', 'contact_customer+coupon+carrier_claim'],
    ]);
  });
});
