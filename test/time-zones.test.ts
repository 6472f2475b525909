import { createTriage } from 'order-triage';
import { buildOrder, customerTextOf } from 'order-triage/testing';
import { describe, expect, it } from 'vitest';

// CI runs the whole suite under TZ=UTC, Asia/Shanghai and America/New_York (.ci/run): nothing
// may depend on the process's time zone. Here: thresholds across a DST change count real time.

const triage = createTriage({ locale: 'en', timeZone: 'America/New_York' });
// New York springs forward at 02:00 on 8 March 2026: 01:50 EST and 03:20 EDT are 30 minutes apart.
const unpaid = buildOrder({ status: 'pending_payment', payments: [], createdAt: '2026-03-08T01:50:00-05:00' });
const codes = (now: string) => {
  const r = triage.evaluate(unpaid, { now });
  return r.ok ? r.findings.map((f) => f.code) : r.error.code;
};

describe('time across a daylight-saving change', () => {
  it('counts the 30 real minutes between 01:50 EST and 03:20 EDT, not the 90 on the wall clock', () => {
    expect(codes('2026-03-08T03:20:00-04:00')).toEqual([]);
    expect(codes('2026-03-08T03:21:00-04:00')).toEqual(['PAYMENT_FAILED']);
  });

  it('shows times to customers in the shop’s zone, whatever the process’s zone is', () => {
    const r = triage.evaluate(unpaid, { now: '2026-03-08T03:21:00-04:00' });
    // Held 24 real hours: 01:50 EST (06:50Z) + 24 h = 06:50Z next day = 02:50 EDT.
    expect(r.ok && customerTextOf(r)).toContain('Mar 9, 2026, 02:50');
  });
});
