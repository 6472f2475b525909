import { createTriage } from 'order-triage';
import { generateOrders, GENERATED_NOW } from 'order-triage/testing';
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
});
