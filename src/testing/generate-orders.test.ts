import { createTriage } from 'order-triage';
import { GENERATED_NOW, generateOrders, RING_SIZE } from 'order-triage/testing';
import { describe, expect, it } from 'vitest';

const triage = createTriage();

describe('generateOrders', () => {
  it('gives the same orders for the same seed, and other orders for another', () => {
    const a = [...generateOrders({ count: 50, seed: 5 })];
    expect([...generateOrders({ count: 50, seed: 5 })]).toEqual(a);
    expect([...generateOrders({ count: 50, seed: 6 })]).not.toEqual(a);
  });

  it('makes clean orders that raise nothing', () => {
    for (const order of generateOrders({ count: 2_000, seed: 1, exceptionRate: 0, ordersPerDay: 500 })) {
      const report = triage.evaluate(order, { now: GENERATED_NOW });
      expect(report.ok && report.findings.map((f) => f.code)).toEqual([]);
    }
  });

  it('mixes in about the requested share of exceptions, from every category', () => {
    let withFindings = 0;
    const categories = new Set<string>();
    for (const order of generateOrders({ count: 3_000, seed: 2 })) {
      const report = triage.evaluate(order, { now: GENERATED_NOW });
      if (report.ok && report.findings.length > 0) withFindings++;
      if (report.ok) for (const f of report.findings) categories.add(f.category);
    }
    expect(withFindings / 3_000).toBeGreaterThan(0.06);
    expect(withFindings / 3_000).toBeLessThan(0.12);
    expect([...categories].sort()).toEqual(['customer', 'fraud', 'inventory', 'logistics', 'payment', 'system']);
  });

  it('spreads exception orders over the same days as clean ones, so a day holds a day of orders', () => {
    const now = Date.parse(GENERATED_NOW);
    const share = { clean: { orders: 0, lastDay: 0 }, exception: { orders: 0, lastDay: 0 } };
    for (const order of generateOrders({ count: 4_000, seed: 3, exceptionRate: 0.5, ordersPerDay: 400 })) {
      // Clean orders are addressed to 顾客; exception orders keep their scenario's buyer.
      const kind = order.shippingAddress.name === '顾客' ? 'clean' : 'exception';
      const inLastDay = now - Date.parse(order.createdAt) <= 24 * 3_600_000;
      share[kind].orders++;
      if (inLastDay) share[kind].lastDay++;
    }
    const clean = share.clean.lastDay / share.clean.orders;
    const exception = share.exception.lastDay / share.exception.orders;
    // Ten days of orders: about a tenth of each kind falls in the last day.
    expect(clean).toBeGreaterThan(0.05);
    expect(clean).toBeLessThan(0.15);
    expect(exception).toBeGreaterThan(0.05);
    expect(exception).toBeLessThan(0.15);
  });
});

describe('generateOrders: customers and rings', () => {
  it('puts exception orders at customers of their own: no shared address or phone, clusters only where rings are planted', async () => {
    const orders = [...generateOrders({ count: 600, seed: 4, exceptionRate: 0.3 })];
    const exceptions = orders.filter((o) => o.shippingAddress.name !== '顾客');
    expect(exceptions.length).toBeGreaterThan(100);
    const phones = new Set(orders.map((o) => o.shippingAddress.phone));
    const addresses = new Set(orders.map((o) => [o.shippingAddress.city, o.shippingAddress.line1].join('|')));
    expect(phones.size).toBe(orders.length);
    expect(addresses.size).toBe(orders.length);
    expect(new Set(exceptions.map((o) => o.shippingAddress.city)).size).toBeGreaterThan(3);
    const batch = await triage.evaluateBatch(orders, { now: GENERATED_NOW });
    expect(batch.findings).toEqual([]);
    // Findings spread over the cities, as orders do: the top city holds well under half of them.
    const cities = batch.hotspots.city;
    const total = Object.values(batch.summary.byCity).reduce((n, c) => n + c, 0);
    expect((cities[0]?.count ?? 0) / total).toBeLessThan(0.4);
  });

  it('plants the rings it is asked for, and only those', async () => {
    const orders = [...generateOrders({ count: 300, seed: 4, rings: 2 })];
    expect(orders).toHaveLength(300 + 2 * RING_SIZE);
    const batch = await triage.evaluateBatch(orders, { now: GENERATED_NOW });
    expect(batch.findings.map((f) => [f.code, f.orderIds.length, f.severity])).toEqual([
      ['SHARED_ADDRESS_CLUSTER', RING_SIZE, 'high'],
      ['SHARED_ADDRESS_CLUSTER', RING_SIZE, 'high'],
    ]);
    expect(batch.findings.flatMap((f) => f.orderIds).every((id) => id.includes('-RING-'))).toBe(true);
  });
});
