import fc from 'fast-check';
import { BATCH_CODES, type CrossOrderKey, type CrossOrderResult, createTriage, mergeCrossOrder, type OrderSnapshotInput } from 'order-triage';
import { buildOrder, GENERATED_NOW, generateOrders, minutesAfter } from 'order-triage/testing';
import { describe, expect, it } from 'vitest';

const triage = createTriage({ locale: 'en' });
const now = GENERATED_NOW;
const codes: ReadonlySet<string> = new Set(BATCH_CODES);

type RingSpec = {
  accounts: number;
  ordersPerAccount: number;
  address: boolean;
  phone: boolean;
  device: boolean;
  coupon: boolean;
  shipped: boolean;
  startMinutes: number;
  stepMinutes: number;
};

/** A planted ring: accounts linked by an address, a phone and/or a device, some with new-user coupons, some orders by one account in a burst. */
const ringSpec = fc.record({
  accounts: fc.integer({ min: 2, max: 6 }),
  ordersPerAccount: fc.integer({ min: 1, max: 6 }),
  address: fc.boolean(),
  phone: fc.boolean(),
  device: fc.boolean(),
  coupon: fc.boolean(),
  shipped: fc.boolean(),
  // Minutes before now: a ring may straddle the 24-hour window's start.
  startMinutes: fc.integer({ min: 0, max: 26 * 60 }),
  stepMinutes: fc.integer({ min: 0, max: 40 }),
});

function ringOrders(r: number, spec: RingSpec): OrderSnapshotInput[] {
  const orders: OrderSnapshotInput[] = [];
  let n = 0;
  for (let a = 0; a < spec.accounts; a++) {
    for (let k = 0; k < spec.ordersPerAccount; k++, n++) {
      const createdMinutes = 10 * 60 - spec.startMinutes + n * spec.stepMinutes;
      orders.push(
        buildOrder({
          id: `P-${r}-${a}-${k}`,
          status: spec.shipped && n % 2 === 1 ? 'shipped' : 'paid',
          createdAt: minutesAfter(Math.min(createdMinutes, 10 * 60)),
          customer: { id: `PR-${r}-${a}`, accountCreatedAt: '2025-01-01T00:00:00+08:00' },
          shippingAddress: {
            name: '收货人',
            phone: spec.phone ? `1590000${String(r).padStart(4, '0')}` : `158${String(r * 1000 + n).padStart(8, '0')}`,
            country: 'CN',
            province: '广东省',
            city: '深圳市',
            district: '南山区',
            // Spelled differently by each order: normalisation puts them in one group.
            line1: spec.address ? (n % 2 === 0 ? `团结路${r}号1栋101室` : `团结路 ${r} 號 1 幢 101`) : `独立路${r}-${n}号`,
          },
          ...(spec.device ? { device: { fingerprint: `fp-ring-${r}` } } : {}),
          ...(spec.coupon ? { coupons: [{ code: `NEW-${r}-${n}`, kind: 'new_user', amount: 500 }] } : {}),
        }),
      );
    }
  }
  return orders;
}

/** The rows grouped by key, in first-seen order. */
function groupsByKey(rows: readonly CrossOrderKey[]): CrossOrderKey[][] {
  const groups = new Map<string, CrossOrderKey[]>();
  for (const row of rows) {
    const group = groups.get(row.key);
    if (group === undefined) groups.set(row.key, [row]);
    else group.push(row);
  }
  return [...groups.values()];
}

/** `evaluateBatch`'s cross-order part: its findings, and the actions they bring (not the systemic or KPI incidents). */
async function batchCrossOrder(orders: readonly OrderSnapshotInput[]): Promise<CrossOrderResult> {
  const batch = await triage.evaluateBatch(orders, { now, keepReports: false });
  return { findings: batch.findings, actions: batch.actions.filter((a) => a.because.some((c) => codes.has(c))) };
}

/** A JSON-friendly rows' round trip, as a database hands them back: `at` as a Date. */
const fromDatabase = (rows: readonly CrossOrderKey[]) => rows.map((row) => ({ ...JSON.parse(JSON.stringify(row)), at: new Date(row.at) }));

describe('cross-order detection past one machine', () => {
  it('detecting per group of equal key (in any partition, any order) and merging equals detecting over all rows, and equals evaluateBatch', async () => {
    const seen = new Set<string>();
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 1, max: 1_000 }),
        fc.integer({ min: 0, max: 2 }),
        fc.array(ringSpec, { maxLength: 4 }),
        fc.integer({ min: 1, max: 5 }),
        fc.infiniteStream(fc.nat()),
        async (count, seed, rings, specs, shards, random) => {
          const orders = [...generateOrders({ count, seed, rings }), ...specs.flatMap((spec, r) => ringOrders(r, spec))];
          const rows = orders.flatMap((order) => triage.crossOrderKeys(order, { now }));
          const all = triage.detectCrossOrder(rows, { now });
          // One result per key, the groups in a shuffled order, each group's rows shuffled.
          const draw = random[Symbol.iterator]();
          const next = () => draw.next().value as number;
          const groups = groupsByKey(rows).map((group) =>
            group
              .map((row) => [next(), row] as const)
              .sort((x, y) => x[0] - y[0])
              .map(([, row]) => row),
          );
          const perKey = groups.map((group) => [next(), triage.detectCrossOrder(fromDatabase(group), { now })] as const).sort((x, y) => x[0] - y[0]);
          // Whole groups spread over a few shards.
          const byShard = Array.from({ length: shards }, () => [] as CrossOrderKey[]);
          for (const group of groups) byShard[next() % shards]?.push(...group);
          const perShard = byShard.map((shard) => triage.detectCrossOrder(shard, { now }));
          expect(JSON.stringify(mergeCrossOrder(perKey.map(([, result]) => result)))).toBe(JSON.stringify(all));
          expect(JSON.stringify(mergeCrossOrder(perShard))).toBe(JSON.stringify(all));
          expect(JSON.stringify(await batchCrossOrder(orders))).toBe(JSON.stringify(all));
          for (const finding of all.findings) seen.add(`${finding.code}/${finding.evidence.shared.on}`);
        },
      ),
      { numRuns: 40 },
    );
    // The planted rings made every kind of finding on every kind of key, so the law was tested on them.
    expect([...seen].sort()).toEqual(
      expect.arrayContaining([
        'COUPON_ABUSE/address',
        'COUPON_ABUSE/device',
        'COUPON_ABUSE/phone',
        'RAPID_REPEAT_ORDERS/customer',
        'SHARED_ADDRESS_CLUSTER/address',
        'SHARED_CONTACT_CLUSTER/device',
        'SHARED_CONTACT_CLUSTER/phone',
      ]),
    );
  });
});
