import { createTriage, type EvaluateResult } from 'order-triage';
import { buildOrder, customerMessageOf, customerTextOf, expectReport, logisticsScenarios, minutesAfter } from 'order-triage/testing';
import { describe, expect, it } from 'vitest';
import { DAY, inTransit } from './logistics-fixtures.js';

const triage = createTriage({ locale: 'en' });
const codes = (r: EvaluateResult) => expectReport(r).findings.map((f) => f.code);

describe('PACKAGE_DAMAGED', () => {
  it('fires on a damaged event, offering reship or refund and claiming from the carrier', () => {
    const { order, now } = logisticsScenarios.packageDamaged();
    const r = expectReport(triage.evaluate(order, { now }));
    expect(r.findings.map((f) => f.code)).toEqual(['PACKAGE_DAMAGED']);
    expect(r.actions.map((a) => a.kind)).toEqual(['carrier_claim', 'coupon', 'contact_customer']);
    expect(customerMessageOf(r)?.params.options).toEqual(['reship', 'refund']);
  });

  it('verifies damage only the customer reports before any money moves, admitting no defect', () => {
    const reported = buildOrder({ status: 'delivered', reports: [{ source: 'customer', kind: 'damaged', at: minutesAfter(DAY), text: '屏幕碎了' }] });
    const r = expectReport(triage.evaluate(reported, { now: minutesAfter(DAY + 5) }));
    expect(r.actions.map((a) => [a.kind, 'reason' in a.params ? a.params.reason : undefined])).toEqual([
      ['manual_review', 'claim_unverified'],
      ['contact_customer', 'claim_check'],
    ]);
    expect(customerTextOf(r)).toContain('You told us your parcel arrived damaged');
    expect(customerTextOf(r)).toContain('photos');
  });

  it("counts a customer's damaged report, and stays silent without either", () => {
    const reported = buildOrder({ status: 'delivered', reports: [{ source: 'customer', kind: 'damaged', at: minutesAfter(DAY), text: '屏幕碎了' }] });
    expect(codes(triage.evaluate(reported, { now: minutesAfter(DAY + 5) }))).toEqual(['PACKAGE_DAMAGED']);
    expect(codes(triage.evaluate(inTransit(300), { now: minutesAfter(DAY) }))).toEqual([]);
  });

  it('has no thresholds to change: options for it are rejected', () => {
    expect(() => createTriage({ thresholds: { PACKAGE_DAMAGED: { days: 1 } } } as never)).toThrow(/thresholds\.PACKAGE_DAMAGED\.days/);
  });

  it('names its evidence: the damaged event and who reported it', () => {
    const reported = buildOrder({ status: 'delivered', reports: [{ source: 'customer', kind: 'damaged', at: minutesAfter(DAY), text: '屏幕碎了' }] });
    const f = expectReport(triage.evaluate(reported, { now: minutesAfter(DAY + 5) })).findings[0];
    expect(f?.evidence.conditions).toContainEqual({ fact: 'reports.damagedCount', value: 1, operator: 'greaterThan', threshold: 0, passed: true });
    expect(f?.evidence.records.reports).toEqual([{ source: 'customer', kind: 'damaged', at: minutesAfter(DAY), text: '屏幕碎了' }]);
  });
});
