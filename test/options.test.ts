import { createTriage, formatPath, type InvalidOptionsError, isInvalidOptionsError, isOrderTriageError, messageCatalogues } from 'order-triage';
import { allScenarios, buildOrder, buildPayment, customerTextOf, expectFailure, expectReport, minutesAfter, paymentScenarios } from 'order-triage/testing';
import { describe, expect, it } from 'vitest';

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
      payments: [buildPayment({ id: 'pay_1', method: 'card', amount: 3_000 }), buildPayment({ id: 'pay_2', method: 'paypal', amount: 3_000, createdAt: minutesAfter(2) })],
    });
    const r = expectReport(triage.evaluate(order, { now: minutesAfter(30) }));
    expect(r.actions[0]).toMatchObject({ kind: 'refund', requiresApproval: 'none', params: { amount: 3_000, currency: 'USD' } });
    expect(customerTextOf(r)).toContain('$30.00');
    expect(customerTextOf(r)).toContain('Feb 28, 2026, 21:02'); // 10:02 in Shanghai
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
    expect(customerTextOf(r)).toContain('¥1,500');
  });
});

describe('options that createTriage accepts never make an evaluation fail', () => {
  const en = messageCatalogues.en;

  it('refuses every duration past ten years (the issue’s 2**40 SLA and MAX_SAFE_INTEGER hours among them) naming its path, and evaluates with ten years', () => {
    const problems = optionProblems({
      thresholds: {
        PAYMENT_FAILED: { autoCancelHours: Number.MAX_SAFE_INTEGER, unpaidMinutes: 5_256_001 },
        TRACKING_STALLED: { stalledDays: 3_651, byCarrier: { SF: { stalledDays: 1e6 } } },
        PACKAGE_LOST: { lostAfterDays: 2 ** 31 },
      },
      policy: {
        sla: { high: 2 ** 40 },
        refundEta: { default: { minDays: 1, maxDays: 3_651 }, byMethod: { alipay: { minDays: 0, maxDays: 2 ** 31 } } },
        compensation: { CNY: { maxPerOrder: 5_000, couponValidDays: 2 ** 40 } },
        escalation: [{ afterMinutes: Number.MAX_SAFE_INTEGER, to: 'supervisor' }],
        followUp: { afterHours: 87_601 },
      },
      batch: { windowHours: 2 ** 40, rapidRepeatMinutes: Number.MAX_SAFE_INTEGER },
    });
    expect(problems.map((p) => p.split(': ')[0])).toEqual([
      'thresholds.PAYMENT_FAILED.unpaidMinutes',
      'thresholds.PAYMENT_FAILED.autoCancelHours',
      'thresholds.TRACKING_STALLED.stalledDays',
      'thresholds.TRACKING_STALLED.byCarrier.SF.stalledDays',
      'thresholds.PACKAGE_LOST.lostAfterDays',
      'policy.sla.high',
      'policy.refundEta.default.maxDays',
      'policy.refundEta.byMethod.alipay.maxDays',
      'policy.compensation.CNY.couponValidDays',
      'policy.escalation[0].afterMinutes',
      'policy.followUp.afterHours',
      'batch.windowHours',
      'batch.rapidRepeatMinutes',
    ]);
    expect(problems[0]).toContain('at most 5256000 minutes (ten years)');
    // Exactly ten years is accepted, and evaluates at the last allowed now.
    const triage = createTriage({
      policy: { sla: { critical: 5_256_000, high: 5_256_000, medium: 5_256_000, low: 5_256_000 }, followUp: { afterHours: 87_600 } },
      thresholds: { PAYMENT_FAILED: { unpaidMinutes: 1, autoCancelHours: 87_600 }, TRACKING_STALLED: { stalledDays: 3_650 } },
      batch: { windowHours: 87_600 },
    });
    for (const make of allScenarios) {
      const { order } = make();
      const report = expectReport(triage.evaluate(order, { now: new Date(Date.UTC(9999, 11, 31, 23, 59, 59, 999)) }));
      for (const finding of report.findings) expect(finding.respondBy).toBe('+010009-12-28T23:59:59.999Z'); // 3,650 days on
    }
  });

  it('gives invalid_context at context.now, not internal_error, for a now at the end of the Date range', () => {
    const { order } = paymentScenarios.duplicatePayment();
    const triage = createTriage();
    for (const now of [new Date('+275760-09-13T00:00:00.000Z'), new Date(Date.UTC(10_000, 0, 1)), new Date(-1), '1969-12-31T23:59:59Z']) {
      const result = expectFailure(triage.evaluate(order, { now }));
      expect(result.error.code).toBe('invalid_context');
      expect(result.error.issues).toEqual([{ path: ['context', 'now'], message: 'now must fall in the years 1970 to 9999 (UTC)' }]);
    }
  });

  it('refuses a locale tag Intl cannot read, as the locale or as a catalogue’s language', () => {
    expect(optionProblems({ locale: 'xx-!!', messages: { 'xx-!!': { ...en, locale: 'xx-!!' } } })).toEqual([
      'locale: "xx-!!" is not a BCP 47 language tag such as en or ja-JP',
      'messages["xx-!!"].locale: "xx-!!" is not a BCP 47 language tag such as en or ja-JP',
    ]);
    expect(optionProblems({ locale: 'ja', messages: { ja: { ...en, locale: 'ja_JP!' } } })).toEqual([
      'messages.ja.locale: "ja_JP!" is not a BCP 47 language tag such as en or ja-JP',
    ]);
  });

  it('refuses each catalogue function that throws or returns a number, BigInt, object or null on a sample, naming it, and accepts the built-in ones', () => {
    const problems = optionProblems({
      locale: 'fr',
      messages: {
        fr: {
          ...en,
          locale: 'fr-FR',
          paymentMethod: () => 42,
          list: () => 10n,
          summaries: {
            ...en.summaries,
            PAYMENT_FAILED: () => {
              throw new Error('boom');
            },
          },
          customer: { ...en.customer, remedies: { ...en.customer.remedies, refunds: () => ({ text: 'refund' }) } as never },
          internal: { ...en.internal, remark: () => null },
          batch: { ...en.batch, summaries: { ...en.batch.summaries, COUPON_ABUSE: () => undefined } },
        },
      },
    });
    expect(problems).toEqual([
      'messages.fr.summaries.PAYMENT_FAILED: threw on a sample input: boom',
      'messages.fr.batch.summaries.COUPON_ABUSE: must return a string, but returned undefined on a sample input',
      'messages.fr.paymentMethod: must return a string, but returned number on a sample input',
      'messages.fr.list: must return a string, but returned bigint on a sample input',
      'messages.fr.customer.remedies.refunds: must return a string, but returned object on a sample input',
      'messages.fr.internal.remark: must return a string, but returned null on a sample input',
    ]);
    // The built-in catalogues pass as custom ones: the sample is one their own texts are written from.
    for (const catalogue of Object.values(messageCatalogues)) {
      expect(() => createTriage({ locale: 'fr', messages: { fr: catalogue } })).not.toThrow();
    }
  });

  it('falls back to the built-in text when a custom catalogue function throws or returns a non-string on a real order, and keeps the report', () => {
    const { order, now } = paymentScenarios.paymentFailed();
    const picky = (text: string) => (m: { orderId?: string; order?: { id: string } }) => {
      if ((m.orderId ?? m.order?.id) === order.id) throw new Error('not this order');
      return text;
    };
    const triage = createTriage({
      locale: 'en',
      messages: {
        en: {
          ...en,
          summaries: { ...en.summaries, PAYMENT_FAILED: picky('custom summary') },
          customer: { ...en.customer, compose: ((m: { orderId: string }) => (m.orderId === order.id ? 7 : 'message')) as never },
        },
      },
    });
    const report = expectReport(triage.evaluate(order, { now }));
    const plain = expectReport(createTriage({ locale: 'en' }).evaluate(order, { now }));
    expect(report.findings[0]?.summary).toBe(plain.findings[0]?.summary);
    expect(report.actions.map((a) => a.customerMessage?.text)).toEqual(plain.actions.map((a) => a.customerMessage?.text));
    expect(report.actions.some((a) => typeof a.customerMessage?.text === 'string')).toBe(true);
  });

  it('turns a throwing getter anywhere in the options into an InvalidOptionsError naming where, never a raw throw', () => {
    const boom = (): never => {
      throw new Error('getter exploded');
    };
    const rule = { name: 'r', event: { type: 'BIG_ORDER', params: { category: 'order', severity: 'low', owner: 'customer_service' } } };
    const rulesWithGetter: unknown[] = [];
    Object.defineProperty(rulesWithGetter, 0, { get: boom, enumerable: true });
    const cases: [unknown, string][] = [
      [Object.defineProperty({}, 'locale', { get: boom, enumerable: true }), 'locale: could not be read: getter exploded'],
      [{ policy: Object.defineProperty({}, 'sla', { get: boom, enumerable: true }) }, 'policy.sla: could not be read: getter exploded'],
      [{ rules: rulesWithGetter }, 'rules[0]: could not be read: getter exploded'],
      [{ rules: [Object.defineProperty({ ...rule }, 'conditions', { get: boom, enumerable: true })] }, 'rules[0].conditions: could not be read: getter exploded'],
      [{ policy: new Proxy({}, { ownKeys: boom }) }, 'policy: could not be read: getter exploded'],
      [{ thresholds: new Proxy({}, { getPrototypeOf: boom }) }, 'thresholds: could not be read: getter exploded'],
    ];
    for (const [options, problem] of cases) expect(optionProblems(options)).toEqual([problem]);
  });
});
