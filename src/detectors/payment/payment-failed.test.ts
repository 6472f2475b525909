import { type Action, createTriage, type EvaluateResult } from 'order-triage';
import { buildOrder, buildPayment, customerMessageOf, customerTextOf, expectReport, minutesAfter, paymentScenarios } from 'order-triage/testing';
import { describe, expect, it } from 'vitest';

const triage = createTriage({ locale: 'en' });

const codes = (r: EvaluateResult) => expectReport(r).findings.map((f) => f.code);
const unpaid = (overrides = {}) => buildOrder({ status: 'pending_payment', payments: [], ...overrides });

describe('PAYMENT_FAILED', () => {
  it('fires when the latest attempt failed and nothing succeeded, and names the reason to the customer', () => {
    const { order, now } = paymentScenarios.paymentFailed();
    const r = expectReport(triage.evaluate(order, { now }));
    expect(r.findings.map((f) => f.code)).toEqual(['PAYMENT_FAILED']);
    const [action, message] = r.actions as [Action, Action];
    expect(action.kind).toBe('suggest_payment_retry');
    expect(action.params).toMatchObject({ paymentId: 'pay_1', failureReason: 'limit_exceeded', otherMethods: ['alipay', 'wechat_pay'] });
    expect(action.customerMessage).toBeUndefined();
    expect(message).toMatchObject({ kind: 'contact_customer', params: { reason: 'payment_retry', describes: [action.idempotencyKey] } });
    const text = customerTextOf(r);
    expect(text).toContain('CN¥209.00');
    expect(text).toContain('transaction limit');
    expect(text).toContain('Alipay or WeChat Pay');
    expect(text).toMatch(/sorry/i);
    expect(action.automatable).toBe(true);
    expect(message.automatable).toBe(true);
  });

  it('fires when unpaid for more than 30 minutes and sends a payment link holding the items until the auto-cancel time', () => {
    const r = expectReport(triage.evaluate(unpaid(), { now: minutesAfter(31) }));
    expect(r.findings.map((f) => f.code)).toEqual(['PAYMENT_FAILED']);
    expect(r.actions.map((a) => a.kind)).toEqual(['send_payment_link', 'contact_customer']);
    expect(r.actions[0]).toMatchObject({
      kind: 'send_payment_link',
      params: { amount: 20_900, currency: 'CNY', purpose: 'order', expiresAt: '2026-03-02T02:00:00.000Z' },
    });
    expect(customerMessageOf(r)?.params.describes).toEqual([r.actions[0]?.idempotencyKey]);
    expect(customerTextOf(r)).toContain('Mar 2, 2026, 10:00');
  });

  it('stays silent at exactly 30 unpaid minutes', () => {
    expect(codes(triage.evaluate(unpaid(), { now: minutesAfter(30) }))).toEqual([]);
  });

  it('never calls a cash-on-delivery order unpaid', () => {
    const order = unpaid({ payments: [buildPayment({ method: 'cod', status: 'pending' })] });
    expect(codes(triage.evaluate(order, { now: minutesAfter(600) }))).toEqual([]);
  });

  it('stays silent while a retry after a failed attempt is still pending', () => {
    const order = unpaid({
      payments: [buildPayment({ id: 'pay_1', status: 'failed', createdAt: minutesAfter(2) }), buildPayment({ id: 'pay_2', status: 'pending', createdAt: minutesAfter(4) })],
    });
    expect(codes(triage.evaluate(order, { now: minutesAfter(6) }))).toEqual([]);
  });

  it('leaves an order with a succeeded payment to PAID_NOT_UPDATED', () => {
    const order = buildOrder({
      status: 'pending_payment',
      payments: [buildPayment({ id: 'pay_1', status: 'failed' }), buildPayment({ id: 'pay_2', createdAt: minutesAfter(3) })],
    });
    expect(codes(triage.evaluate(order, { now: minutesAfter(40) }))).toEqual(['PAID_NOT_UPDATED']);
  });

  it('cancels instead of chasing payment once the order has been unpaid for 24 hours', () => {
    const r = expectReport(triage.evaluate(unpaid(), { now: minutesAfter(24 * 60) }));
    expect(r.actions.map((a) => a.kind)).toEqual(['cancel_order', 'contact_customer']);
    expect(r.actions[0]?.params).toEqual({ reason: 'unpaid_timeout' });
    expect(customerTextOf(r)).toContain('nothing has been charged');
  });

  it('honours a changed unpaid threshold and auto-cancel time', () => {
    const patient = createTriage({ thresholds: { PAYMENT_FAILED: { unpaidMinutes: 60, autoCancelHours: 2 } } });
    expect(codes(patient.evaluate(unpaid(), { now: minutesAfter(45) }))).toEqual([]);
    const late = expectReport(patient.evaluate(unpaid(), { now: minutesAfter(121) }));
    expect(late.findings[0]?.evidence.conditions).toContainEqual({
      fact: 'order.minutesSinceCreated',
      value: 121,
      operator: 'greaterThan',
      threshold: 60,
      passed: true,
    });
    expect(late.actions.map((a) => a.kind)).toEqual(['cancel_order', 'contact_customer']);
  });

  it('names its evidence: the unpaid minutes against the threshold, and the payment records', () => {
    const r = expectReport(triage.evaluate(unpaid(), { now: minutesAfter(45) }));
    const evidence = r.findings[0]?.evidence;
    expect(evidence?.conditions).toContainEqual({
      fact: 'order.minutesSinceCreated',
      value: 45,
      operator: 'greaterThan',
      threshold: 30,
      passed: true,
    });
    expect(evidence?.thresholds).toEqual({ unpaidMinutes: 30, autoCancelHours: 24 });
    expect(evidence?.facts['order.payable']).toBe(20_900);
    expect(r.findings[0]?.summary).toBe('Order ORD-1001 has been awaiting payment for 45 minutes.');
    expect(r.findings[0]?.checklist.length).toBeGreaterThan(2);
  });

  it('writes a warm Chinese message with the real amount and deadline', () => {
    const { order, now } = paymentScenarios.paymentFailed();
    const r = expectReport(createTriage().evaluate(order, { now }));
    const text = customerTextOf(r);
    expect(customerMessageOf(r)?.customerMessage?.locale).toBe('zh-CN');
    expect(text).toContain('¥209.00');
    expect(text).toContain('超出银行卡单笔或单日限额');
    expect(text).toContain('2026年3月2日 10:00');
    expect(text).toContain('抱歉');
    expect(r.findings[0]?.summary).toContain('ORD-1001');
  });
});
