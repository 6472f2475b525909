import fc from 'fast-check';
import { createTriage, emptySummary, mergeSummaries, type OrderSnapshotInput } from 'order-triage';
import { buildOrder, buildPayment, buildShipment, minutesAfter, paymentScenarios, trackingEvent } from 'order-triage/testing';
import { describe, expect, it } from 'vitest';

const triage = createTriage({ locale: 'en' });
const now = minutesAfter(120);
const address = (line1: string, extra: Record<string, string> = {}) => ({
  name: '王五',
  phone: '13900139000',
  country: 'CN',
  province: '广东省',
  city: '深圳市',
  district: '南山区',
  line1,
  ...extra,
});
const clean = (i: number): OrderSnapshotInput =>
  buildOrder({ id: `CLEAN-${i}`, customer: { id: `C-${i}` }, shippingAddress: address(`科技园${i}栋101室`, { phone: `1380013${String(i).padStart(4, '0')}` }) });
const ringOrder = (i: number, line1: string, extra: Partial<OrderSnapshotInput> = {}) =>
  buildOrder({ id: `RING-${i}`, customer: { id: `R-${i}` }, shippingAddress: address(line1, { phone: `1370000000${i}` }), ...extra });

describe('evaluateBatch', () => {
  it('finds a ring hidden among clean orders with exactly its orders, and leaves a neighbour in another room out', async () => {
    const orders = [
      ...Array.from({ length: 30 }, (_, i) => clean(i)),
      ringOrder(1, '深南大道 10000 号 3栋1201室'),
      ringOrder(2, '深南大道10000號3幢1201'),
      ringOrder(3, '深南大道１００００号３座１２０１室'),
      buildOrder({ id: 'NEIGHBOUR', customer: { id: 'N' }, shippingAddress: address('深南大道10000号3栋1202室', { phone: '13700000009' }) }),
    ];
    const batch = await triage.evaluateBatch(orders, { now });
    expect(batch.findings.map((f) => [f.code, f.orderIds, f.evidence.accounts])).toEqual([['SHARED_ADDRESS_CLUSTER', ['RING-1', 'RING-2', 'RING-3'], ['R-1', 'R-2', 'R-3']]]);
    expect(batch.actions.map((a) => [a.kind, a.orderIds])).toEqual([['manual_review', ['RING-1', 'RING-2', 'RING-3']]]);
    expect(batch.reports).toHaveLength(34);
  });

  it('normalises English addresses the same way', async () => {
    const us = (i: number, line1: string) =>
      buildOrder({
        id: `US-${i}`,
        currency: 'USD',
        customer: { id: `U-${i}` },
        shippingAddress: { name: 'A', phone: `+1 415 555 010${i}`, country: 'US', province: 'CA', city: 'San Francisco', postalCode: '94105', line1 },
      });
    const batch = await triage.evaluateBatch([us(1, '1 Market Street, Apt 5'), us(2, '1 MARKET ST #5'), us(3, '1 market st. unit 5'), us(4, '1 Market St Unit 6')], { now });
    expect(batch.findings.map((f) => f.orderIds)).toEqual([['US-1', 'US-2', 'US-3']]);
  });

  it('proposes a big cluster’s address for the blacklist, and clusters shared phones and devices', async () => {
    const five = Array.from({ length: 5 }, (_, i) => ringOrder(i + 1, '人民路1号', { device: { fingerprint: 'fp-shared' } }));
    const batch = await triage.evaluateBatch(five, { now });
    expect(batch.findings.map((f) => [f.code, f.evidence.shared.on])).toEqual([
      ['SHARED_ADDRESS_CLUSTER', 'address'],
      ['SHARED_CONTACT_CLUSTER', 'device'],
    ]);
    expect(batch.actions.map((a) => a.kind)).toEqual(['manual_review', 'add_to_blacklist', 'manual_review']);
  });

  it('cancels repeated new-user coupon redemptions from one phone, keeping the first', async () => {
    const withCoupon = (i: number, status: 'paid' | 'shipped') =>
      buildOrder({
        id: `NEW-${i}`,
        status,
        customer: { id: `NEW-${i}` },
        coupons: [{ code: `WELCOME-${i}`, kind: 'new_user', amount: 2_000 }],
        shippingAddress: address(`幸福路${i}号`, { phone: '13600000000' }),
        createdAt: minutesAfter(i),
        ...(status === 'shipped' ? { shipments: [buildShipment()] } : {}),
      });
    const batch = await triage.evaluateBatch([withCoupon(1, 'paid'), withCoupon(2, 'paid'), withCoupon(3, 'shipped')], { now });
    const abuse = batch.findings.find((f) => f.code === 'COUPON_ABUSE');
    expect(abuse?.orderIds).toEqual(['NEW-1', 'NEW-2', 'NEW-3']);
    expect(batch.actions.filter((a) => a.because.includes('COUPON_ABUSE')).map((a) => [a.kind, a.orderIds, a.params])).toEqual([
      ['cancel_order', ['NEW-2'], { reason: 'coupon_abuse' }],
      ['add_to_blacklist', ['NEW-1', 'NEW-2', 'NEW-3'], { phones: ['13600000000'] }],
    ]);
  });

  it('flags rapid repeat orders by one account, and not the same orders spread over hours', async () => {
    const repeat = (i: number, minutes: number) =>
      buildOrder({ id: `REP-${i}`, customer: { id: 'ONE' }, shippingAddress: address(`A${i}路${i}号`, { phone: `1350000000${i}` }), createdAt: minutesAfter(minutes) });
    const quick = await triage.evaluateBatch(
      [0, 5, 10, 15, 20].map((m, i) => repeat(i, m)),
      { now },
    );
    expect(quick.findings.map((f) => [f.code, f.orderIds.length])).toEqual([['RAPID_REPEAT_ORDERS', 5]]);
    const spread = await triage.evaluateBatch(
      [0, 30, 60, 90, 115].map((m, i) => repeat(i, m)),
      { now },
    );
    expect(spread.findings).toEqual([]);
  });

  it('only compares orders inside the window ending at now', async () => {
    const old = [1, 2, 3].map((i) => ringOrder(i, '深南大道10000号', { createdAt: minutesAfter(-26 * 60) }));
    expect((await triage.evaluateBatch(old, { now })).findings).toEqual([]);
    const wide = createTriage({ batch: { windowHours: 48 } });
    expect((await wide.evaluateBatch(old, { now })).findings.map((f) => f.code)).toEqual(['SHARED_ADDRESS_CLUSTER']);
  });

  it('takes async iterables, streams without keeping reports, and goes on past a bad order', async () => {
    async function* stream() {
      yield clean(1);
      yield { id: 'BROKEN', totals: 'x' };
      yield clean(2);
    }
    const seen: string[] = [];
    const batch = await triage.evaluateBatch(stream(), { now, keepReports: false, onReport: (r) => seen.push(r.ok ? r.orderId : `invalid:${r.orderId}`) });
    expect(seen).toEqual(['CLEAN-1', 'invalid:BROKEN', 'CLEAN-2']);
    expect(batch.reports).toEqual([]);
    expect([batch.summary.orders, batch.summary.invalid]).toEqual([3, 1]);
  });
});

describe('KPI alerts', () => {
  const failedPayments = (n: number, failed: number) =>
    Array.from({ length: n }, (_, i) =>
      buildOrder({
        id: `K-${i}`,
        customer: { id: `K-${i}` },
        shippingAddress: address(`K路${i}号`, { phone: `1340000${String(i).padStart(4, '0')}` }),
        ...(i < failed ? { status: 'pending_payment' as const, payments: [buildPayment({ status: 'failed' })] } : {}),
      }),
    );

  it('fire when the payment success rate drops past the allowed drift, with numerator and denominator', async () => {
    const batch = await triage.evaluateBatch(failedPayments(120, 24), { now, baseline: { paymentSuccessRate: 0.95 } });
    expect(batch.kpis.find((k) => k.name === 'payment_success_rate')).toMatchObject({ numerator: 96, denominator: 120, rate: 0.8, baseline: 0.95, alert: true, emergency: false });
    expect(batch.actions.filter((a) => a.kind === 'tech_incident')).toEqual([]);
  });

  it('call a collapse an emergency and open a tech incident', async () => {
    const batch = await triage.evaluateBatch(failedPayments(120, 60), { now, baseline: { paymentSuccessRate: 0.95 } });
    expect(batch.kpis.find((k) => k.name === 'payment_success_rate')).toMatchObject({ rate: 0.5, emergency: true });
    expect(batch.actions.filter((a) => a.kind === 'tech_incident').map((a) => a.params)).toEqual([{ system: 'payment_success_rate', reason: 'kpi_collapse' }]);
  });

  it('stay quiet on noise below the minimum sample', async () => {
    const batch = await triage.evaluateBatch(failedPayments(20, 10), { now, baseline: { paymentSuccessRate: 0.95 } });
    expect(batch.kpis.find((k) => k.name === 'payment_success_rate')).toMatchObject({ rate: 0.5, alert: false, reason: '20 observations, fewer than the 100 needed' });
  });

  it('judge exception rates per category against their baseline', async () => {
    const batch = await triage.evaluateBatch(failedPayments(120, 30), { now, baseline: { exceptionRate: { payment: 0.05 } } });
    expect(batch.kpis.find((k) => k.name === 'exception_rate:payment')).toMatchObject({ numerator: 30, denominator: 120, alert: true });
  });
});

describe('review analytics', () => {
  it('count findings by code, category, region, SKU, carrier, channel and hour, with hotspots and carrier on-time performance', async () => {
    const late = buildOrder({
      id: 'LATE',
      status: 'delivered',
      channel: 'tmall',
      shipments: [buildShipment({ carrier: 'ZTO', estimatedDeliveryAt: minutesAfter(60), events: [trackingEvent('delivered', 90)] })],
    });
    const onTime = buildOrder({
      id: 'ONTIME',
      status: 'delivered',
      shipments: [buildShipment({ carrier: 'ZTO', estimatedDeliveryAt: minutesAfter(100), events: [trackingEvent('delivered', 90)] })],
    });
    const { order: dup } = paymentScenarios.duplicatePayment();
    const batch = await triage.evaluateBatch([late, onTime, dup], { now });
    expect(batch.summary.byCode).toEqual({ DUPLICATE_PAYMENT: 1 });
    expect(batch.summary.byProvince).toEqual({ 广东省: 1 });
    expect(batch.summary.bySku).toEqual({ 'SKU-TEE-M': 1 });
    expect(batch.summary.byHour).toEqual({ '10': 1 });
    expect(batch.summary.carriers).toEqual({ ZTO: { delivered: 2, onTime: 1 } });
    expect(batch.hotspots.code).toEqual([{ key: 'DUPLICATE_PAYMENT', count: 1 }]);
  });
});

describe('mergeable summaries', () => {
  const scenarioOrders = Array.from({ length: 40 }, (_, i) => {
    const kinds = [clean(i), ringOrder(i, '深南大道10000号'), { ...paymentScenarios.duplicatePayment().order, id: `D-${i}` }, { id: `BAD-${i}` }];
    return kinds[i % kinds.length];
  });

  it('merge two shards into exactly one pass over both, on random splits', async () => {
    const whole = (await triage.evaluateBatch(scenarioOrders, { now, keepReports: false })).summary;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.boolean(), { minLength: scenarioOrders.length, maxLength: scenarioOrders.length }), async (sides) => {
        const a = scenarioOrders.filter((_, i) => sides[i]);
        const b = scenarioOrders.filter((_, i) => !sides[i]);
        const [sa, sb] = await Promise.all([triage.evaluateBatch(a, { now, keepReports: false }), triage.evaluateBatch(b, { now, keepReports: false })]);
        expect(mergeSummaries(sa.summary, sb.summary)).toEqual(whole);
        expect(JSON.stringify(mergeSummaries(sb.summary, sa.summary))).toBe(JSON.stringify(whole));
      }),
      { numRuns: 60, seed: 3 },
    );
    expect(mergeSummaries(whole, emptySummary())).toEqual(whole);
  });
});
