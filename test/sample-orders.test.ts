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
      ['PAYMENT_FAILED', 'suggest_payment_retry+contact_customer'],
      ['PAYMENT_FAILED', 'send_payment_link+contact_customer'],
      ['DUPLICATE_PAYMENT', 'refund+contact_customer'],
      ['DUPLICATE_PAYMENT', 'refund+contact_customer'],
      ['AMOUNT_MISMATCH', 'refund+contact_customer'],
      ['AMOUNT_MISMATCH', 'hold_shipment+send_payment_link+contact_customer'],
      ['PAID_NOT_UPDATED', 'update_order_status+tech_incident+contact_customer'],
      ['clean', ''],
      ['invalid', 'invalid_snapshot'],
      ['TRACKING_STALLED', 'urge_carrier+contact_customer'],
      [
        'PAYMENT_FAILED+ADDRESS_INVALID+PHONE_INVALID+REMARK_NEEDS_ATTENTION',
        // One message for the three findings that tell the customer something.
        'send_payment_link+hold_shipment+correct_address+hold_shipment+manual_review+contact_customer',
      ],
      ['OVERSOLD', 'urgent_restock+coupon+contact_customer'],
      ['BLACKLISTED+SUSPICIOUS_NEW_ACCOUNT', 'manual_review+hold_shipment+add_to_blacklist+manual_review'],
      ['SYNC_FAILED', 'retry_sync+tech_incident'],
      // Damage only the customer reported: verified before any money moves.
      ['PACKAGE_DAMAGED', 'manual_review+contact_customer'],
    ]);
  });
});
