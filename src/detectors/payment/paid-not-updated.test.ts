import { createTriage, type EvaluateResult } from 'order-triage';
import { buildOrder, buildPayment, customerMessageOf, customerTextOf, expectReport, minutesAfter, paymentScenarios } from 'order-triage/testing';
import { describe, expect, it } from 'vitest';

const triage = createTriage({ locale: 'en' });

const codes = (r: EvaluateResult) => expectReport(r).findings.map((f) => f.code);
const stuck = (extra = {}) => buildOrder({ status: 'pending_payment', payments: [buildPayment({ createdAt: minutesAfter(1) })], ...extra });

describe('PAID_NOT_UPDATED', () => {
  it('marks the order paid automatically and reassures the customer', () => {
    const { order, now } = paymentScenarios.paidNotUpdated();
    const r = expectReport(triage.evaluate(order, { now }));
    expect(r.findings.map((f) => [f.code, f.owner, f.severity])).toEqual([['PAID_NOT_UPDATED', 'tech', 'high']]);
    expect(r.actions.map((a) => [a.kind, a.params, a.automatable])[0]).toEqual([
      'update_order_status',
      { from: 'pending_payment', to: 'paid', paymentIds: ['pay_1'], release: true },
      true,
    ]);
    expect(customerMessageOf(r)?.params.describes).toEqual([r.actions[0]?.idempotencyKey]);
    expect(customerTextOf(r)).toContain('received your payment of CN¥209.00');
  });

  it('does not flag a callback still within the grace period', () => {
    expect(codes(triage.evaluate(stuck(), { now: minutesAfter(6) }))).toEqual([]);
    expect(codes(triage.evaluate(stuck(), { now: minutesAfter(7) }))).toEqual(['PAID_NOT_UPDATED']);
  });

  it('honours a changed grace period', () => {
    const patient = createTriage({ thresholds: { PAID_NOT_UPDATED: { graceMinutes: 15 } } });
    expect(codes(patient.evaluate(stuck(), { now: minutesAfter(16) }))).toEqual([]);
    expect(codes(patient.evaluate(stuck(), { now: minutesAfter(17) }))).toEqual(['PAID_NOT_UPDATED']);
  });

  it('stays silent once the order moved on to paid', () => {
    expect(codes(triage.evaluate(stuck({ status: 'paid' }), { now: minutesAfter(60) }))).toEqual([]);
  });

  it('opens a tech incident when the callback has been missing past incidentAfterMinutes', () => {
    const r = expectReport(triage.evaluate(stuck(), { now: minutesAfter(45) }));
    expect(r.actions.map((a) => a.kind)).toEqual(['update_order_status', 'tech_incident', 'contact_customer']);
    expect(r.actions[1]?.params).toEqual({ system: 'payment_gateway', reason: 'payment_callback', paymentIds: ['pay_1'], minutesLate: 44 });
    expect(r.actions[1]?.note).toContain('44 minutes');
  });

  it('does not mark an underpaid order paid: the shortfall is AMOUNT_MISMATCH’s to resolve', () => {
    const order = stuck({ payments: [buildPayment({ amount: 10_000, createdAt: minutesAfter(1) })] });
    const r = expectReport(triage.evaluate(order, { now: minutesAfter(20) }));
    expect(r.findings.map((f) => f.code)).toEqual(['AMOUNT_MISMATCH', 'PAID_NOT_UPDATED']);
    expect(r.actions.map((a) => a.kind)).not.toContain('update_order_status');
  });

  it('names its evidence: minutes since payment against the grace period', () => {
    const f = expectReport(triage.evaluate(stuck(), { now: minutesAfter(21) })).findings[0];
    expect(f?.evidence.conditions).toContainEqual({
      fact: 'payments.minutesSinceFirstPaid',
      value: 20,
      operator: 'greaterThan',
      threshold: 5,
      passed: true,
    });
    expect(f?.confidence).toBe(0.98);
  });
});
