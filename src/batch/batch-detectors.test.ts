import { buildOrder, minutesAfter } from 'order-triage/testing';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { MessageCatalogue } from '../messages/catalogue.js';
import { en } from '../messages/en.js';
import { createMessageKit } from '../messages/message-kit.js';
import { PolicySchema } from '../policy/policy.js';
import { type OrderSnapshot, OrderSnapshotSchema } from '../schema/snapshot.js';
import { type BatchThresholds, ClusterThresholdsSchema, defineBatchDetector } from './batch-detector.js';
import { BATCH_CODES, type BatchCode, createClusterCollector } from './clusters.js';
import { detectCrossOrderRows } from './detect-cross-order.js';
import { batchDetectors } from './detectors/index.js';

const now = Date.parse(minutesAfter(120));
const thresholds: BatchThresholds = { ...ClusterThresholdsSchema.parse({}), blacklistAtAccounts: 5 };
const policy = PolicySchema.parse({});
const settings = { policy, messages: en, kitFor: (currency: string) => createMessageKit('en', currency, 'UTC', 2) };

/** Orders by different accounts on one device, in a currency. */
const onOneDevice = (count: number, currency: string): OrderSnapshot[] =>
  Array.from(
    { length: count },
    (_, i) =>
      OrderSnapshotSchema.parse(
        buildOrder({
          id: `DEV-${i}`,
          currency,
          customer: { id: `D-${i}` },
          device: { fingerprint: 'fp-pair' },
          createdAt: minutesAfter(i),
          shippingAddress: { name: 'A', phone: `1370000001${i}`, country: 'CN', province: '广东省', city: '深圳市', line1: `路${i}号` },
        }),
      ) as OrderSnapshot,
  );

/** A detector defined outside the registry: two accounts on one device, with a goodwill coupon that moves money. */
const devicePair = defineBatchDetector({
  code: 'DEVICE_PAIR',
  severity: 'low',
  groupBy: ['device'],
  thresholds: () => ({ pairOf: 2 }),
  detect: (entries) => (new Set(entries.map((e) => e.customerId)).size === 2 ? entries : undefined),
  actions: (cluster) => [
    {
      kind: 'coupon',
      params: { amount: 10_000, currency: cluster.entries[0]?.currency ?? '', validDays: 7, reason: 'DEVICE_PAIR' },
      automatable: true,
      orderIds: [cluster.entries[0]?.orderId ?? ''],
      key: ['coupon'],
      amount: 10_000,
    },
    { kind: 'add_to_blacklist', params: { devices: [cluster.value] }, automatable: true, orderIds: cluster.entries.map((e) => e.orderId), key: [cluster.on], approval: 'manager' },
  ],
});

function detectedOf(orders: readonly OrderSnapshot[]) {
  const collector = createClusterCollector(now, thresholds);
  for (const order of orders) collector.add(order);
  // A detector outside the registry brings its own texts.
  const batch = {
    summaries: { ...en.batch.summaries, DEVICE_PAIR: () => 'Two accounts on one device.' },
    checklists: { ...en.batch.checklists, DEVICE_PAIR: ['Compare the accounts.'] },
  };
  const messages = { ...en, batch } as MessageCatalogue;
  return detectCrossOrderRows(collector.rows(), { ...settings, messages, now, thresholds, detectors: [...batchDetectors, devicePair] }, true);
}

describe('batch detectors', () => {
  it('runs a batch detector defined outside the registry on the groups its groupBy names, beside the built-in ones', () => {
    const found = detectedOf(onOneDevice(2, 'CNY')).findings;
    expect(found.map((f) => [f.code, f.evidence.shared.on, f.evidence.shared.value, f.orderIds, f.evidence.accounts])).toEqual([
      ['DEVICE_PAIR', 'device', 'fp-pair', ['DEV-0', 'DEV-1'], ['D-0', 'D-1']],
    ]);
    // Three accounts on the device: the built-in contact cluster, and no pair.
    expect(detectedOf(onOneDevice(3, 'CNY')).findings.map((f) => f.code)).toEqual(['SHARED_CONTACT_CLUSTER']);
  });

  it('derives the cross-order codes from the registry, and demands a summary and a checklist for each in every catalogue', () => {
    expect(BATCH_CODES).toEqual(batchDetectors.map((d) => d.code));
    expectTypeOf<BatchCode>().toEqualTypeOf<(typeof batchDetectors)[number]['code']>();
    expectTypeOf<keyof MessageCatalogue['batch']['summaries']>().toEqualTypeOf<BatchCode>();
    expectTypeOf<keyof MessageCatalogue['batch']['checklists']>().toEqualTypeOf<BatchCode>();
  });

  it('takes a batch action’s approval from policy.authority in its orders’ currency, raised to the role the detector asks for', () => {
    const finalise = (currency: string) => detectedOf(onOneDevice(2, currency)).actions;
    // 10_000 minor units: within an agent's CNY authority (¥100 ≤ ¥200), a supervisor's in USD ($30 < $100 ≤ $150).
    expect(finalise('CNY').map((a) => [a.kind, a.requiresApproval, a.automatable])).toEqual([
      ['coupon', 'none', true],
      ['add_to_blacklist', 'manager', false],
    ]);
    const usd = finalise('USD');
    expect(usd.map((a) => [a.kind, a.requiresApproval, a.automatable])).toEqual([
      ['coupon', 'supervisor', false],
      ['add_to_blacklist', 'manager', false],
    ]);
    // The staff note is written in the orders' currency, not in CNY.
    expect(usd[0]?.note).toContain('$100.00');
    expect(usd[0]?.idempotencyKey).toBe('batch/DEVICE_PAIR/device/fp-pair/coupon/coupon');
  });
});
