import { createTriage, InvalidOptionsError, isInvalidOptionsError, isOrderTriageError, formatPath } from 'order-triage';
import { buildOrder, buildPayment, minutesAfter, paymentScenarios } from 'order-triage/testing';
import { describe, expect, it } from 'vitest';
import { expectReport } from './helpers.js';

function optionProblems(options: unknown): string[] {
  try {
    createTriage(options as never);
  } catch (error) {
    expect(isInvalidOptionsError(error)).toBe(true);
    expect(isOrderTriageError(error)).toBe(true);
    return (error as InvalidOptionsError).issues.map((i) => `${formatPath(i.path)}: ${i.message}`);
  }
  throw new Error('createTriage did not throw');
}

describe('createTriage options', () => {
  it('throws once, listing every problem with its path', () => {
    const problems = optionProblems({
      locale: 'fr',
      thresholds: { PAYMENT_FAILED: { unpaidMinutes: 0 }, PAID_NOT_UPDATED: { graceMinutes: 'five' } },
      policy: { sla: { high: -5 }, authority: { CNY: { agent: 500, supervisor: 100, manager: 1000 } } },
    });
    expect(problems.map((p) => p.split(':')[0])).toEqual([
      'locale',
      'thresholds.PAYMENT_FAILED.unpaidMinutes',
      'thresholds.PAID_NOT_UPDATED.graceMinutes',
      'policy.sla.high',
      'policy.authority.CNY',
    ]);
  });

  it('rejects a misspelt threshold and suggests the right one, so a typo never silently does nothing', () => {
    expect(optionProblems({ thresholds: { PAYMENT_FAILED: { unpaidMinute: 45 } } })).toEqual([
      'thresholds.PAYMENT_FAILED.unpaidMinute: unknown key "unpaidMinute"; did you mean "unpaidMinutes"? (known keys: unpaidMinutes, autoCancelHours)',
    ]);
    expect(optionProblems({ thresholds: { PAYMENT_FAIL: {} } })[0]).toContain('did you mean "PAYMENT_FAILED"?');
    expect(optionProblems({ polcy: {} })[0]).toContain('did you mean "policy"?');
  });

  it('states every problem in the error message too', () => {
    expect(() => createTriage({ locale: 'fr', timeZone: 'Mars/Olympus' } as never)).toThrow(
      /\(2 problems\):\n {2}- locale: .*\n {2}- timeZone: timeZone must be an IANA time zone/,
    );
  });

  it('fills in every default and exposes them', () => {
    const { options } = createTriage();
    expect(options.locale).toBe('zh-CN');
    expect(options.thresholds.PAYMENT_FAILED).toEqual({ unpaidMinutes: 30, autoCancelHours: 24 });
    expect(options.thresholds.PAID_NOT_UPDATED).toEqual({ graceMinutes: 5, incidentAfterMinutes: 30 });
    expect(options.policy.sla).toEqual({ critical: 15, high: 60, medium: 240, low: 1440 });
    expect(options.policy.refundEta.byMethod.alipay).toEqual({ minDays: 1, maxDays: 3 });
  });

  it('does not run disabled detectors', () => {
    const { order, now } = paymentScenarios.duplicatePayment();
    const quiet = createTriage({ disabled: ['DUPLICATE_PAYMENT'] });
    expect(expectReport(quiet.evaluate(order, { now })).findings).toEqual([]);
  });

  it('routes a finding to the owner the policy names', () => {
    const { order, now } = paymentScenarios.paymentFailed();
    const triage = createTriage({ policy: { owners: { PAYMENT_FAILED: 'finance' } } });
    expect(expectReport(triage.evaluate(order, { now })).findings[0]?.owner).toBe('finance');
  });

  it('sets respondBy and dueBy from the SLA of the finding’s severity', () => {
    const { order, now } = paymentScenarios.duplicatePayment(); // high severity, now = 10:30+08:00
    const triage = createTriage({ policy: { sla: { high: 90 } } });
    const r = expectReport(triage.evaluate(order, { now }));
    expect(r.findings[0]?.respondBy).toBe('2026-03-01T04:00:00.000Z');
    expect(r.actions[0]?.dueBy).toBe('2026-03-01T04:00:00.000Z');
  });

  it('serves a USD shop from configuration alone: money, authority and language', () => {
    const triage = createTriage({
      locale: 'en',
      timeZone: 'America/New_York',
      policy: {
        authority: { USD: { agent: 5_000, supervisor: 20_000, manager: 100_000 } },
        paymentMethods: { offered: ['card', 'paypal'] },
      },
    });
    const order = buildOrder({
      currency: 'USD',
      items: [{ sku: 'MUG', quantity: 1, unitPrice: 2_500 }],
      totals: { shipping: 500 },
      payments: [
        buildPayment({ id: 'pay_1', method: 'card', amount: 3_000 }),
        buildPayment({ id: 'pay_2', method: 'paypal', amount: 3_000, createdAt: minutesAfter(2) }),
      ],
    });
    const r = expectReport(triage.evaluate(order, { now: minutesAfter(30) }));
    expect(r.actions[0]).toMatchObject({ kind: 'refund', requiresApproval: 'none', params: { amount: 3_000, currency: 'USD' } });
    expect(r.actions[0]?.customerMessage?.text).toContain('$30.00');
    expect(r.actions[0]?.customerMessage?.text).toContain('Feb 28, 2026, 21:02'); // 10:02 in Shanghai
  });

  it('needs an executive for money in a currency the policy sets no limits for', () => {
    const order = buildOrder({
      currency: 'JPY',
      items: [{ sku: 'TEA', quantity: 1, unitPrice: 1_500 }],
      totals: { shipping: 0 },
      payments: [buildPayment({ id: 'pay_1', amount: 1_500 }), buildPayment({ id: 'pay_2', amount: 1_500, createdAt: minutesAfter(2) })],
    });
    const r = expectReport(createTriage({ locale: 'en' }).evaluate(order, { now: minutesAfter(30) }));
    expect(r.actions[0]).toMatchObject({ requiresApproval: 'executive', automatable: false });
    expect(r.actions[0]?.customerMessage?.text).toContain('¥1,500');
  });
});
