import { type BatchSummary, createTriage, emptySummary, mergeSummaries, type TriageReport } from 'order-triage';
import { buildOrder, buildPayment, buildShipment, customerTextOf, expectReport, minutesAfter, trackingEvent } from 'order-triage/testing';
import { afterEach, describe, expect, it } from 'vitest';

// The examples of issue 12 ("Data used as object keys"), through the public API; the property
// test beside this file draws such names for every data-keyed field.

const prototypeKeys = Reflect.ownKeys(Object.prototype);

// On the code before the fix these tests write onto Object.prototype: undo it after each.
afterEach(() => {
  for (const key of Reflect.ownKeys(Object.prototype)) if (!prototypeKeys.includes(key)) delete (Object.prototype as Record<PropertyKey, unknown>)[key];
});

const triage = createTriage({ locale: 'en' });
const textsOf = (report: TriageReport) => report.actions.flatMap((a) => [a.note, a.customerMessage?.text].filter((t): t is string => t !== undefined));

describe('names that are also Object.prototype keys', () => {
  it('counts a delivered shipment whose carrier is "__proto__" under that name, and later triages still work', async () => {
    const order = buildOrder({
      status: 'delivered',
      shipments: [buildShipment({ carrier: '__proto__', events: [trackingEvent('picked_up', 120), trackingEvent('delivered', 2 * 24 * 60)] })],
    });
    const batch = await triage.evaluateBatch([order], { now: minutesAfter(5 * 24 * 60) });
    expect(Reflect.ownKeys(Object.prototype)).toEqual(prototypeKeys);
    expect(Object.getPrototypeOf(batch.summary.carriers)).toBe(Object.prototype);
    expect(Object.entries(batch.summary.carriers)).toEqual([['__proto__', { delivered: 1, onTime: 1 }]]);
    expect(JSON.stringify(batch.summary.carriers)).toBe('{"__proto__":{"delivered":1,"onTime":1}}');
    expect(expectReport(createTriage().evaluate(buildOrder(), { now: minutesAfter(60) })).findings).toEqual([]);
  });

  it('shows "constructor" as a payment method and "toString" as an unknown failure reason as given, never as a native function', () => {
    const order = buildOrder({ status: 'pending_payment', payments: [buildPayment({ method: 'constructor', status: 'failed', failureReason: 'toString' })] });
    const report = expectReport(triage.evaluate(order, { now: minutesAfter(10) }));
    expect(customerTextOf(report)).toBe(
      'Hello! This is about your order ORD-1001. Your payment of CN¥209.00 on Mar 1, 2026, 10:01 did not go through. We are holding your items until Mar 2, 2026, 10:00: you can try again, or pay with another method such as Alipay, WeChat Pay, or UnionPay. We are sorry for the trouble.',
    );
    for (const text of textsOf(report)) expect(text).not.toContain('[native code]');
  });

  it('refunds a duplicate payment made by a method named "constructor" with the default refund time, in both locales', () => {
    const order = buildOrder({ payments: [buildPayment({ method: 'constructor' }), buildPayment({ id: 'pay_2', method: 'constructor', createdAt: minutesAfter(2) })] });
    for (const [t, eta] of [
      [triage, '3–7 business days'],
      [createTriage(), '3–7 个工作日'],
    ] as const) {
      const text = customerTextOf(expectReport(t.evaluate(order, { now: minutesAfter(30) })));
      expect(text).toContain(eta);
      expect(text).toContain('constructor');
      expect(text).not.toContain('undefined');
    }
  });

  it('counts findings under a province, city, channel and SKU named "constructor", "toString", "hasOwnProperty" and "valueOf"', async () => {
    const order = (id: string) =>
      buildOrder({
        id,
        status: 'pending_payment',
        channel: 'hasOwnProperty',
        payments: [buildPayment({ status: 'failed' })],
        items: [{ sku: 'valueOf', name: 'T', quantity: 1, unitPrice: 19_900 }],
        shippingAddress: { name: '王五', phone: '13900139000', country: 'CN', province: 'constructor', city: 'toString', district: '南山区', line1: '科技园1栋101室' },
      });
    const batch = await triage.evaluateBatch([order('A'), order('B')], { now: minutesAfter(60) });
    const s = batch.summary;
    expect([s.byProvince, s.byCity, s.byChannel, s.bySku, s.byCode].map((counts) => Object.entries(counts))).toEqual([
      [['constructor', 2]],
      [['toString', 2]],
      [['hasOwnProperty', 2]],
      [['valueOf', 2]],
      [['PAYMENT_FAILED', 2]],
    ]);
    expect(batch.hotspots.city).toEqual([{ key: 'toString', count: 2 }]);
  });

  it('merges summaries read back from JSON whose counts are keyed "__proto__" and "constructor"', () => {
    const shard = (n: number): BatchSummary => {
      const s = JSON.parse(JSON.stringify(emptySummary())) as BatchSummary;
      return JSON.parse(
        JSON.stringify(s)
          .replace('"byCarrier":{}', `"byCarrier":{"__proto__":${n},"constructor":${n}}`)
          .replace('"carriers":{}', `"carriers":{"__proto__":{"delivered":${n},"onTime":${n}}}`),
      ) as BatchSummary;
    };
    const merged = mergeSummaries(shard(2), shard(3));
    expect(Reflect.ownKeys(Object.prototype)).toEqual(prototypeKeys);
    expect(JSON.stringify(merged.byCarrier)).toBe('{"__proto__":5,"constructor":5}');
    expect(JSON.stringify(merged.carriers)).toBe('{"__proto__":{"delivered":5,"onTime":5}}');
  });

  it('judges a baseline exception rate for a category named "toString" against zero orders, not a function', async () => {
    const batch = await triage.evaluateBatch([buildOrder()], { now: minutesAfter(60), baseline: { exceptionRate: { toString: 0.5 } } });
    const kpi = batch.kpis.find((k) => k.name === 'exception_rate:toString');
    expect(kpi).toMatchObject({ numerator: 0, denominator: 1, rate: 0, baseline: 0.5 });
  });
});
