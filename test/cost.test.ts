import { createTriage, type OrderSnapshotInput } from 'order-triage';
import { buildOrder, minutesAfter } from 'order-triage/testing';
import { describe, expect, it } from 'vitest';

const now = minutesAfter(24 * 60);

describe('cost that grows with the input, never faster', () => {
  it('finds a coupon-abuse cluster of 130,000 orders from one phone without overflowing the stack', async () => {
    const triage = createTriage({ locale: 'en' });
    const size = 130_000;
    // One order object per id, made as the batch reads it: a generator keeps memory to the window.
    function* orders(): Generator<OrderSnapshotInput> {
      const base = buildOrder({ status: 'paid', coupons: [{ code: 'WELCOME', kind: 'new_user', amount: 2_000 }] });
      for (let i = 0; i < size; i++) {
        yield { ...base, id: `ABUSE-${i}`, customer: { ...base.customer, id: `NEW-${i}` }, createdAt: minutesAfter(i % 600) };
      }
    }
    const batch = await triage.evaluateBatch(orders(), { now, keepReports: false });
    const abuse = batch.findings.filter((f) => f.code === 'COUPON_ABUSE');
    expect(abuse.length).toBeGreaterThan(0);
    for (const finding of abuse) expect(finding.orderIds).toHaveLength(size);
    const cancels = batch.actions.filter((a) => a.kind === 'cancel_order' && a.because.includes('COUPON_ABUSE'));
    expect(cancels.length).toBe(abuse.length * (size - 1));
  }, 600_000);
});
