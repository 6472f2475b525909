import { createTriage, type EvaluateResult } from 'order-triage';
import { buildOrder, buildPayment, buildRefund, customerMessageOf, customerTextOf, expectReport, minutesAfter, paymentScenarios } from 'order-triage/testing';
import { describe, expect, it } from 'vitest';

const triage = createTriage({ locale: 'en' });
const zh = createTriage({ locale: 'zh-CN' });
const codes = (r: EvaluateResult) => expectReport(r).findings.map((f) => f.code);
const refunds = (r: EvaluateResult) =>
  expectReport(r)
    .actions.filter((a) => a.kind === 'refund')
    .map((a) => [a.params.paymentId, a.params.amount, a.params.reason]);

// Paid ¥209.00 at minute 1, cancelled at minute 10.
const cancelled = (extra = {}) => buildOrder({ status: 'cancelled', updatedAt: minutesAfter(10), ...extra });

describe('CAPTURED_NOT_REFUNDED', () => {
  it('refunds what a cancelled order captured, once the hour has passed, and tells the customer', () => {
    const r = expectReport(triage.evaluate(cancelled(), { now: minutesAfter(71) }));
    expect(r.findings.map((f) => f.code)).toEqual(['CAPTURED_NOT_REFUNDED']);
    expect(r.findings[0]).toMatchObject({ category: 'payment', owner: 'finance', severity: 'high', confidence: 0.95 });
    expect(refunds(triage.evaluate(cancelled(), { now: minutesAfter(71) }))).toEqual([['pay_1', 20_900, 'captured_not_refunded']]);
    expect(r.actions.find((a) => a.kind === 'refund')?.idempotencyKey).toBe('ORD-1001/refund/pay_1/20900');
    expect(customerMessageOf(r)?.params.reason).toBe('captured_refund');
    expect(customerTextOf(r)).toContain('Your order was cancelled, but the money you paid for it has not come back to you yet.');
    expect(customerTextOf(r)).toContain('We will refund CN¥209.00 to your Alipay');
    expect(r.actions.some((a) => a.kind === 'coupon')).toBe(false);
  });

  it('waits the threshold (1 h after the order last changed, configurable) before raising it', () => {
    expect(codes(triage.evaluate(cancelled(), { now: minutesAfter(69) }))).toEqual([]);
    const quick = createTriage({ thresholds: { CAPTURED_NOT_REFUNDED: { afterHours: 2 } } });
    expect(codes(quick.evaluate(cancelled(), { now: minutesAfter(71) }))).toEqual([]);
    expect(codes(quick.evaluate(cancelled(), { now: minutesAfter(131) }))).toEqual(['CAPTURED_NOT_REFUNDED']);
  });

  it('refunds only the remainder of a payment already partly refunded, and nothing once all went back', () => {
    const partly = cancelled({ refunds: [buildRefund({ id: 'r1', paymentId: 'pay_1', amount: 9_000, status: 'succeeded' })] });
    expect(refunds(triage.evaluate(partly, { now: minutesAfter(71) }))).toEqual([['pay_1', 11_900, 'captured_not_refunded']]);
    const all = cancelled({ refunds: [buildRefund({ id: 'r1', paymentId: 'pay_1', amount: 20_900, status: 'pending' })] });
    expect(codes(triage.evaluate(all, { now: minutesAfter(71) }))).toEqual([]);
  });

  it('counts a refund action already taken as money on its way back', () => {
    const taken = cancelled({ actionsTaken: [{ kind: 'refund', idempotencyKey: 'ORD-1001/refund/pay_1/20900', at: minutesAfter(20), amount: 20_900 }] });
    expect(codes(triage.evaluate(taken, { now: minutesAfter(71) }))).toEqual([]);
  });

  it('asks finance to reconcile instead of refunding when the refund ledger is unclear', () => {
    const unclear = cancelled({ actionsTaken: [{ kind: 'refund', idempotencyKey: 'ERP-7', at: minutesAfter(20) }] });
    const r = expectReport(triage.evaluate(unclear, { now: minutesAfter(71) }));
    expect(r.findings.map((f) => [f.code, f.confidence])).toEqual([['CAPTURED_NOT_REFUNDED', 0.7]]);
    expect(r.actions.map((a) => [a.kind, 'reason' in a.params ? a.params.reason : undefined])).toEqual([
      ['manual_review', 'refund_ledger_unclear'],
      ['contact_customer', 'captured_refund'],
    ]);
  });

  it('refunds each payment of a closed order, and stays silent on a paid order or an unpaid cancelled one', () => {
    const two = buildOrder({
      status: 'closed',
      updatedAt: minutesAfter(10),
      payments: [buildPayment({ id: 'pay_1', amount: 10_000 }), buildPayment({ id: 'pay_2', amount: 10_900, method: 'wechat_pay', createdAt: minutesAfter(2) })],
    });
    expect(refunds(triage.evaluate(two, { now: minutesAfter(71) }))).toEqual([
      ['pay_2', 10_900, 'captured_not_refunded'],
      ['pay_1', 10_000, 'captured_not_refunded'],
    ]);
    expect(codes(triage.evaluate(buildOrder(), { now: minutesAfter(71) }))).toEqual([]);
    const unpaid = cancelled({ payments: [buildPayment({ status: 'failed' })] });
    expect(codes(triage.evaluate(unpaid, { now: minutesAfter(71) }))).toEqual([]);
  });

  it('leaves a failed paid order to ORDER_CREATE_FAILED: recreated with its payment, not refunded', () => {
    const failed = buildOrder({ status: 'failed', updatedAt: minutesAfter(10) });
    const r = expectReport(triage.evaluate(failed, { now: minutesAfter(71) }));
    expect(r.findings.map((f) => f.code)).toEqual(['CAPTURED_NOT_REFUNDED', 'ORDER_CREATE_FAILED']);
    expect(r.actions.some((a) => a.kind === 'refund')).toBe(false);
    expect(r.actions.some((a) => a.kind === 'recreate_order')).toBe(true);
  });

  it('says it in Chinese, naming the order', () => {
    const r = expectReport(zh.evaluate(cancelled(), { now: minutesAfter(71) }));
    expect(r.findings[0]?.summary).toBe('订单 ORD-1001 已取消，客户已付的 ¥209.00 尚未退还。');
    expect(customerTextOf(r)).toContain('您的订单已经取消，但您支付的款项还没有退还给您。');
  });

  it('is in the testing kit', () => {
    const { order, now } = paymentScenarios.capturedNotRefunded();
    expect(codes(triage.evaluate(order, { now }))).toEqual(['CAPTURED_NOT_REFUNDED']);
  });
});
