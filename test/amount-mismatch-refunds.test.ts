import { createTriage, type EvaluateResult, type Explanation } from 'order-triage';
import { buildOrder, buildPayment, buildRefund, buildShipment, expectReport, minutesAfter, trackingEvent } from 'order-triage/testing';
import { describe, expect, it } from 'vitest';

// The shop's refunds against the customer's payments: a refund the shop made (goodwill, a
// returned item) is money given back, never a balance the customer still owes.
const triage = createTriage({ locale: 'en' });
const now = minutesAfter(5 * 24 * 60);

const codes = (r: EvaluateResult) => expectReport(r).findings.map((f) => f.code);
const finding = (r: EvaluateResult) => expectReport(r).findings.find((f) => f.code === 'AMOUNT_MISMATCH');

/** Every fact value the explanation shows, by fact name. */
function factValues(explanation: Explanation | unknown): Map<string, unknown> {
  const values = new Map<string, unknown>();
  const visit = (node: unknown): void => {
    if (node === null || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    if (typeof record.fact === 'string' && 'value' in record) values.set(record.fact, record.value);
    for (const child of Object.values(record)) visit(child);
  };
  visit(explanation);
  return values;
}

/** A ¥208.00 order (¥198.00 + ¥10.00 shipping), paid in full by Alipay and delivered. */
const delivered = (overrides: Parameters<typeof buildOrder>[0] = {}) =>
  buildOrder({
    status: 'delivered',
    items: [{ sku: 'SKU-MUG', name: '手冲咖啡杯', quantity: 1, unitPrice: 19_800 }],
    shipments: [buildShipment({ events: [trackingEvent('picked_up', 120), trackingEvent('in_transit', 300, '广州转运中心'), trackingEvent('delivered', 2 * 24 * 60)] })],
    ...overrides,
  });

describe('AMOUNT_MISMATCH against the shop’s own refunds', () => {
  it.each(['pending', 'succeeded'] as const)('raises nothing for a delivered, fully paid order with a %s ¥20 goodwill refund', (status) => {
    const order = delivered({ refunds: [buildRefund({ amount: 2_000, status, createdAt: minutesAfter(3 * 24 * 60) })] });
    expect(order.totals.payable).toBe(20_800);
    expect(codes(triage.evaluate(order, { now }))).not.toContain('AMOUNT_MISMATCH');
    const why = triage.explain(order, { now }, 'AMOUNT_MISMATCH');
    expect(why).toMatchObject({ ok: true, fired: false });
    expect(factValues(why).get('payments.shortfall')).toBe(0);
  });

  it('still flags a real underpayment, for what was not captured, not for what the shop refunded', () => {
    const order = buildOrder({
      payments: [buildPayment({ amount: 18_900 })],
      refunds: [buildRefund({ amount: 1_000, status: 'succeeded', createdAt: minutesAfter(10) })],
    });
    const f = finding(triage.evaluate(order, { now: minutesAfter(30) }));
    expect(f?.evidence.conditions).toContainEqual({ fact: 'payments.shortfall', value: 2_000, operator: 'greaterThan', threshold: 0, passed: true });
    expect(f?.summary).toBe('Order ORD-1001 received CN¥189.00, CN¥20.00 less than the CN¥209.00 payable.');
  });

  it('leaves as surplus only what the shop has not already refunded of an overpayment', () => {
    const order = buildOrder({
      payments: [buildPayment({ amount: 22_900 })],
      refunds: [buildRefund({ amount: 500, status: 'succeeded', createdAt: minutesAfter(10) })],
    });
    const r = triage.evaluate(order, { now: minutesAfter(30) });
    const f = finding(r);
    expect(f?.evidence.conditions).toContainEqual({ fact: 'payments.surplus', value: 1_500, operator: 'greaterThan', threshold: 0, passed: true });
    expect(factValues(triage.explain(order, { now: minutesAfter(30) }, 'AMOUNT_MISMATCH')).get('payments.shortfall')).toBe(0);
    const refunds = expectReport(r).actions.filter((a) => a.kind === 'refund');
    expect(refunds.map((a) => a.params.amount)).toEqual([1_500]);
  });

  it('raises nothing once the shop has refunded the whole surplus of an overpayment', () => {
    const order = buildOrder({
      payments: [buildPayment({ amount: 22_900 })],
      refunds: [buildRefund({ amount: 2_000, status: 'pending', createdAt: minutesAfter(10) })],
    });
    expect(codes(triage.evaluate(order, { now: minutesAfter(30) }))).toEqual([]);
  });
});
