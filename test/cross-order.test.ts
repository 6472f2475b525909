import { createTriage, isOrderTriageError, mergeCrossOrder, type OrderSnapshotInput } from 'order-triage';
import { buildOrder, minutesAfter } from 'order-triage/testing';
import { describe, expect, it } from 'vitest';

const triage = createTriage({ locale: 'en' });
const now = minutesAfter(120);
const ringOrder = (i: number, line1: string, extra: Partial<OrderSnapshotInput> = {}) =>
  buildOrder({
    id: `RING-${i}`,
    createdAt: minutesAfter(i),
    customer: { id: `R-${i}` },
    shippingAddress: { name: '王五', phone: '13700000000', country: 'CN', province: '广东省', city: '深圳市', district: '南山区', line1 },
    ...extra,
  });

describe('crossOrderKeys', () => {
  it('gives one plain JSON row per thing an order can share, each key namespaced by its kind', () => {
    const rows = triage.crossOrderKeys(ringOrder(1, '深南大道10000号3栋1201室', { device: { fingerprint: 'fp-1' }, coupons: [{ code: 'N', kind: 'new_user', amount: 500 }] }), {
      now,
    });
    expect(rows.map((r) => [r.kind, r.key])).toEqual([
      ['address', 'address:广东省深圳市南山区深南大道10000号3栋1201'],
      ['phone', 'phone:+8613700000000'],
      ['device', 'device:fp-1'],
      ['customer', 'customer:R-1'],
    ]);
    expect(rows[0]).toEqual({
      kind: 'address',
      key: rows[0]?.key,
      value: '广东省 深圳市 南山区 深南大道10000号3栋1201室',
      orderId: 'RING-1',
      accountId: 'R-1',
      at: new Date(minutesAfter(1)).toISOString(),
      updatedAt: new Date(minutesAfter(1)).toISOString(),
      currency: 'CNY',
      unshipped: true,
      couponKinds: ['new_user'],
      batchKeysTaken: [],
    });
    expect(JSON.parse(JSON.stringify(rows))).toEqual(rows);
  });

  it('gives no rows for an invalid snapshot, none for an allowlisted address or phone, and throws on a malformed allowlist naming its path', () => {
    expect(triage.crossOrderKeys({ id: 'BROKEN' }, { now })).toEqual([]);
    const order = ringOrder(1, '人民路1号');
    expect(triage.crossOrderKeys(order, { now, allowlist: { addresses: ['人民路1号'], phones: ['137 0000 0000'] } }).map((r) => r.kind)).toEqual(['customer']);
    let thrown: unknown;
    try {
      triage.crossOrderKeys(order, { now, allowlist: { phones: [1] } as never });
    } catch (error) {
      thrown = error;
    }
    expect(isOrderTriageError(thrown) && thrown.issues.map((i) => i.path)).toEqual([['context', 'allowlist', 'phones', 0]]);
  });
});

describe('detectCrossOrder', () => {
  const ring = [1, 2, 3, 4, 5].map((i) => ringOrder(i, `人民路1号${i % 2 === 0 ? '' : ' '}`));

  it('finds a ring linked by address and phone once per key, and merging the per-key results equals detecting over all rows', () => {
    const rows = ring.flatMap((order) => triage.crossOrderKeys(order, { now }));
    const all = triage.detectCrossOrder(rows, { now });
    expect(all.findings.map((f) => [f.code, f.evidence.shared.key, f.orderIds.length])).toEqual([
      ['SHARED_ADDRESS_CLUSTER', 'address:广东省深圳市南山区人民路1号', 5],
      ['SHARED_CONTACT_CLUSTER', 'phone:+8613700000000', 5],
    ]);
    const byKey = new Map<string, typeof rows>();
    for (const row of rows) byKey.set(row.key, [...(byKey.get(row.key) ?? []), row]);
    const perKey = [...byKey.values()].reverse().map((group) => triage.detectCrossOrder(group, { now }));
    expect(mergeCrossOrder(perKey)).toEqual(all);
  });

  it('reads rows as a database returns them (Dates, nulls), keeps the latest copy of an order, and leaves orders outside the window out', () => {
    const rows = ring.flatMap((order) => triage.crossOrderKeys(order, { now })).map((row) => ({ ...row, at: new Date(row.at), couponKinds: null, batchKeysTaken: null }));
    expect(triage.detectCrossOrder(rows, { now }).findings).toHaveLength(2);
    // A later copy of RING-5 moved to another address and phone: the ring is four orders.
    const moved = triage.crossOrderKeys(
      { ...ring[4], updatedAt: minutesAfter(30), shippingAddress: { ...ring[4]?.shippingAddress, line1: '解放路9号', phone: '13900000000' } },
      { now },
    );
    expect(triage.detectCrossOrder([...rows, ...moved], { now }).findings.map((f) => f.orderIds)).toEqual([
      ['RING-1', 'RING-2', 'RING-3', 'RING-4'],
      ['RING-1', 'RING-2', 'RING-3', 'RING-4'],
    ]);
    // A day and a half later, the ring is out of the 24-hour window.
    expect(triage.detectCrossOrder(rows, { now: minutesAfter(36 * 60) }).findings).toEqual([]);
  });

  it('throws one OrderTriageError listing every bad row field (a time without an offset too) and a bad now, with their paths', () => {
    let thrown: unknown;
    try {
      triage.detectCrossOrder(
        [
          { kind: 'phone', key: 'address:x', value: 'x', orderId: 1, accountId: 'A', at: 'yesterday', currency: 'CNY', unshipped: 'no' },
          null,
          // Without an offset, the time would depend on the process's time zone.
          {
            kind: 'phone',
            key: 'phone:+8613700000000',
            value: 'x',
            orderId: 'O',
            accountId: 'A',
            at: '2026-03-01 02:00:00',
            updatedAt: '2026-03-01T02:00:00+0800',
            currency: 'CNY',
            unshipped: true,
          },
        ],
        { now: 'soon' },
      );
    } catch (error) {
      thrown = error;
    }
    const paths = isOrderTriageError(thrown) ? [...new Set(thrown.issues.map((i) => JSON.stringify(i.path)))].map((p) => JSON.parse(p)) : [];
    expect(paths).toEqual([
      ['context', 'now'],
      ['rows', 0, 'key'],
      ['rows', 0, 'orderId'],
      ['rows', 0, 'at'],
      ['rows', 0, 'updatedAt'],
      ['rows', 0, 'unshipped'],
      ['rows', 1],
      ['rows', 2, 'at'],
    ]);
  });
});

describe('evaluateBatch on crossOrderKeys and detectCrossOrder', () => {
  it('names a cluster’s value as its first order in creation order wrote it, whatever the input order, and gives the key it was grouped by', async () => {
    const orders = [ringOrder(3, '人民路 1 号'), ringOrder(1, '人民路1号'), ringOrder(2, '人民路１号')];
    const batch = await triage.evaluateBatch(orders, { now });
    expect(batch.findings[0]?.evidence.shared).toEqual({ on: 'address', value: '广东省 深圳市 南山区 人民路1号', key: 'address:广东省深圳市南山区人民路1号' });
    const rows = orders.flatMap((order) => triage.crossOrderKeys(order, { now }));
    expect(triage.detectCrossOrder(rows, { now }).findings).toEqual(batch.findings);
  });
});
