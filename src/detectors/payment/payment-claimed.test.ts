import { createTriage, type EvaluateResult } from 'order-triage';
import { buildOrder, buildPayment, buildReport, customerMessageOf, customerTextOf, expectReport, minutesAfter, paymentScenarios } from 'order-triage/testing';
import { describe, expect, it } from 'vitest';

const triage = createTriage({ locale: 'en' });
const zh = createTriage({ locale: 'zh-CN' });
const codes = (r: EvaluateResult) => expectReport(r).findings.map((f) => f.code);
const claim = buildReport({ source: 'customer', kind: 'payment_problem', at: minutesAfter(20), text: '我已经付款了' });

describe('PAYMENT_CLAIMED', () => {
  it('sends the claim to finance and asks the customer for the payment voucher', () => {
    const { order, now } = paymentScenarios.paymentClaimed();
    const r = expectReport(triage.evaluate(order, { now }));
    expect(r.findings.map((f) => f.code)).toEqual(['PAYMENT_CLAIMED']);
    expect(r.findings[0]).toMatchObject({ category: 'payment', owner: 'finance', severity: 'medium', confidence: 0.8 });
    expect(r.findings[0]?.evidence.records.reports).toEqual([{ source: 'customer', kind: 'payment_problem', at: minutesAfter(20), text: '我已经付款了,怎么还显示待付款?' }]);
    expect(r.actions.map((a) => [a.kind, 'reason' in a.params ? a.params.reason : undefined])).toEqual([
      ['manual_review', 'payment_claimed'],
      ['contact_customer', 'payment_voucher'],
    ]);
    expect(customerTextOf(r)).toContain('Please send us your payment voucher or a screenshot');
    expect(customerTextOf(expectReport(zh.evaluate(order, { now })))).toContain('请把付款凭证或截图');
  });

  it('never cancels or asks again for payment on the claim alone, though the order is long unpaid', () => {
    const unpaid = buildOrder({ status: 'pending_payment', payments: [buildPayment({ status: 'failed', createdAt: minutesAfter(2) })], reports: [claim] });
    const r = expectReport(triage.evaluate(unpaid, { now: minutesAfter(30 * 60) }));
    expect(r.findings.map((f) => f.code)).toEqual(['PAYMENT_FAILED', 'PAYMENT_CLAIMED']);
    expect(r.actions.map((a) => a.kind)).toEqual(['manual_review', 'contact_customer']);
    expect(customerMessageOf(r)?.params.topics).toEqual(['payment_voucher']);
    expect(r.actions.some((a) => a.kind === 'refund' || a.kind === 'cancel_order')).toBe(false);
  });

  it('stays silent once a payment succeeded, for a warehouse report, or once the report is resolved', () => {
    expect(codes(triage.evaluate(buildOrder({ reports: [claim] }), { now: minutesAfter(30) }))).toEqual([]);
    const warehouse = buildOrder({ status: 'pending_payment', payments: [], reports: [{ ...claim, source: 'warehouse' }] });
    expect(codes(triage.evaluate(warehouse, { now: minutesAfter(25) }))).toEqual([]);
    const resolved = buildOrder({ status: 'pending_payment', payments: [], reports: [{ ...claim, resolvedAt: minutesAfter(22) }] });
    expect(codes(triage.evaluate(resolved, { now: minutesAfter(25) }))).toEqual([]);
  });

  it('counts a service agent relaying the claim, and is less sure with no payment attempt at all', () => {
    const relayed = buildOrder({ status: 'pending_payment', payments: [], reports: [{ ...claim, source: 'customer_service' }] });
    const r = expectReport(triage.evaluate(relayed, { now: minutesAfter(25) }));
    expect(r.findings.map((f) => [f.code, f.confidence])).toEqual([['PAYMENT_CLAIMED', 0.6]]);
  });
});
