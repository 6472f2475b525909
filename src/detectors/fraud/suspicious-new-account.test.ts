import { createTriage, type EvaluateResult } from 'order-triage';
import { buildOrder, expectReport, fraudScenarios, minutesAfter } from 'order-triage/testing';
import { describe, expect, it } from 'vitest';

const triage = createTriage({ locale: 'en' });
const codes = (r: EvaluateResult) => expectReport(r).findings.map((f) => f.code);
const now = minutesAfter(30);

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
