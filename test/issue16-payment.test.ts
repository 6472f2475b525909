import { createTriage, type EvaluateResult } from 'order-triage';
import { buildOrder, buildPayment, buildRefund, customerTextOf, expectReport, minutesAfter } from 'order-triage/testing';
import { describe, expect, it } from 'vitest';

// Issue 16, "Ignored": money signals the library used to miss entirely.
const triage = createTriage({ locale: 'zh-CN' });
const codes = (r: EvaluateResult) => expectReport(r).findings.map((f) => f.code);

describe('signals about money that used to raise nothing', () => {
  it('an order cancelled with its payment still captured raises CAPTURED_NOT_REFUNDED and a refund of what was paid', () => {
    const order = buildOrder({ status: 'cancelled', updatedAt: minutesAfter(30) });
    const r = expectReport(triage.evaluate(order, { now: minutesAfter(120) }));
    expect(codes(r)).toEqual(['CAPTURED_NOT_REFUNDED']);
    expect(r.actions.filter((a) => a.kind === 'refund').map((a) => [a.params.paymentId, a.params.amount])).toEqual([['pay_1', 20_900]]);
    expect(customerTextOf(r)).toContain('我们会将这笔款项原路退回');
  });

  it('a failed refund raises REFUND_FAILED and a finance review, whether the gateway or the backend reports it', () => {
    const gateway = buildOrder({
      status: 'closed',
      updatedAt: minutesAfter(30),
      refunds: [buildRefund({ paymentId: 'pay_1', amount: 20_900, status: 'failed', createdAt: minutesAfter(40) })],
    });
    expect(codes(triage.evaluate(gateway, { now: minutesAfter(50) }))).toEqual(['REFUND_FAILED']);
    const backend = buildOrder({
      status: 'delivered',
      actionsTaken: [{ kind: 'refund', idempotencyKey: 'ERP-REFUND-9', at: minutesAfter(40), amount: 3_000, status: 'failed', error: 'account frozen' }],
    });
    const r = expectReport(triage.evaluate(backend, { now: minutesAfter(50) }));
    expect(codes(r)).toEqual(['REFUND_FAILED']);
    expect(r.actions.map((a) => [a.kind, a.owner])).toEqual([['manual_review', 'finance']]);
  });

  it('a customer\'s "我已经付款了" with no payment on record raises PAYMENT_CLAIMED, never a refund or a cancellation', () => {
    const order = buildOrder({
      status: 'pending_payment',
      payments: [buildPayment({ status: 'pending', createdAt: minutesAfter(1) })],
      reports: [{ source: 'customer', kind: 'payment_problem', at: minutesAfter(40), text: '我已经付款了' }],
    });
    const r = expectReport(triage.evaluate(order, { now: minutesAfter(26 * 60) }));
    expect(codes(r)).toContain('PAYMENT_CLAIMED');
    expect(r.actions.some((a) => a.kind === 'refund' || a.kind === 'cancel_order' || a.kind === 'send_payment_link')).toBe(false);
    expect(r.actions.find((a) => a.kind === 'manual_review')).toMatchObject({ owner: 'finance', params: { reason: 'payment_claimed' } });
    expect(customerTextOf(r)).toContain('付款凭证或截图');
  });
});
