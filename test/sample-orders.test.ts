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
    expect(orders.slice(0, 16).map((o) => outcome(triage.evaluate(o, { now, blacklist, calendar })))).toEqual([
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

  // Several findings on one order: what the plan does about them is pinned by the demo's golden
  // files (test/demo-golden.test.ts); here, that each order raises what it was written for.
  it('raise every finding the multi-finding orders were written for, and nothing for a goodwill refund', () => {
    const triage = createTriage();
    const found = orders.slice(16).map((o) => {
      const r = triage.evaluate(o, { now, blacklist, calendar });
      return r.ok ? [r.orderId, r.findings.map((f) => f.code).join('+') || 'clean'] : [r.orderId, r.error.code];
    });
    expect(found).toEqual([
      ['ORD-240224-0017', 'DELIVERY_DELAYED+PACKAGE_DAMAGED'], // damaged in transit, and late
      ['ORD-240227-0018', 'OVERSOLD+NOT_SHIPPED_ON_TIME'], // sold out, past the ship-by date
      ['ORD-240301-0019', 'PAID_NOT_UPDATED+OVERSOLD'], // a VIP's lost payment callback, sold out
      ['ORD-240301-0020', 'OVERSOLD'], // an unpaid checkout draft, sold out
      ['ORD-240222-0021', 'PACKAGE_LOST'], // lost; paid as two ¥190.00 payments
      ['ORD-240225-0022', 'PACKAGE_LOST'], // signed for, reported not received
      ['ORD-240224-0023', 'DELIVERY_REFUSED'], // refused (changed mind), still on its way back
      ['ORD-240224-0024', 'PACKAGE_DAMAGED+DELIVERY_REFUSED'], // refused because it arrived damaged
      ['ORD-240223-0025', 'clean'], // delivered, paid in full, ¥20.00 goodwill refund pending
      ['ORD-240301-0026', 'ADDRESS_INVALID+PHONE_INVALID'], // unreachable phone, address "门口"
    ]);
  });
});
