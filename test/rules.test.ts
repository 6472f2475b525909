import { createTriage, getRuleJsonSchema, isInvalidOptionsError, type UserRule, validateRules } from 'order-triage';
import { backtest, buildOrder, buildPayment, expectFinding, expectNoFinding, minutesAfter, paymentScenarios, TriageAssertionError } from 'order-triage/testing';
import { describe, expect, it } from 'vitest';

const bigFirstOrder: UserRule = {
  name: 'big-first-order',
  conditions: {
    all: [{ condition: 'newAccount' }, { fact: 'order', path: '$.totals.payable', operator: 'greaterThan', value: 50_000 }],
  },
  event: {
    type: 'BIG_FIRST_ORDER',
    params: {
      category: 'fraud',
      severity: 'medium',
      owner: 'risk',
      summary: { en: 'Order {orderId} is a big first order.', 'zh-CN': '订单 {orderId} 是新账号的大额首单。' },
      checklist: { en: ['Call the customer'] },
    },
  },
};
const options = { locale: 'en' as const, conditions: { newAccount: { all: [{ fact: 'customer.accountAgeHours', operator: 'lessThan', value: 72 }] } }, rules: [bigFirstOrder] };
const triage = createTriage(options);
const now = minutesAfter(30);
const order = (payable: number, accountHours = 1) =>
  buildOrder({
    items: [{ sku: 'TV', quantity: 1, unitPrice: payable - 1_000 }],
    customer: { id: 'C-7', accountCreatedAt: minutesAfter(-60 * accountHours) },
  });

describe('user rules', () => {
  it('raise their own code with the rule name, category, severity, owner, texts and evidence', () => {
    const finding = expectFinding(triage.evaluate(order(60_000), { now }), 'BIG_FIRST_ORDER');
    expect(finding).toMatchObject({ ruleId: 'big-first-order', category: 'fraud', severity: 'medium', owner: 'risk', confidence: 0.9 });
    expect(finding.summary).toBe('Order ORD-1001 is a big first order.');
    expect(finding.checklist).toEqual(['Call the customer']);
    expect(finding.evidence.conditions).toEqual([
      { fact: 'customer.accountAgeHours', value: 1, operator: 'lessThan', threshold: 72, passed: true },
      { fact: 'order', path: '$.totals.payable', value: 60_000, operator: 'greaterThan', threshold: 50_000, passed: true },
    ]);
  });

  it('stay silent on the nearest miss', () => {
    expectNoFinding(triage.evaluate(order(50_000), { now }), 'BIG_FIRST_ORDER');
    expectNoFinding(triage.evaluate(order(60_000, 72), { now }), 'BIG_FIRST_ORDER');
  });

  it('ask a person to review by default, or borrow a built-in code’s playbook', () => {
    const review = triage.evaluate(order(60_000), { now });
    expect(review.ok && review.actions.map((a) => [a.kind, a.params, a.because])).toEqual([
      ['manual_review', { reason: 'rule_matched', details: ['big-first-order'] }, ['BIG_FIRST_ORDER']],
    ]);
    const borrowing = createTriage({
      rules: [{ ...bigFirstOrder, event: { type: 'BIG_FIRST_ORDER', params: { ...bigFirstOrder.event.params, playbook: 'SUSPICIOUS_NEW_ACCOUNT' } } }],
      conditions: options.conditions,
    });
    const r = borrowing.evaluate(order(60_000), { now });
    expect(r.ok && r.actions.map((a) => a.kind)).toEqual(['manual_review', 'hold_shipment']);
  });

  it('fall back to the locale’s generic summary when the rule has none for it', () => {
    const japanese = { ...bigFirstOrder, event: { ...bigFirstOrder.event, params: { ...bigFirstOrder.event.params, summary: { en: 'x' } } } };
    const zh = createTriage({ rules: [japanese], conditions: options.conditions });
    expect(expectFinding(zh.evaluate(order(60_000), { now }), 'BIG_FIRST_ORDER').summary).toBe('订单 ORD-1001 命中规则「big-first-order」（BIG_FIRST_ORDER）。');
  });

  it('are validated before anything runs, every problem in one error naming rule and path', () => {
    let error: unknown;
    try {
      createTriage({
        rules: [
          {
            name: 'a',
            conditions: { all: [{ fact: 'payments.surplu', operator: 'greaterThen', value: 1 }] },
            event: { type: 'RULE_A', params: { category: 'fraud', severity: 'low', owner: 'risk' } },
          },
          {
            name: 'b',
            conditions: { any: [{ fact: 'order.status', operator: 'equal', value: 1 }] },
            event: { type: 'RULE_B', params: { category: 'fraud', severity: 'low', owner: 'robot' } },
          },
        ],
      } as never);
    } catch (e) {
      error = e;
    }
    expect(isInvalidOptionsError(error)).toBe(true);
    expect((error as { issues: { path: unknown[]; message: string }[] }).issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      [
        'rules.0.conditions.all.0.fact',
        'rule "a": unknown fact "payments.surplu"; did you mean "payments.surplus"? (facts: order, the catalogue in docs/rules.md, and options.facts)',
      ],
      ['rules.0.conditions.all.0.operator', expect.stringContaining('rule "a": unknown operator "greaterThen"; did you mean "greaterThan"?')],
      ['rules.1.event.params.owner', expect.stringContaining('rule "b": Invalid option: expected one of "customer_service"')],
      ['rules.1.conditions.any.0.value', 'rule "b": order.status is a string; a number can never be equal to it'],
    ]);
  });

  it('publish their format as JSON Schema for admin UIs', () => {
    const schema = getRuleJsonSchema() as { required: string[]; properties: Record<string, unknown> };
    // As in json-rules-engine, a rule needs its conditions and event; its name is optional.
    expect(schema.required).toEqual(['conditions', 'event']);
    expect(JSON.stringify(schema)).toContain('"enum":["low","medium","high","critical"]');
  });
});

describe('explain', () => {
  it('says why a built-in code did not fire, condition by condition', () => {
    const why = triage.explain(buildOrder({ status: 'pending_payment', payments: [] }), { now: minutesAfter(29) }, 'PAYMENT_FAILED');
    expect(why).toMatchObject({ ok: true, fired: false, ruleId: 'builtin:PAYMENT_FAILED', thresholds: { unpaidMinutes: 30, autoCancelHours: 24 } });
    if (!why.ok) return;
    expect(why.conditions).toMatchObject({
      kind: 'all',
      passed: false,
      conditions: [
        { kind: 'fact', fact: 'order.status', passed: true },
        { kind: 'fact', fact: 'payments.succeededCount', passed: true },
        { kind: 'fact', fact: 'payments.isCashOnDelivery', passed: true },
        {
          kind: 'any',
          passed: false,
          conditions: [
            { kind: 'fact', fact: 'payments.latestAttemptStatus', value: null, passed: false },
            { kind: 'fact', fact: 'order.minutesSinceCreated', value: 29, operator: 'greaterThan', threshold: 30, passed: false },
          ],
        },
      ],
    });
  });

  it('explains user rules too, and a fired code another one explains away', () => {
    const why = triage.explain(order(40_000), { now }, 'BIG_FIRST_ORDER');
    expect(why.ok && why.fired).toBe(false);
    const lost = buildOrder({
      status: 'shipped',
      shipments: [{ id: 'S', carrier: 'SF', trackingNumber: 'T', shippedAt: minutesAfter(0), events: [{ at: minutesAfter(0), code: 'in_transit' }] }],
    });
    const stalled = triage.explain(lost, { now: minutesAfter(8 * 24 * 60) }, 'TRACKING_STALLED');
    expect(stalled).toMatchObject({ ok: true, fired: true, supersededBy: ['PACKAGE_LOST'] });
  });

  it('answers an unknown code with a structured error and a suggestion', () => {
    expect(triage.explain(buildOrder(), { now }, 'PAYMENT_FAIL')).toMatchObject({
      ok: false,
      error: { code: 'unknown_code', issues: [{ path: ['code'], message: expect.stringContaining('did you mean "PAYMENT_FAILED"?') }] },
    });
  });

  it('says in its message that the code is unknown, not that order-triage failed unexpectedly', () => {
    const why = triage.explain(buildOrder(), { now }, 'PAYMENT_FAILD');
    expect(why.ok).toBe(false);
    const { message } = (why as { error: { message: string } }).error;
    expect(message).toMatch(/code/i);
    expect(message).not.toMatch(/unexpectedly|report this/);
  });
});

describe('the testing kit', () => {
  it('expectFinding and expectNoFinding fail with what was found instead', () => {
    const { order: paidTwice } = paymentScenarios.duplicatePayment();
    const result = triage.evaluate(paidTwice, { now });
    expect(() => expectFinding(result, 'BIG_FIRST_ORDER')).toThrow(new TriageAssertionError('expected BIG_FIRST_ORDER on order ORD-1001, found DUPLICATE_PAYMENT'));
    expect(() => expectNoFinding(result, 'DUPLICATE_PAYMENT')).toThrow(/it fired because:\n {2}- payments\.succeededCount = 2 greaterThanInclusive 2/);
    expect(() => expectFinding(triage.evaluate({}, { now }), 'X')).toThrow(/evaluation failed \(invalid_snapshot\)/);
  });

  it('backtest shows hits per code and exactly which orders move between two rule sets', () => {
    const orders = [
      buildOrder({ id: 'A', status: 'pending_payment', payments: [] }),
      buildOrder({ id: 'B', status: 'pending_payment', payments: [], createdAt: minutesAfter(-60) }),
      buildOrder({ id: 'C' }),
      buildOrder({ id: 'D', payments: [buildPayment(), buildPayment({ id: 'pay_2', createdAt: minutesAfter(2) })] }),
      { id: 'broken' },
    ];
    const result = backtest({}, { thresholds: { PAYMENT_FAILED: { unpaidMinutes: 45 } } }, orders, { now: minutesAfter(40) });
    expect(result).toEqual({
      orders: 5,
      invalid: [4],
      hits: { a: { PAYMENT_FAILED: 2, DUPLICATE_PAYMENT: 1 }, b: { PAYMENT_FAILED: 1, DUPLICATE_PAYMENT: 1 } },
      changed: [{ orderId: 'A', added: [], removed: ['PAYMENT_FAILED'] }],
    });
  });
});

describe('user rules against options that change under them', () => {
  it('refuses a rule named builtin:..., which would pass for a built-in detector’s ruleId', () => {
    let error: unknown;
    try {
      createTriage({ ...options, rules: [{ ...bigFirstOrder, name: 'builtin:PAYMENT_FAILED' }] });
    } catch (e) {
      error = e;
    }
    expect(isInvalidOptionsError(error)).toBe(true);
    expect((error as { issues: unknown }).issues).toEqual([
      { path: ['rules', 0, 'name'], message: 'rule "builtin:PAYMENT_FAILED": names starting with "builtin:" are kept for built-in detectors' },
    ]);
  });

  it('run the tree that was validated when a conditions getter answers differently later, reading it once', () => {
    const fires = { all: [{ fact: 'order', path: '$.id', operator: 'equal', value: 'ORD-1001' }] };
    const never = { all: [{ fact: 'order', path: '$.id', operator: 'equal', value: 'someone else' }] };
    let reads = 0;
    const rule = Object.defineProperty({ ...bigFirstOrder, conditions: undefined }, 'conditions', {
      get: () => (++reads === 1 ? fires : never),
      enumerable: true,
    });
    const named: Record<string, unknown> = {};
    let namedReads = 0;
    Object.defineProperty(named, 'newAccount', { get: () => (++namedReads === 1 ? fires : never), enumerable: true });
    const ruled = createTriage({
      locale: 'en',
      rules: [rule as never, { ...bigFirstOrder, name: 'named', event: { ...bigFirstOrder.event, type: 'NAMED_ORDER' }, conditions: { all: [{ condition: 'newAccount' }] } }],
      conditions: named as never,
    });
    expect([reads, namedReads]).toEqual([1, 1]);
    const report = ruled.evaluate(order(60_000), { now });
    expectFinding(report, 'BIG_FIRST_ORDER');
    expectFinding(report, 'NAMED_ORDER');
  });

  it('validateRules, called directly, reads a conditions getter once and returns the tree it validated', () => {
    const fires = { all: [{ fact: 'order', path: '$.id', operator: 'equal', value: 'ORD-1001' }] };
    let reads = 0;
    const rule = Object.defineProperty({ ...bigFirstOrder, conditions: undefined }, 'conditions', {
      get: () => (++reads === 1 ? fires : { all: [{ fact: 'no such fact', operator: 'equal', value: 1 }] }),
      enumerable: true,
    });
    const { rules, issues } = validateRules([rule]);
    expect(issues).toEqual([]);
    expect(reads).toBe(1);
    expect(rules[0]?.conditions).toEqual(fires);
  });
});
