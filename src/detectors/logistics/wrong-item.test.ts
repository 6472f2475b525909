import { createTriage } from 'order-triage';
import { buildOrder, customerMessageOf, customerTextOf, expectReport, logisticsScenarios, minutesAfter } from 'order-triage/testing';
import { describe, expect, it } from 'vitest';
import { DAY } from './logistics-fixtures.js';

const triage = createTriage({ locale: 'en' });
const kinds = (r: ReturnType<typeof expectReport>) => r.actions.map((a) => [a.kind, 'reason' in a.params ? a.params.reason : undefined]);

describe('WRONG_ITEM', () => {
  it('exchanges a wrong item the warehouse confirms: the right one goes out, the wrong one comes back', () => {
    const { order, now } = logisticsScenarios.wrongItem();
    const r = expectReport(triage.evaluate(order, { now }));
    expect(r.findings.map((f) => f.code)).toEqual(['WRONG_ITEM']);
    expect(r.actions.find((a) => a.kind === 'reship')?.params).toEqual({ items: [{ sku: 'SKU-TEE-M', quantity: 1 }], reason: 'wrong_item' });
    expect(r.actions.find((a) => a.kind === 'request_return')?.params).toEqual({ shipmentId: 'SHP-1', reason: 'wrong_item' });
    expect(customerMessageOf(r)?.params.reason).toBe('wrong_item');
    expect(customerTextOf(r)).toContain('Your parcel held the wrong item instead of “纯棉T恤 M”. We will arrange for the wrong item to be collected, at our expense.');
    expect(customerTextOf(r)).toContain('We will send “纯棉T恤 M” to you again');
  });

  it('lets the customer keep a wrong item worth less than keepBelow (default ¥30), and the threshold is configurable', () => {
    const cheap = buildOrder({
      status: 'delivered',
      items: [{ sku: 'SKU-SOCK', name: '棉袜', quantity: 1, unitPrice: 1_500 }],
      reports: [{ source: 'warehouse', kind: 'wrong_item', at: minutesAfter(DAY), text: '发错颜色了' }],
    });
    const now = minutesAfter(DAY + 5);
    const kept = expectReport(triage.evaluate(cheap, { now }));
    expect(kept.actions.map((a) => a.kind)).not.toContain('request_return');
    expect(kept.actions.map((a) => a.kind)).toContain('reship');
    expect(customerTextOf(kept)).toContain('Please keep the item you received; there is no need to send it back.');
    const strict = createTriage({ locale: 'en', thresholds: { WRONG_ITEM: { keepBelow: { CNY: 1_000 } } } });
    expect(expectReport(strict.evaluate(cheap, { now })).actions.map((a) => a.kind)).toContain('request_return');
  });

  it('verifies a wrong item only the customer reports (a photo) before anything is sent, then exchanges once a person approves', () => {
    const reported = buildOrder({ status: 'delivered', reports: [{ source: 'customer', kind: 'wrong_item', at: minutesAfter(DAY), text: '发错颜色了' }] });
    const now = minutesAfter(DAY + 5);
    const r = expectReport(triage.evaluate(reported, { now }));
    expect(r.findings.map((f) => f.code)).toEqual(['WRONG_ITEM']);
    expect(kinds(r)).toEqual([
      ['manual_review', 'claim_unverified'],
      ['contact_customer', 'claim_check'],
    ]);
    expect(customerTextOf(r)).toContain('photo of the item you received and its label');
    const approved = { ...reported, decisions: [{ at: minutesAfter(DAY + 2), by: 'agent' as const, about: 'WRONG_ITEM', choice: 'approve' as const }] };
    expect(kinds(expectReport(triage.evaluate(approved, { now })))).toContainEqual(['reship', 'wrong_item']);
    const rejected = { ...reported, decisions: [{ at: minutesAfter(DAY + 2), by: 'agent' as const, about: 'WRONG_ITEM', choice: 'reject' as const }] };
    expect(expectReport(triage.evaluate(rejected, { now })).actions.map((a) => a.kind)).not.toContain('reship');
  });

  it('leaves a refused parcel to DELIVERY_REFUSED, where the report makes it a quality return', () => {
    const refused = buildOrder({
      status: 'shipped',
      shipments: [{ id: 'SHP-1', carrier: 'SF', trackingNumber: 'SF1', events: [{ at: minutesAfter(DAY), code: 'refused' }] }],
      reports: [{ source: 'customer', kind: 'wrong_item', at: minutesAfter(DAY + 1), text: '发错颜色了' }],
    });
    const r = expectReport(triage.evaluate(refused, { now: minutesAfter(DAY + 5) }));
    expect(r.findings.map((f) => f.code)).toEqual(['DELIVERY_REFUSED']);
    expect(kinds(r)).toContainEqual(['request_return', 'refused_quality_issue']);
  });

  it('writes its section in Chinese too', () => {
    const { order, now } = logisticsScenarios.wrongItem();
    const r = expectReport(createTriage({ locale: 'zh-CN' }).evaluate(order, { now }));
    expect(customerTextOf(r)).toContain('您收到的商品发错了，应为「纯棉T恤 M」。发错的商品我们会安排上门取回，运费由我们承担。');
    expect(r.findings[0]?.summary).toContain('反馈发错了商品');
  });

  it('rejects a keepBelow that is not a table of whole minor units per currency', () => {
    expect(() => createTriage({ thresholds: { WRONG_ITEM: { keepBelow: { CNY: 30.5 } } } } as never)).toThrow(/WRONG_ITEM/);
  });
});
