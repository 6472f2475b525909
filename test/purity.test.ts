import { type Action, createTriage } from 'order-triage';
import { allScenarios, buildOrder, buildPayment, buildRefund, expectReport, logisticsScenarios, minutesAfter, paymentScenarios } from 'order-triage/testing';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { deepFreeze } from './helpers.js';

const scenarios = Object.entries(paymentScenarios).map(([name, make]) => [name, make()] as const);

describe('purity and determinism', () => {
  beforeEach(() => {
    vi.spyOn(Date, 'now').mockImplementation(() => {
      throw new Error('order-triage read the clock');
    });
    vi.spyOn(Math, 'random').mockImplementation(() => {
      throw new Error('order-triage used randomness');
    });
  });
  afterEach(() => vi.restoreAllMocks());

  it.each(scenarios)('gives byte-identical output for the same input and now (%s)', (_name, { order, now }) => {
    const a = JSON.stringify(createTriage().evaluate(order, { now }));
    const b = JSON.stringify(createTriage().evaluate(structuredClone(order), { now }));
    expect(a).toBe(b);
  });

  it.each(scenarios)('never mutates its input (%s)', (_name, { order, now }) => {
    const before = structuredClone(order);
    expectReport(createTriage().evaluate(deepFreeze(structuredClone(order)), { now }));
    createTriage().evaluate(order, { now });
    expect(order).toEqual(before);
  });

  it.each(scenarios)('emits plain objects that survive a JSON round trip unchanged (%s)', (_name, { order, now }) => {
    const report = expectReport(createTriage().evaluate(order, { now }));
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
    const visit = (value: unknown): void => {
      if (typeof value !== 'object' || value === null) return;
      const proto = Object.getPrototypeOf(value);
      expect(proto === Object.prototype || proto === Array.prototype).toBe(true);
      for (const child of Object.values(value)) visit(child);
    };
    visit(report);
  });

  it('shares no object with the snapshot, so changing the snapshot later cannot change a report', () => {
    const objectsIn = (value: unknown, into = new Set<object>()): Set<object> => {
      if (typeof value !== 'object' || value === null || into.has(value)) return into;
      into.add(value);
      for (const child of Object.values(value)) objectsIn(child, into);
      return into;
    };
    const triage = createTriage();
    for (const make of allScenarios) {
      const { order, now } = make();
      const inputs = objectsIn(order);
      for (const result of [triage.evaluate(order, { now }), triage.evaluate(order, { now, trusted: true })]) {
        const shared = [...objectsIn(result)].filter((o) => inputs.has(o));
        expect(shared).toEqual([]);
      }
    }
  });

  it('quotes records with fields of its own the same whatever their key order, copying them', () => {
    const { order, now } = logisticsScenarios.trackingStalled();
    const shipment = order.shipments?.[0];
    if (shipment === undefined) throw new Error('scenario has a shipment');
    const raw = { zeta: 1, alpha: { b: 2, a: 1 } };
    const withExtra = { ...order, shipments: [{ ...shipment, events: shipment.events.map((e) => ({ carrierRaw: raw, ...e })) }] };
    const reordered = {
      ...order,
      shipments: [{ ...shipment, events: shipment.events.map((e) => ({ ...Object.fromEntries(Object.entries(e).reverse()), carrierRaw: { alpha: { a: 1, b: 2 }, zeta: 1 } })) }],
    };
    const report = expectReport(createTriage().evaluate(withExtra, { now }));
    expect(JSON.stringify(createTriage().evaluate(reordered, { now }))).toBe(JSON.stringify(report));
    const quoted = (report.findings[0]?.evidence.records as { shipments: { events: { carrierRaw: unknown }[] }[] }).shipments[0]?.events[0];
    expect(quoted?.carrierRaw).toEqual(raw);
    expect(quoted?.carrierRaw).not.toBe(raw);
  });

  it('gives the same result whatever order the snapshot’s keys come in', () => {
    const { order, now } = paymentScenarios.duplicatePayment();
    const reversed = Object.fromEntries(Object.entries(order).reverse());
    expect(JSON.stringify(createTriage().evaluate(reversed, { now }))).toBe(JSON.stringify(createTriage().evaluate(order, { now })));
  });
});

describe('idempotency keys', () => {
  const order = buildOrder({
    payments: [
      buildPayment({ id: 'pay_1', amount: 20_900 }),
      buildPayment({ id: 'pay_2', amount: 15_000, createdAt: minutesAfter(2) }),
      buildPayment({ id: 'pay_3', amount: 10_000, createdAt: minutesAfter(3) }),
    ],
  });
  const run = (o = order) => expectReport(createTriage().evaluate(o, { now: minutesAfter(30) })).actions;

  it('are the same on every run for the same order state', () => {
    expect(run().map((a) => a.idempotencyKey)).toEqual(run().map((a) => a.idempotencyKey));
    expect(run().map((a) => a.idempotencyKey)).toEqual([
      'ORD-1001/refund/pay_3/10000',
      'ORD-1001/refund/pay_2/15000',
      'ORD-1001/contact_customer/message/duplicate_payment/refund%2Fpay_3%2F10000/refund%2Fpay_2%2F15000',
    ]);
  });

  it('are distinct across distinct actions', () => {
    const all: Action[] = [];
    for (const [, { order: o, now }] of scenarios) all.push(...expectReport(createTriage().evaluate(o, { now })).actions);
    all.push(...run());
    const keys = all.map((a) => a.idempotencyKey);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('change when the order state changes what the action must do', () => {
    const partly = { ...order, refunds: [buildRefund({ paymentId: 'pay_3', amount: 4_000 })] };
    expect(run(partly).map((a) => a.idempotencyKey)).toEqual([
      'ORD-1001/refund/pay_3/6000',
      'ORD-1001/refund/pay_2/15000',
      'ORD-1001/contact_customer/message/duplicate_payment/refund%2Fpay_3%2F6000/refund%2Fpay_2%2F15000',
    ]);
  });

  it('cannot collide when an order id contains the separator', () => {
    const slashy = buildOrder({ id: 'A/refund', payments: [buildPayment({ id: 'p' }), buildPayment({ id: 'q', createdAt: minutesAfter(2) })] });
    expect(run(slashy)[0]?.idempotencyKey).toBe('A%2Frefund/refund/q/20900');
  });
});
