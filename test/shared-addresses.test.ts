import { createTriage, type OrderSnapshotInput } from 'order-triage';
import { buildOrder, buildShipment, minutesAfter } from 'order-triage/testing';
import { describe, expect, it } from 'vitest';

const triage = createTriage({ locale: 'en' });
const now = minutesAfter(120);
const at = (i: number, line1: string, phone = `1370000000${i}`, extra: Partial<OrderSnapshotInput> = {}): OrderSnapshotInput =>
  buildOrder({
    id: `O-${i}`,
    customer: { id: `C-${i}` },
    shippingAddress: { name: `同事${i}`, phone, country: 'CN', province: '广东省', city: '深圳市', district: '南山区', line1 },
    ...extra,
  });
const six = (line1: string) => Array.from({ length: 6 }, (_, i) => at(i + 1, line1));

describe('shared business and pickup addresses', () => {
  it.each([
    ['an office reception desk', '科技园 腾讯大厦 前台'],
    ['a company', '科技园路1号 深圳市某某科技有限公司'],
    ['a parcel station', '桃园路 菜鸟驿站'],
    ['a parcel locker', '幸福小区 丰巢快递柜'],
    ['an English front desk', 'Tower 2, Front Desk'],
    ['an English locker', 'Amazon Locker 12'],
  ])('six colleagues ordering to %s make a medium-severity cluster that risk reviews, with no blacklist proposal', async (_name, line1) => {
    const batch = await triage.evaluateBatch(six(line1), { now });
    expect(batch.findings.map((f) => [f.code, f.severity, f.evidence.shared.on, f.evidence.shared.businessOrPickup])).toEqual([
      ['SHARED_ADDRESS_CLUSTER', 'medium', 'address', true],
    ]);
    expect(batch.actions.map((a) => a.kind)).toEqual(['manual_review']);
  });

  it('six accounts at one home stay a high-severity cluster whose address is proposed for the blacklist, for a supervisor to approve', async () => {
    const batch = await triage.evaluateBatch(six('幸福路8号3栋201室'), { now });
    expect(batch.findings.map((f) => [f.code, f.severity, f.evidence.shared.businessOrPickup])).toEqual([['SHARED_ADDRESS_CLUSTER', 'high', undefined]]);
    expect(batch.actions.map((a) => [a.kind, a.requiresApproval, a.automatable])).toEqual([
      ['manual_review', 'none', false],
      ['add_to_blacklist', 'supervisor', false],
    ]);
  });

  it('a coupon abuser’s phone is proposed for the blacklist only with a supervisor’s approval', async () => {
    const redeem = (i: number) =>
      at(i, `幸福路${i}号`, '13600000000', {
        coupons: [{ code: `W-${i}`, kind: 'new_user', amount: 2_000 }],
        createdAt: minutesAfter(i),
        status: 'shipped',
        shipments: [buildShipment()],
      });
    const batch = await triage.evaluateBatch([redeem(1), redeem(2)], { now });
    expect(batch.actions.filter((a) => a.kind === 'add_to_blacklist').map((a) => [a.params, a.requiresApproval])).toEqual([[{ phones: ['13600000000'] }, 'supervisor']]);
  });
});

describe('the allowlist in the context', () => {
  it('leaves an allowlisted address out of the clusters, whatever its spelling', async () => {
    const orders = six('幸福路8号3栋201室');
    expect((await triage.evaluateBatch(orders, { now })).findings).not.toEqual([]);
    const batch = await triage.evaluateBatch(orders, { now, allowlist: { addresses: ['广东省深圳市南山区 幸福路8號3幢201'] } });
    expect(batch.findings).toEqual([]);
    expect(batch.actions).toEqual([]);
    expect(batch.reports.every((r) => r.ok)).toBe(true);
  });

  it('leaves an allowlisted phone out of the contact clusters, whatever its spelling', async () => {
    const orders = [1, 2, 3].map((i) => at(i, `幸福路${i}号`, '0755-86013388'));
    expect((await triage.evaluateBatch(orders, { now })).findings.map((f) => [f.code, f.evidence.shared.on])).toEqual([['SHARED_CONTACT_CLUSTER', 'phone']]);
    const batch = await triage.evaluateBatch(orders, { now, allowlist: { phones: ['+86 755 8601 3388'] } });
    expect(batch.findings).toEqual([]);
    expect(batch.reports.map((r) => r.ok)).toEqual([true, true, true]);
    // One order evaluated alone accepts the same context.
    expect(triage.evaluate(orders[0], { now, allowlist: { phones: ['+86 755 8601 3388'] } }).ok).toBe(true);
  });

  it('rejects a malformed allowlist before any order is read, naming its path', async () => {
    await expect(triage.evaluateBatch([], { now, allowlist: { addresses: 'x' } } as never)).rejects.toMatchObject({ issues: [{ path: ['context', 'allowlist', 'addresses'] }] });
  });
});
