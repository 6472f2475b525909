import { createTriage, type EvaluateResult } from 'order-triage';
import { buildOrder, expectReport, fraudScenarios, minutesAfter } from 'order-triage/testing';
import { describe, expect, it } from 'vitest';

const triage = createTriage({ locale: 'en' });
const codes = (r: EvaluateResult) => expectReport(r).findings.map((f) => f.code);
const now = minutesAfter(30);

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
