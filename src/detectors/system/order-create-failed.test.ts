import { createTriage, type EvaluateResult } from 'order-triage';
import { buildOrder, customerMessageOf, customerTextOf, expectReport, minutesAfter, systemScenarios } from 'order-triage/testing';
import { describe, expect, it } from 'vitest';

const triage = createTriage({ locale: 'en' });
const codes = (r: EvaluateResult) => expectReport(r).findings.map((f) => f.code);

describe('ORDER_CREATE_FAILED', () => {
  it('fires for a failed order the customer paid for, recreating it and opening an incident', () => {
    const { order, now } = systemScenarios.orderCreateFailed();
    const r = expectReport(triage.evaluate(order, { now }));
    expect(r.findings.map((f) => f.code)).toEqual(['ORDER_CREATE_FAILED']);
    expect(r.actions.map((a) => [a.kind, a.params])).toEqual([
      ['recreate_order', { paymentIds: ['pay_1'] }],
      ['tech_incident', { system: 'order_service', reason: 'order_creation' }],
      ['contact_customer', { reason: 'order_recreated', topics: ['order_recreated'], channels: ['sms'], describes: ['ORD-1001/recreate_order/recreate'] }],
    ]);
    expect(customerTextOf(r)).toContain('CN¥209.00');
    expect(r.findings[0]?.summary).toContain('customer has paid');
  });

  it('fires without a payment too, with no message to a customer who was never charged', () => {
    const r = expectReport(triage.evaluate(buildOrder({ status: 'failed', payments: [] }), { now: minutesAfter(5) }));
    expect(r.findings.map((f) => f.code)).toEqual(['ORDER_CREATE_FAILED']);
    expect(customerMessageOf(r)).toBeUndefined();
  });

  it('stays silent for any other status, and has no thresholds to change', () => {
    expect(codes(triage.evaluate(buildOrder({ status: 'processing' }), { now: minutesAfter(5) }))).toEqual([]);
    expect(() => createTriage({ thresholds: { ORDER_CREATE_FAILED: { minutes: 1 } } } as never)).toThrow(/ORDER_CREATE_FAILED/);
  });

  it('names its evidence: the status, and the money already taken', () => {
    const { order, now } = systemScenarios.orderCreateFailed();
    const f = expectReport(triage.evaluate(order, { now })).findings[0];
    expect(f?.evidence.conditions).toEqual([{ fact: 'order.status', value: 'failed', operator: 'equal', threshold: 'failed', passed: true }]);
    expect(f?.evidence.facts).toEqual({ 'payments.succeededCount': 1, 'payments.netPaid': 20_900 });
  });
});
