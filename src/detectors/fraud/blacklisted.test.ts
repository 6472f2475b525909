import { createTriage, type EvaluateResult } from 'order-triage';
import { buildOrder, fraudScenarios, minutesAfter } from 'order-triage/testing';
import { describe, expect, it } from 'vitest';
import { expectReport } from '../../../test/helpers.js';

const triage = createTriage({ locale: 'en' });
const codes = (r: EvaluateResult) => expectReport(r).findings.map((f) => f.code);
const now = minutesAfter(30);

describe('BLACKLISTED', () => {
  it('matches a phone written another way and cancels before payment', () => {
    const { order, now, context } = fraudScenarios.blacklisted();
    const r = expectReport(triage.evaluate(order, { now, ...context }));
    expect(r.findings.map((f) => f.code)).toEqual(['BLACKLISTED']);
    expect(r.actions.map((a) => [a.kind, a.params])).toEqual([
      ['cancel_order', { reason: 'blacklisted' }],
      // A listed buyer ordering again is a repeater: what is not listed yet is proposed.
      ['add_to_blacklist', { customerIds: ['CUST-1'], addresses: ['广东省 深圳市 南山区 深南大道10000号腾讯大厦'] }],
    ]);
    expect(r.findings[0]?.evidence.records.matches).toEqual([{ on: 'phone', value: '13800138000' }]);
  });

  it('matches an address after normalisation, and holds a paid order for review instead of cancelling', () => {
    const blacklist = { addresses: ['广东省深圳市南山区 深南大道 10000 號 腾讯大厦'] };
    const r = expectReport(triage.evaluate(buildOrder(), { now, blacklist }));
    expect(r.findings.map((f) => f.code)).toEqual(['BLACKLISTED']);
    expect(r.actions.map((a) => a.kind)).toEqual(['manual_review', 'hold_shipment', 'add_to_blacklist']);
  });

  it('matches customer ids and devices', () => {
    const order = buildOrder({ device: { fingerprint: 'fp-abc', ip: '10.0.0.8' } });
    const r = expectReport(triage.evaluate(order, { now, blacklist: { customerIds: ['CUST-1'], devices: ['fp-abc'] } }));
    expect(r.findings[0]?.evidence.records.matches).toEqual([
      { on: 'customerId', value: 'CUST-1' },
      { on: 'device', value: 'fp-abc' },
    ]);
  });

  it('stays silent for a neighbour in another room, and without a blacklist', () => {
    const blacklist = { addresses: ['深南大道10000号腾讯大厦1201室'] };
    expect(codes(triage.evaluate(buildOrder(), { now, blacklist }))).toEqual([]);
    expect(codes(triage.evaluate(buildOrder(), { now }))).toEqual([]);
  });

  it('reports a bad blacklist as a context error at its path', () => {
    const result = triage.evaluate(buildOrder(), { now, blacklist: { phones: [13800138000] } as never });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_context', issues: [{ path: ['context', 'blacklist', 'phones', 0] }] } });
  });

  it('has no thresholds to change', () => {
    expect(() => createTriage({ thresholds: { BLACKLISTED: { strict: true } } } as never)).toThrow(/BLACKLISTED\.strict/);
  });
});

describe('SUSPICIOUS_NEW_ACCOUNT', () => {
  it('fires for an account two hours old ordering 12 units, holding the parcel for review', () => {
    const { order, now } = fraudScenarios.suspiciousNewAccount();
    const r = expectReport(triage.evaluate(order, { now }));
    expect(r.findings.map((f) => f.code)).toEqual(['SUSPICIOUS_NEW_ACCOUNT']);
    expect(r.actions.map((a) => a.kind)).toEqual(['manual_review', 'hold_shipment']);
  });

  it('stays silent for the same order from an account a day old, or for 10 units', () => {
    const { order } = fraudScenarios.suspiciousNewAccount();
    expect(codes(triage.evaluate({ ...order, customer: { ...order.customer, accountCreatedAt: minutesAfter(-24 * 60) } }, { now }))).toEqual([]);
    expect(
      codes(triage.evaluate({ ...order, items: [{ sku: 'SKU-PHONE-CASE', quantity: 10, unitPrice: 2_900 }], payments: [], status: 'pending_payment' }, { now: minutesAfter(5) })),
    ).toEqual([]);
  });

  it('compares the payable with the limit for the order’s currency', () => {
    const rich = (currency: string, unitPrice: number) =>
      buildOrder({ currency, items: [{ sku: 'TV', quantity: 1, unitPrice }], customer: { id: 'C-9', accountCreatedAt: minutesAfter(-60) } });
    expect(codes(triage.evaluate(rich('CNY', 250_000), { now }))).toEqual(['SUSPICIOUS_NEW_ACCOUNT']);
    expect(codes(triage.evaluate(rich('USD', 25_000), { now }))).toEqual([]);
    expect(codes(triage.evaluate(rich('USD', 35_000), { now }))).toEqual(['SUSPICIOUS_NEW_ACCOUNT']);
    expect(codes(triage.evaluate(rich('JPY', 900_000), { now }))).toEqual([]); // no JPY limit configured: quantity only
    const yen = createTriage({ thresholds: { SUSPICIOUS_NEW_ACCOUNT: { maxPayable: { JPY: 500_000 } } } });
    expect(codes(yen.evaluate(rich('JPY', 900_000), { now }))).toEqual(['SUSPICIOUS_NEW_ACCOUNT']);
  });

  it('names its evidence: account age and quantity against their limits', () => {
    const { order, now } = fraudScenarios.suspiciousNewAccount();
    const f = expectReport(triage.evaluate(order, { now })).findings[0];
    expect(f?.evidence.conditions).toContainEqual({ fact: 'customer.accountAgeHours', value: 2, operator: 'lessThan', threshold: 24, passed: true });
    expect(f?.evidence.conditions).toContainEqual({ fact: 'items.totalQuantity', value: 12, operator: 'greaterThan', threshold: 10, passed: true });
  });
});

describe('ABNORMAL_QUANTITY', () => {
  it('fires for 30 units of one SKU and asks risk to review', () => {
    const { order, now } = fraudScenarios.abnormalQuantity();
    const r = expectReport(triage.evaluate(order, { now }));
    expect(r.findings.map((f) => f.code)).toEqual(['ABNORMAL_QUANTITY']);
    expect(r.actions.map((a) => [a.kind, a.params])).toEqual([['manual_review', { reason: 'abnormal_quantity', details: ['SKU-MASK: 30 > 20'] }]]);
  });

  it('adds up lines of the same SKU, and stays silent at the limit', () => {
    const split = buildOrder({
      items: [
        { sku: 'A', quantity: 12, unitPrice: 100 },
        { sku: 'A', quantity: 9, unitPrice: 100 },
      ],
    });
    expect(codes(triage.evaluate(split, { now }))).toEqual(['ABNORMAL_QUANTITY']);
    expect(codes(triage.evaluate(buildOrder({ items: [{ sku: 'A', quantity: 20, unitPrice: 100 }] }), { now }))).toEqual([]);
  });

  it('honours per-SKU limits', () => {
    const masks = buildOrder({ items: [{ sku: 'SKU-MASK', quantity: 6, unitPrice: 500 }] });
    expect(codes(triage.evaluate(masks, { now }))).toEqual([]);
    expect(codes(createTriage({ thresholds: { ABNORMAL_QUANTITY: { perSku: { 'SKU-MASK': 5 } } } }).evaluate(masks, { now }))).toEqual(['ABNORMAL_QUANTITY']);
  });

  it('names its evidence: each SKU over its limit', () => {
    const { order, now } = fraudScenarios.abnormalQuantity();
    const f = expectReport(triage.evaluate(order, { now })).findings[0];
    expect(f?.evidence.records.lines).toEqual([{ sku: 'SKU-MASK', quantity: 30, limit: 20 }]);
    expect(f?.evidence.conditions).toContainEqual({ fact: 'items.linesOverQuantityLimit', value: 1, operator: 'greaterThan', threshold: 0, passed: true });
  });
});
