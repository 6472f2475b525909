import { createTriage, type OrderSnapshotInput, toActionTaken } from 'order-triage';
import { expectReport, minutesAfter, paymentScenarios } from 'order-triage/testing';
import { describe, expect, it } from 'vitest';

const triage = createTriage({ locale: 'en' });

function duplicatePaymentPlan() {
  const { order, now } = paymentScenarios.duplicatePayment();
  const report = expectReport(triage.evaluate(order, { now }));
  const refund = report.actions.find((a) => a.kind === 'refund');
  const message = report.actions.find((a) => a.kind === 'contact_customer');
  if (refund === undefined || message === undefined) throw new Error('the duplicate payment scenario plans a refund and a message');
  return { order: order as OrderSnapshotInput, now, refund, message };
}

describe('toActionTaken', () => {
  it('writes a refund as its kind, key, UTC instant, amount, currency and status done', () => {
    const { refund } = duplicatePaymentPlan();
    if (refund.kind !== 'refund') throw new Error('a refund');
    expect(toActionTaken(refund, { at: new Date('2026-03-01T12:31:00+08:00') })).toEqual({
      kind: 'refund',
      idempotencyKey: refund.idempotencyKey,
      at: '2026-03-01T04:31:00.000Z',
      amount: refund.params.amount,
      currency: refund.params.currency,
      status: 'done',
    });
  });

  it('writes an action that moves no money without amount or currency, and accepts epoch milliseconds and offset timestamps', () => {
    const { message } = duplicatePaymentPlan();
    const at = Date.parse('2026-03-01T04:31:00Z');
    const expected = { kind: 'contact_customer', idempotencyKey: message.idempotencyKey, at: '2026-03-01T04:31:00.000Z', status: 'done' };
    expect(toActionTaken(message, { at })).toEqual(expected);
    expect(toActionTaken(message, { at: '2026-03-01T12:31:00+08:00' })).toEqual(expected);
  });

  it('writes only snapshot fields: its entries are read in strict mode with no warning, currency included', () => {
    const { order, now, refund, message } = duplicatePaymentPlan();
    const at = '2026-03-01T04:31:00.000Z';
    const recorded = { ...order, actionsTaken: [toActionTaken(refund, { at }), toActionTaken(message, { at })] };
    const report = expectReport(createTriage({ locale: 'en', strict: true }).evaluate(recorded, { now }));
    expect(report.warnings).toEqual([]);
    expect(recorded.actionsTaken[0]).toHaveProperty('currency', refund.params.currency);
    // currency is a field of the snapshot, checked like every currency: not an unknown key let through.
    const wrong = { ...order, actionsTaken: [{ ...toActionTaken(refund, { at }), currency: 'RMB' }] };
    const failed = triage.evaluate(wrong, { now });
    expect(failed.ok).toBe(false);
    if (!failed.ok) expect(failed.error.issues.map((i) => i.path)).toContainEqual(['actionsTaken', 0, 'currency']);
  });

  it('keeps the error only for a failed action, and refuses an `at` that is no instant', () => {
    const { refund } = duplicatePaymentPlan();
    expect(toActionTaken(refund, { at: 0, status: 'failed', error: 'gateway timeout' })).toMatchObject({ status: 'failed', error: 'gateway timeout' });
    expect(toActionTaken(refund, { at: 0, error: 'ignored' })).not.toHaveProperty('error');
    expect(() => toActionTaken(refund, { at: 'yesterday' })).toThrow(RangeError);
    expect(() => toActionTaken(refund, { at: new Date(Number.NaN) })).toThrow(RangeError);
  });

  it('recorded as done, the refund and the message are not recommended again on the next evaluation', () => {
    const { order, refund, message } = duplicatePaymentPlan();
    const at = minutesAfter(31);
    const recorded = { ...order, actionsTaken: [...(order.actionsTaken ?? []), toActionTaken(refund, { at }), toActionTaken(message, { at })] };
    const next = expectReport(triage.evaluate(recorded, { now: minutesAfter(40) }));
    expect(next.actions).toEqual([]);
  });

  it('recorded as failed, the refund is planned again for the same payment and amount', () => {
    const { order, refund } = duplicatePaymentPlan();
    if (refund.kind !== 'refund') throw new Error('a refund');
    const recorded = { ...order, actionsTaken: [toActionTaken(refund, { at: minutesAfter(31), status: 'failed', error: 'gateway refused' })] };
    const next = expectReport(triage.evaluate(recorded, { now: minutesAfter(40) }));
    const retried = next.actions.filter((a) => a.kind === 'refund');
    expect(retried).toHaveLength(1);
    expect(retried[0]?.params).toMatchObject({ paymentId: refund.params.paymentId, amount: refund.params.amount });
  });
});
