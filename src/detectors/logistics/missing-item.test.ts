import { createTriage } from 'order-triage';
import { buildOrder, buildPayment, customerTextOf, expectReport, logisticsScenarios, minutesAfter } from 'order-triage/testing';
import { describe, expect, it } from 'vitest';
import { DAY } from './logistics-fixtures.js';

const triage = createTriage({ locale: 'en' });
const kinds = (r: ReturnType<typeof expectReport>) => r.actions.map((a) => [a.kind, 'reason' in a.params ? a.params.reason : undefined]);
const lines = [
  { sku: 'SKU-TEE-M', name: '纯棉T恤 M', quantity: 1, unitPrice: 19_900 },
  { sku: 'SKU-MUG', name: '陶瓷马克杯', quantity: 2, unitPrice: 4_900 },
];
const confirmed = (text: string | undefined, extra: Parameters<typeof buildOrder>[0] = {}) =>
  buildOrder({
    status: 'delivered',
    items: lines,
    reports: [{ source: 'warehouse', kind: 'missing_item', at: minutesAfter(DAY), ...(text === undefined ? {} : { text }) }],
    ...extra,
  });
const now = minutesAfter(DAY + 5);

describe('MISSING_ITEM', () => {
  it('sends only the missing lines the report names again', () => {
    const { order, now } = logisticsScenarios.missingItem();
    const r = expectReport(triage.evaluate(order, { now }));
    expect(r.findings.map((f) => f.code)).toEqual(['MISSING_ITEM']);
    expect(r.findings[0]?.evidence.records.lines).toEqual([{ sku: 'SKU-MUG', quantity: 1 }]);
    const reship = r.actions.find((a) => a.kind === 'reship');
    expect(reship?.params).toEqual({ items: [{ sku: 'SKU-MUG', quantity: 1 }], reason: 'missing_item' });
    expect(reship?.automatable).toBe(true);
    expect(r.actions.map((a) => a.kind)).not.toContain('refund');
    expect(customerTextOf(r)).toContain('Your parcel arrived without “陶瓷马克杯”.');
  });

  it('sends every line for a person to confirm when the report names none', () => {
    const r = expectReport(triage.evaluate(confirmed('少了一件'), { now }));
    const reship = r.actions.find((a) => a.kind === 'reship');
    expect(reship?.params).toEqual({
      items: [
        { sku: 'SKU-TEE-M', quantity: 1 },
        { sku: 'SKU-MUG', quantity: 2 },
      ],
      reason: 'missing_item',
    });
    expect(reship?.automatable).toBe(false);
  });

  it('refunds what was paid for a missing line that is out of stock, instead of sending it', () => {
    const order = confirmed('少了 SKU-MUG', {
      inventory: [{ sku: 'SKU-MUG', warehouse: 'SZ-01', onHand: 1, reserved: 1, syncedAt: minutesAfter(DAY) }],
      totals: { shipping: 1_000, discount: 2_900 },
    });
    const r = expectReport(triage.evaluate(order, { now }));
    expect(r.actions.map((a) => a.kind)).not.toContain('reship');
    // Items 29 700, discount 2 900 shared by value: the mugs (9 800 of 29 700) carry 957 of it.
    expect(r.actions.filter((a) => a.kind === 'refund').map((a) => a.params)).toEqual([
      { paymentId: 'pay_1', amount: 8_843, currency: 'CNY', method: 'alipay', reason: 'missing_item' },
    ]);
    expect(customerTextOf(r)).toContain('“陶瓷马克杯” is out of stock for now, so we will refund it instead of sending it again.');
  });

  it('verifies a missing item only the customer reports before anything is sent or refunded', () => {
    const reported = buildOrder({ status: 'delivered', items: lines, reports: [{ source: 'customer', kind: 'missing_item', at: minutesAfter(DAY), text: '少了一件' }] });
    const r = expectReport(triage.evaluate(reported, { now }));
    expect(kinds(r)).toEqual([
      ['manual_review', 'claim_unverified'],
      ['contact_customer', 'claim_check'],
    ]);
    expect(r.actions[0]?.note).toContain('check the packing record and the parcel weight');
    const approved = { ...reported, decisions: [{ at: minutesAfter(DAY + 2), by: 'supervisor' as const, about: 'MISSING_ITEM', choice: 'approve' as const }] };
    expect(kinds(expectReport(triage.evaluate(approved, { now })))).toContainEqual(['reship', 'missing_item']);
  });

  it('writes its section in Chinese too', () => {
    const { order, now } = logisticsScenarios.missingItem();
    const r = expectReport(createTriage({ locale: 'zh-CN' }).evaluate(order, { now }));
    expect(customerTextOf(r)).toContain('您的包裹里少了「陶瓷马克杯」。');
    expect(r.findings[0]?.summary).toContain('少发了商品');
  });

  it('uses the payment recorded, whatever its id', () => {
    const order = confirmed('SKU-MUG', {
      inventory: [{ sku: 'SKU-MUG', warehouse: 'SZ-01', onHand: 0, reserved: 0, syncedAt: minutesAfter(DAY) }],
      payments: [buildPayment({ id: 'PAY-X', amount: 30_700 })],
    });
    const refunds = expectReport(triage.evaluate(order, { now })).actions.filter((a) => a.kind === 'refund');
    expect(refunds.map((a) => [a.params.paymentId, a.params.amount])).toEqual([['PAY-X', 9_800]]);
  });
});
