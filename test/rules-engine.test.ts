import { type CustomOperator, createTriage, type UserRule } from 'order-triage';
import { buildOrder, minutesAfter } from 'order-triage/testing';
import { describe, expect, it } from 'vitest';

const startsWith: CustomOperator = {
  name: 'startsWith',
  evaluate: (fact, value) => typeof fact === 'string' && fact.startsWith(String(value)),
  validateFact: (fact) => typeof fact === 'string',
};
const rule: UserRule = {
  name: 'shenzhen-vip-prefix',
  conditions: {
    all: [
      { fact: 'order', path: '$.shippingAddress.postalCode', operator: 'startsWith', value: '518' },
      { fact: 'order.payable', operator: 'greaterThan', value: 10_000 },
    ],
  },
  event: { type: 'SHENZHEN_BIG_ORDER', params: { category: 'logistics', severity: 'low', owner: 'logistics', summary: { en: 'Order {orderId} ships big to Shenzhen.' } } },
};
const now = minutesAfter(30);

describe('user rules on json-rules-engine (custom operators)', () => {
  const triage = createTriage({ locale: 'en', rules: [rule], customOperators: [startsWith] });

  it('run custom operators, and evaluate returns a promise of the same report shape', async () => {
    const pending = triage.evaluate(buildOrder(), { now });
    expect(pending).toBeInstanceOf(Promise);
    const report = await pending;
    expect(report.ok && report.findings.map((f) => [f.code, f.ruleId, f.summary])).toEqual([
      ['SHENZHEN_BIG_ORDER', 'shenzhen-vip-prefix', 'Order ORD-1001 ships big to Shenzhen.'],
    ]);
    expect(report.ok && report.findings[0]?.evidence.conditions).toEqual([
      { fact: 'order', path: '$.shippingAddress.postalCode', value: '518057', operator: 'startsWith', threshold: '518', passed: true },
      { fact: 'order.payable', value: 20_900, operator: 'greaterThan', threshold: 10_000, passed: true },
    ]);
  });

  it('still run the built-in detectors, and explain a custom-operator rule that did not fire', async () => {
    const beijing = buildOrder({ status: 'pending_payment', payments: [], shippingAddress: { ...buildOrder().shippingAddress, postalCode: '100080' } });
    const report = await triage.evaluate(beijing, { now: minutesAfter(45) });
    expect(report.ok && report.findings.map((f) => f.code)).toEqual(['PAYMENT_FAILED']);
    const why = await triage.explain(beijing, { now }, 'SHENZHEN_BIG_ORDER');
    expect(why).toMatchObject({
      ok: true,
      fired: false,
      conditions: {
        kind: 'all',
        passed: false,
        conditions: [
          { kind: 'fact', operator: 'startsWith', value: '100080', passed: false },
          { kind: 'fact', passed: true },
        ],
      },
    });
  });

  it('validate custom operators and let rules use only registered ones', () => {
    expect(() =>
      createTriage({
        rules: [rule],
        customOperators: [
          { name: 'equal', evaluate: () => true },
          { name: 'x y', evaluate: 'nope' as never },
        ],
      }),
    ).toThrow(/customOperators\[0\]\.name: equal is a built-in operator[\s\S]*customOperators\[1\]\.name[\s\S]*customOperators\[1\]\.evaluate/);
    expect(() => createTriage({ rules: [rule] })).toThrow(/unknown operator "startsWith"/);
  });

  it('never hand a path to json-rules-engine’s JSONPath: hostile paths are refused before the engine exists', () => {
    const hostile = {
      ...rule,
      conditions: { all: [{ fact: 'order', path: "$..[?(@.constructor.constructor('globalThis.__ORDER_TRIAGE_CANARY__=1')())]", operator: 'startsWith', value: 'x' }] },
    };
    expect(() => createTriage({ rules: [hostile as never], customOperators: [startsWith] })).toThrow(/path must be \$ followed by/);
    expect((globalThis as { __ORDER_TRIAGE_CANARY__?: unknown }).__ORDER_TRIAGE_CANARY__).toBeUndefined();
  });

  it('count a custom operator that throws, or whose validateFact throws, as not holding: the evaluation still gives its report', async () => {
    const throwing = createTriage({
      locale: 'en',
      rules: [rule],
      customOperators: [
        {
          ...startsWith,
          evaluate: () => {
            throw new Error('operator boom');
          },
        },
      ],
    });
    const picky = createTriage({
      locale: 'en',
      rules: [rule],
      customOperators: [
        {
          ...startsWith,
          validateFact: () => {
            throw new Error('validateFact boom');
          },
        },
      ],
    });
    for (const triageWith of [throwing, picky]) {
      const report = await triageWith.evaluate(buildOrder(), { now });
      expect(report.ok && report.findings.map((f) => f.code)).toEqual([]);
    }
  });

  it('returns a structured error for a bad snapshot, as a promise too', async () => {
    const result = await triage.evaluate({ id: 'X' }, { now });
    expect(result).toMatchObject({ ok: false, orderId: 'X', error: { code: 'invalid_snapshot' } });
  });
});

describe('user rules on json-rules-engine where its own operators would throw', () => {
  const unpaid = () => buildOrder({ status: 'pending_payment', payments: [] });
  const dummy: CustomOperator = { name: 'neverUsed', evaluate: () => false };
  const throwingRules = [
    // `in` over a user fact that reads undefined: json-rules-engine calls undefined.indexOf
    { conditions: { all: [{ fact: 'order', path: '$.status', operator: 'in', value: { fact: 'allowedStatuses' } }] }, event: { type: 'ODD_STATUS' } },
    // `someValue:` over a string value, `swap:in` over an undefined fact
    { conditions: { all: [{ fact: 'items.totalQuantity', operator: 'someValue:equal', value: { fact: 'order', path: '$.status' } }] }, event: { type: 'SOME_VALUE' } },
    { conditions: { all: [{ fact: 'order', path: '$.items[0].sku', operator: 'swap:in', value: { fact: 'allowedStatuses' } }] }, event: { type: 'SWAPPED' } },
    // what still holds around them: a negated one that does not hold is true, as without custom operators
    { conditions: { all: [{ fact: 'order', path: '$.status', operator: 'not:in', value: { fact: 'allowedStatuses' } }] }, event: { type: 'NOT_IN' } },
  ];
  const options = { facts: [{ name: 'allowedStatuses', compute: () => undefined }], rules: throwingRules };

  it('read such a comparison as not holding and keep every built-in finding, as without custom operators', async () => {
    const report = await createTriage({ ...options, customOperators: [dummy] }).evaluate(unpaid(), { now: minutesAfter(45) });
    const plain = createTriage(options).evaluate(unpaid(), { now: minutesAfter(45) });
    expect(report.ok && report.findings.map((f) => f.code)).toEqual(['PAYMENT_FAILED', 'NOT_IN']);
    expect(report.ok && report.findings.map((f) => f.code)).toEqual(plain.ok && plain.findings.map((f) => f.code));
  });

  it('explain such a rule as not fired instead of failing', async () => {
    const why = await createTriage({ ...options, customOperators: [dummy] }).explain(unpaid(), { now }, 'ODD_STATUS');
    expect(why).toMatchObject({ ok: true, fired: false });
  });

  it('treat an empty list of custom operators as none: evaluate and explain stay synchronous', () => {
    const triage = createTriage({ ...options, customOperators: [] });
    const report = triage.evaluate(unpaid(), { now: minutesAfter(45) });
    expect(report).not.toBeInstanceOf(Promise);
    expect(report.ok && report.findings.map((f) => f.code)).toEqual(['PAYMENT_FAILED', 'NOT_IN']);
    expect(triage.explain(unpaid(), { now }, 'ODD_STATUS')).toMatchObject({ ok: true, fired: false });
  });
});
