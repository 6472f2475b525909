import { createTriage, isOrderTriageError, type OrderSnapshotInput } from 'order-triage';
import { buildOrder, buildShipment, minutesAfter } from 'order-triage/testing';
import { describe, expect, it, vi } from 'vitest';

const triage = createTriage({ locale: 'en' });
const now = minutesAfter(120);
const address = (line1: string, phone: string) => ({ name: '王五', phone, country: 'CN', province: '广东省', city: '深圳市', district: '南山区', line1 });
/** A normal order that redeemed a new-user coupon, by its own account, from its own address. */
const couponOrder = (id: string, overrides: Partial<OrderSnapshotInput> = {}) =>
  buildOrder({
    id,
    customer: { id: `C-${id}` },
    coupons: [{ code: `WELCOME-${id}`, kind: 'new_user', amount: 2_000 }],
    shippingAddress: address('幸福路1号', '13600000000'),
    device: { fingerprint: `fp-${id}` },
    createdAt: minutesAfter(1),
    ...overrides,
  });
const updatedAt = (minutes: number) => ({ updatedAt: minutesAfter(minutes) });

describe('evaluateBatch with an order delivered more than once', () => {
  it('sees one order, not coupon abuse or rapid repeats, in 2 or 5 copies of a normal order, whatever their updatedAt', async () => {
    for (const copies of [[couponOrder('A'), couponOrder('A')], [1, 2, 3, 4, 5].map(() => couponOrder('A')), [5, 1, 30, 2, 30].map((m) => couponOrder('A', updatedAt(m)))]) {
      const batch = await triage.evaluateBatch(copies, { now });
      expect(batch.findings).toEqual([]);
      expect(batch.actions).toEqual([]);
      // Each copy still gets its report; the summary counts the order once.
      expect(batch.reports).toHaveLength(copies.length);
      expect([batch.summary.orders, batch.summary.kpi.validOrders, batch.summary.kpi.paymentAttempts]).toEqual([1, 1, 1]);
    }
  });

  it('counts a payment recorded twice under one id as one attempt in the KPIs', async () => {
    const payment = { id: 'pay_1', method: 'alipay', status: 'succeeded' as const, amount: 10_000, createdAt: minutesAfter(2), paidAt: minutesAfter(2) };
    const order = couponOrder('A', { totals: { items: 10_000, shipping: 0, discount: 0, payable: 10_000 }, payments: [payment, { ...payment }] });
    const batch = await triage.evaluateBatch([order], { now });
    expect([batch.summary.kpi.paymentAttempts, batch.summary.kpi.paymentsSucceeded]).toEqual([1, 1]);
  });

  it('streams copies through an async iterable without keeping reports, and still sees one order', async () => {
    async function* stream() {
      for (let i = 0; i < 5; i++) yield couponOrder('A', updatedAt(i));
    }
    const batch = await triage.evaluateBatch(stream(), { now, keepReports: false });
    expect([batch.findings, batch.reports, batch.summary.orders]).toEqual([[], [], 1]);
  });

  it('still finds real clusters, each order once, when their orders arrive twice', async () => {
    const ring = (i: number) => buildOrder({ id: `RING-${i}`, customer: { id: `R-${i}` }, shippingAddress: address('深南大道10000号3栋1201室', `1370000000${i}`) });
    const batch = await triage.evaluateBatch([ring(1), ring(2), ring(1), ring(3), ring(2)], { now });
    expect(batch.findings.map((f) => [f.code, f.orderIds, f.evidence.accounts])).toEqual([['SHARED_ADDRESS_CLUSTER', ['RING-1', 'RING-2', 'RING-3'], ['R-1', 'R-2', 'R-3']]]);
    expect(batch.summary.orders).toBe(3);
    const abuse = await triage.evaluateBatch([couponOrder('A'), couponOrder('B'), couponOrder('A'), couponOrder('B')], { now });
    expect(abuse.findings.filter((f) => f.code === 'COUPON_ABUSE').map((f) => [f.evidence.shared.on, f.orderIds])).toEqual([
      ['address', ['A', 'B']],
      ['phone', ['A', 'B']],
    ]);
  });

  it('judges an order by its copy with the latest updatedAt, and by the later copy in the input on ties', async () => {
    const shipped = { status: 'shipped' as const, shipments: [buildShipment()] };
    const cancels = async (copies: OrderSnapshotInput[]) => {
      const batch = await triage.evaluateBatch([couponOrder('A'), ...copies], { now });
      expect(batch.findings.find((f) => f.code === 'COUPON_ABUSE')?.orderIds).toEqual(['A', 'B']);
      // One cancel_order per cluster (address and phone) that names the order.
      return [...new Set(batch.actions.filter((a) => a.kind === 'cancel_order').flatMap((a) => a.orderIds))];
    };
    // B shipped at minute 30; an older copy (minute 10), still unshipped, arrives after it and is ignored.
    expect(await cancels([couponOrder('B', { ...shipped, ...updatedAt(30) }), couponOrder('B', updatedAt(10))])).toEqual([]);
    // The newer copy arrives last: it is the one judged.
    expect(await cancels([couponOrder('B', updatedAt(10)), couponOrder('B', { ...shipped, ...updatedAt(30) })])).toEqual([]);
    // Same updatedAt: the later copy in the input wins.
    expect(await cancels([couponOrder('B', { ...shipped, ...updatedAt(30) }), couponOrder('B', updatedAt(30))])).toEqual(['B']);
    expect(await cancels([couponOrder('B', updatedAt(30)), couponOrder('B', { ...shipped, ...updatedAt(30) })])).toEqual([]);
  });

  it('drops a copy from the clusters when its latest copy moved out of them', async () => {
    const ring = (i: number, line1 = '人民路1号') => buildOrder({ id: `RING-${i}`, customer: { id: `R-${i}` }, shippingAddress: address(line1, `1370000000${i}`) });
    // RING-3's address was corrected after the first delivery: two accounts remain at 人民路1号.
    const batch = await triage.evaluateBatch([ring(1), ring(2), ring(3), { ...ring(3, '解放路9号'), ...updatedAt(60) }], { now });
    expect(batch.findings).toEqual([]);
  });
});

describe('evaluateBatch arguments', () => {
  const rejection = async (context: Record<string, unknown>, snapshots: unknown = [couponOrder('A')]) => {
    const error: unknown = await triage.evaluateBatch(snapshots as never, { now, ...context } as never).then(
      () => undefined,
      (e: unknown) => e,
    );
    if (!isOrderTriageError(error)) throw new Error(`expected an OrderTriageError, got ${String(error)}`);
    return error.issues.map((i) => i.path);
  };

  it('refuses each bad argument the same way, an OrderTriageError naming its path, before any order is read or reported', async () => {
    const onReport = vi.fn();
    let pulled = 0;
    function* orders() {
      pulled++;
      yield couponOrder('A');
    }
    expect(await rejection({ onReport: 'log' }, orders())).toEqual([['context', 'onReport']]);
    expect(await rejection({ onReport, keepReports: 'no' }, orders())).toEqual([['context', 'keepReports']]);
    expect(await rejection({ onReport, keepReports: 0 }, orders())).toEqual([['context', 'keepReports']]);
    expect(await rejection({ onReport, baseline: { paymentSuccessRate: 2 } }, orders())).toEqual([['context', 'baseline', 'paymentSuccessRate']]);
    expect(await rejection({ onReport, baseline: 'last week' }, orders())).toEqual([['context', 'baseline']]);
    expect(await rejection({ onReport }, 42)).toEqual([['snapshots']]);
    expect(onReport).not.toHaveBeenCalled();
    expect(pulled).toBe(0);
  });

  it('lists every bad argument at once', async () => {
    expect(await rejection({ onReport: {}, keepReports: 'yes', baseline: { paymentSuccessRate: -1 } }, null)).toEqual([
      ['snapshots'],
      ['context', 'baseline', 'paymentSuccessRate'],
      ['context', 'keepReports'],
      ['context', 'onReport'],
    ]);
  });

  it('refuses a context whose fields cannot be read, instead of failing with its error', async () => {
    const context = {
      now,
      get onReport(): never {
        throw new Error('boom');
      },
    };
    const error: unknown = await triage.evaluateBatch([], context as never).catch((e: unknown) => e);
    expect(isOrderTriageError(error) && error.issues.map((i) => i.path)).toEqual([['context']]);
  });

  it('accepts the arguments left out, and each of the right type', async () => {
    const onReport = vi.fn();
    const batch = await triage.evaluateBatch([couponOrder('A')], { now, onReport, keepReports: false, baseline: { paymentSuccessRate: 0.9 } });
    expect([batch.reports.length, onReport.mock.calls.length]).toEqual([0, 1]);
    expect((await triage.evaluateBatch([couponOrder('A')], { now })).reports).toHaveLength(1);
  });
});

describe('evaluateBatch with orders that look like promises', () => {
  it('reads each order of an array as it is: a `then` that never settles, throws or answers another order stops nothing and replaces nothing', async () => {
    const never = { ...couponOrder('NEVER'), then() {} };
    const replaces = { ...couponOrder('SELF'), then: (resolve: (value: unknown) => void) => resolve(couponOrder('SOMEONE-ELSE')) };
    const throwing = new Proxy(couponOrder('THROWS'), {
      get(target, key, receiver) {
        if (key === 'then') throw new Error('then was read');
        return Reflect.get(target, key, receiver);
      },
    });
    const batch = await triage.evaluateBatch([couponOrder('A'), never, replaces, throwing, couponOrder('B')], { now });
    expect(batch.reports.map((report) => (report.ok ? report.orderId : `${report.orderId}:${report.error.code}`))).toEqual(['A', 'NEVER', 'SELF', 'THROWS', 'B']);
  });
});
