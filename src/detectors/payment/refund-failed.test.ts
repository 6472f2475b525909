import { createTriage, type EvaluateResult } from 'order-triage';
import { buildOrder, buildPayment, buildRefund, customerMessageOf, customerTextOf, expectReport, minutesAfter, paymentScenarios } from 'order-triage/testing';
import { describe, expect, it } from 'vitest';

const triage = createTriage({ locale: 'en' });
const zh = createTriage({ locale: 'zh-CN' });
const codes = (r: EvaluateResult) => expectReport(r).findings.map((f) => f.code);

const KEY = 'ORD-1001/refund/pay_1/20900';
const failedRefund = (at = 20) => buildRefund({ id: `ref_${at}`, paymentId: 'pay_1', amount: 20_900, status: 'failed', createdAt: minutesAfter(at) });
// Cancelled and refunded by us at minute 15.
const cancelled = (extra = {}) =>
  buildOrder({ status: 'cancelled', updatedAt: minutesAfter(10), actionsTaken: [{ kind: 'refund', idempotencyKey: KEY, at: minutesAfter(15), amount: 20_900 }], ...extra });

describe('REFUND_FAILED', () => {
  it('brings in finance when the gateway reports a refund failed, leaving the one retry to the finding that asked for it', () => {
    const { order, now } = paymentScenarios.refundFailed();
    const r = expectReport(triage.evaluate(order, { now }));
    expect(r.findings.map((f) => f.code)).toEqual(['REFUND_FAILED']);
    const f = r.findings.find((x) => x.code === 'REFUND_FAILED');
    expect(f).toMatchObject({ category: 'payment', owner: 'finance', severity: 'high', confidence: 0.95 });
    expect(f?.evidence.records.failedRefunds).toEqual([{ source: 'gateway', paymentId: 'pay_1', amount: 20_900, at: minutesAfter(20), attempt: 1 }]);
    expect(r.actions.map((a) => [a.kind, 'reason' in a.params ? a.params.reason : undefined])).toEqual([['manual_review', 'refund_failed']]);
    expect(r.actions[0]).toMatchObject({ owner: 'finance', automatable: false });
  });

  it('plans no second refund: our failed refund is retried once, under its retry key, through a person', () => {
    const r = triage.evaluate(cancelled({ refunds: [failedRefund()] }), { now: minutesAfter(75) });
    expect(codes(r)).toEqual(['CAPTURED_NOT_REFUNDED', 'REFUND_FAILED']);
    const refunds = expectReport(r).actions.filter((a) => a.kind === 'refund');
    expect(refunds.map((a) => [a.idempotencyKey, a.automatable, a.because])).toEqual([[`${KEY}/retry/2`, false, ['CAPTURED_NOT_REFUNDED']]]);
  });

  it("fires on a refund action recorded 'failed', and clears once a later attempt is recorded done", () => {
    const recordedFailed = buildOrder({
      status: 'cancelled',
      updatedAt: minutesAfter(10),
      actionsTaken: [{ kind: 'refund', idempotencyKey: KEY, at: minutesAfter(15), amount: 20_900, status: 'failed', error: 'card closed' }],
    });
    expect(codes(triage.evaluate(recordedFailed, { now: minutesAfter(30) }))).toEqual(['REFUND_FAILED']);
    const retried = buildOrder({
      status: 'cancelled',
      updatedAt: minutesAfter(10),
      actionsTaken: [
        { kind: 'refund', idempotencyKey: KEY, at: minutesAfter(15), amount: 20_900, status: 'failed' },
        { kind: 'refund', idempotencyKey: `${KEY}/retry/2`, at: minutesAfter(25), amount: 20_900 },
      ],
    });
    expect(codes(triage.evaluate(retried, { now: minutesAfter(30) }))).not.toContain('REFUND_FAILED');
  });

  it('clears when a later refund to the same payment is recorded done', () => {
    const other = buildOrder({
      status: 'cancelled',
      updatedAt: minutesAfter(10),
      actionsTaken: [
        { kind: 'refund', idempotencyKey: 'ERP/r/1', at: minutesAfter(15), amount: 5_000, status: 'failed' },
        { kind: 'refund', idempotencyKey: KEY, at: minutesAfter(25), amount: 20_900 },
      ],
    });
    expect(codes(triage.evaluate(other, { now: minutesAfter(30) }))).not.toContain('REFUND_FAILED');
  });

  it('clears when a pending or succeeded refund for the same payment and amount follows the failed one', () => {
    const later = cancelled({ refunds: [failedRefund(20), buildRefund({ id: 'ref_2', paymentId: 'pay_1', amount: 20_900, status: 'pending', createdAt: minutesAfter(30) })] });
    expect(codes(triage.evaluate(later, { now: minutesAfter(90) }))).toEqual([]);
  });

  it('tells the customer only when a retry failed too: another method needs their consent', () => {
    const once = expectReport(triage.evaluate(cancelled({ refunds: [failedRefund()] }), { now: minutesAfter(40) }));
    expect(once.actions.some((a) => a.kind === 'contact_customer' && a.params.reason === 'refund_failed')).toBe(false);
    const twice = cancelled({
      actionsTaken: [
        { kind: 'refund', idempotencyKey: KEY, at: minutesAfter(15), amount: 20_900, status: 'failed' },
        { kind: 'refund', idempotencyKey: `${KEY}/retry/2`, at: minutesAfter(25), amount: 20_900, status: 'failed' },
      ],
    });
    const r = expectReport(triage.evaluate(twice, { now: minutesAfter(40) }));
    expect(r.findings.find((f) => f.code === 'REFUND_FAILED')?.evidence.records.failedRefunds).toMatchObject([{ source: 'action', attempt: 2 }]);
    expect(customerMessageOf(r)?.params.topics).toContain('refund_failed');
    expect(customerTextOf(r)).toContain('We are looking into it and will come back to you');
    expect(customerTextOf(expectReport(zh.evaluate(twice, { now: minutesAfter(40) })))).toContain('我们正在核查原因，稍后会联系您');
  });

  it('has no thresholds to change, and is named in both locales', () => {
    expect(() => createTriage({ thresholds: { REFUND_FAILED: { hours: 1 } } } as never)).toThrow(/thresholds\.REFUND_FAILED\.hours/);
    const { order, now } = paymentScenarios.refundFailed();
    const f = expectReport(zh.evaluate(order, { now })).findings.find((x) => x.code === 'REFUND_FAILED');
    expect(f?.summary).toBe('订单 ORD-1001 有 1 笔退款未成功。');
  });
});

describe('a refund the gateway reports failed', () => {
  it('is never told to the customer as refunded', () => {
    const { order, now } = paymentScenarios.refundFailed();
    const r = expectReport(triage.evaluate(order, { now }));
    expect(r.actions.some((a) => a.kind === 'contact_customer')).toBe(false);
  });

  it('is told as a refund to come when the double charge it answered is retried, not as one made', () => {
    const key = 'ORD-1001/refund/pay_2/20900';
    const order = buildOrder({
      payments: [buildPayment({ id: 'pay_1', createdAt: minutesAfter(1) }), buildPayment({ id: 'pay_2', method: 'wechat_pay', createdAt: minutesAfter(2) })],
      actionsTaken: [{ kind: 'refund', idempotencyKey: key, at: minutesAfter(10), amount: 20_900 }],
      refunds: [buildRefund({ id: 'ref_1', paymentId: 'pay_2', amount: 20_900, status: 'failed', createdAt: minutesAfter(12) })],
    });
    const text = customerTextOf(expectReport(triage.evaluate(order, { now: minutesAfter(30) })));
    expect(text).toContain('We will refund CN¥209.00 to your WeChat Pay');
    expect(text).not.toContain('We have refunded');
  });
});
