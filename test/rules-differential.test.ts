import fc from 'fast-check';
import { Engine } from 'json-rules-engine';
import { createTriage, type OrderSnapshotInput, OrderSnapshotSchema } from 'order-triage';
import { buildFactSettings, deriveFacts } from 'order-triage/internals';
import { buildOrder, buildPayment, minutesAfter } from 'order-triage/testing';
import { describe, expect, it } from 'vitest';

// User rules must mean here what they mean in json-rules-engine. Generated rules (paths into the
// snapshot, derived facts, every built-in operator that fits the type) run through
// json-rules-engine's own Engine and through createTriage; the verdicts must agree.

const numberPaths = ['$.totals.payable', '$.totals.shipping', '$.items[0].quantity', '$.items[1].quantity', '$.payments[0].amount'];
const stringPaths = ['$.status', '$.items[0].sku', '$.customer.tier', '$.shippingAddress.country', '$.items[1].sku'];
const numberFacts = ['payments.succeededCount', 'payments.surplus', 'items.totalQuantity', 'customer.accountAgeHours', 'order.payable'];
const stringFacts = ['order.status', 'payments.latestAttemptStatus', 'address.country'];
const numberValue = fc.integer({ min: -1, max: 25_000 });
const stringValue = fc.constantFrom('paid', 'pending_payment', 'SKU-A', 'SKU-B', 'vip', 'regular', 'CN', 'US', 'succeeded', 'failed');

const numberLeaf = fc.oneof(
  fc.record({
    target: fc.oneof(
      fc.constantFrom(...numberPaths).map((path) => ({ fact: 'order', path })),
      fc.constantFrom(...numberFacts).map((fact) => ({ fact })),
    ),
    operator: fc.constantFrom('equal', 'notEqual', 'lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive'),
    value: numberValue,
  }),
  fc.record({
    target: fc.constantFrom(...numberPaths).map((path) => ({ fact: 'order', path })),
    operator: fc.constantFrom('in', 'notIn'),
    value: fc.array(numberValue, { maxLength: 4 }),
  }),
);
const stringLeaf = fc
  .record({
    target: fc.oneof(
      fc.constantFrom(...stringPaths).map((path) => ({ fact: 'order', path })),
      fc.constantFrom(...stringFacts).map((fact) => ({ fact })),
    ),
    operator: fc.constantFrom('equal', 'notEqual', 'in', 'notIn'),
    value: fc.oneof(stringValue, fc.array(stringValue, { maxLength: 4 })),
  })
  .filter((l) => (l.operator === 'in' || l.operator === 'notIn') === Array.isArray(l.value));
const leaf = fc.oneof(numberLeaf, stringLeaf).map(({ target, operator, value }) => ({ ...target, operator, value }));

const { node } = fc.letrec<{ node: unknown }>((tie) => ({
  node: fc.oneof(
    // Rules may nest 8 levels; the two top levels are added below.
    { depthSize: 'small', withCrossShrink: true, maxDepth: 5 },
    leaf,
    fc.record({ all: fc.array(tie('node'), { maxLength: 3 }) }),
    fc.record({ any: fc.array(tie('node'), { maxLength: 3 }) }),
    fc.record({ not: tie('node') }),
  ),
}));
const conditions = fc.oneof(fc.record({ all: fc.array(node, { minLength: 1, maxLength: 3 }) }), fc.record({ any: fc.array(node, { minLength: 1, maxLength: 3 }) }));

const order = fc
  .record({
    quantity: fc.integer({ min: 1, max: 5 }),
    unitPrice: fc.integer({ min: 100, max: 9_000 }),
    sku: fc.constantFrom('SKU-A', 'SKU-B'),
    tier: fc.constantFrom('vip' as const, 'regular' as const),
    status: fc.constantFrom('paid' as const, 'pending_payment' as const),
    paid: fc.boolean(),
  })
  .map(
    ({ quantity, unitPrice, sku, tier, status, paid }): OrderSnapshotInput =>
      buildOrder({
        status,
        items: [{ sku, quantity, unitPrice }],
        customer: { id: 'C', tier, accountCreatedAt: minutesAfter(-120) },
        payments: paid ? [buildPayment({ amount: quantity * unitPrice + 1_000 })] : [],
      }),
  );

const now = minutesAfter(30);
const base = createTriage({ disabled: [] });
const settings = buildFactSettings(base.options);
const factContext = {
  now: Date.parse(now),
  settings,
  calendar: { timeZone: 'Asia/Shanghai', holidays: new Set<string>(), nonWorkingWeekdays: new Set<number>() },
  blacklist: undefined,
};

async function engineFires(rule: object, snapshot: OrderSnapshotInput): Promise<boolean> {
  const engine = new Engine([], { allowUndefinedFacts: true });
  engine.addRule(rule as never);
  const facts: Record<string, unknown> = { ...deriveFacts(OrderSnapshotSchema.parse(snapshot), factContext), order: snapshot };
  const { events } = await engine.run(facts);
  return events.some((e) => e.type === 'GENERATED_RULE');
}

describe('user rules agree with json-rules-engine', () => {
  it('on 1,500 generated rules with paths and derived facts over generated orders', async () => {
    await fc.assert(
      fc.asyncProperty(conditions, order, async (conds, snapshot) => {
        const rule = { name: 'generated', conditions: conds, event: { type: 'GENERATED_RULE', params: { category: 'fraud', severity: 'low', owner: 'risk' } } };
        const report = createTriage({ rules: [rule] as never }).evaluate(snapshot, { now });
        if (!report.ok) throw new Error(JSON.stringify(report.error));
        const ours = report.findings.some((f) => f.code === 'GENERATED_RULE');
        expect(ours).toBe(await engineFires(rule, snapshot));
      }),
      { numRuns: 1_500, seed: 99 },
    );
  });
});

// The json-rules-engine 7.x forms: operator decorators, fact comparisons (`value: { fact, path }`),
// `.length` and string indexing in paths, and user facts (options.facts). Orders have 1 to 3 items.
const userFacts = [
  { name: 'skus', type: 'array' as const, compute: (o: { items: { sku: string }[] }) => o.items.map((i) => i.sku) },
  { name: 'quantities', type: 'array' as const, compute: (o: { items: { quantity: number }[] }) => o.items.map((i) => i.quantity) },
  { name: 'firstSku', type: 'string' as const, compute: (o: { items: { sku: string }[] }) => o.items[0]?.sku },
  { name: 'line', type: 'object' as const, compute: (o: { items: { sku: string; quantity: number }[] }) => ({ sku: o.items[0]?.sku, quantity: o.items.length }) },
];
const listFacts = fc.constantFrom({ fact: 'skus' }, { fact: 'quantities' }, { fact: 'order', path: '$.items' });
const skuValue = fc.constantFrom('SKU-A', 'SKU-B', 'SKU-C', 'S', 'K');
const scalarValue = fc.oneof(skuValue, fc.integer({ min: 0, max: 6 }));
const decoratedLeaf = fc.oneof(
  // someFact / everyFact over a list fact, possibly negated or swapped around
  fc.record({
    target: listFacts,
    operator: fc.constantFrom(
      'someFact:equal',
      'everyFact:equal',
      'someFact:greaterThan',
      'everyFact:lessThanInclusive',
      'not:someFact:equal',
      'everyFact:notEqual',
      'someFact:in',
      'everyFact:in',
      'not:everyFact:in',
    ),
    value: fc.oneof(scalarValue, fc.array(scalarValue, { maxLength: 3 })),
  }),
  // someValue / everyValue over a list value
  fc.record({
    target: fc.constantFrom({ fact: 'firstSku' }, { fact: 'order', path: '$.items[0].quantity' }, { fact: 'order', path: '$.status' }),
    operator: fc.constantFrom('someValue:equal', 'everyValue:notEqual', 'not:someValue:equal', 'someValue:greaterThanInclusive', 'everyFact:someValue:equal'),
    value: fc.array(fc.oneof(scalarValue, fc.constantFrom('paid', 'pending_payment')), { minLength: 0, maxLength: 3 }),
  }),
  // swap: the value is the list, the fact the item
  fc.record({
    target: fc.constantFrom({ fact: 'firstSku' }, { fact: 'order', path: '$.items[0].sku' }, { fact: 'order', path: '$.items.length' }),
    operator: fc.constantFrom('swap:contains', 'not:swap:contains', 'swap:doesNotContain', 'not:equal', 'not:in', 'swap:in'),
    value: fc.oneof(fc.array(scalarValue, { maxLength: 3 }), scalarValue),
  }),
);
// Fact comparisons, and .length / string indexing on either side.
const sideTargets = fc.constantFrom(
  { fact: 'order', path: '$.items.length' },
  { fact: 'order', path: '$.items[0].sku.length' },
  { fact: 'order', path: '$.items[0].quantity' },
  { fact: 'order', path: '$.items[1].quantity' },
  { fact: 'order', path: '$.status[0]' },
  { fact: 'order', path: '$.items[0].sku[4]' },
  { fact: 'line', path: '$.quantity' },
  { fact: 'line', path: '$.sku' },
  { fact: 'firstSku' },
  { fact: 'firstSku', path: '$.length' },
  { fact: 'skus', path: '$.length' },
  { fact: 'items.totalQuantity' },
  { fact: 'order.status' },
);
const comparisonLeaf = fc.record({
  target: sideTargets,
  operator: fc.constantFrom('equal', 'notEqual', 'lessThan', 'greaterThanInclusive', 'someFact:equal', 'not:equal'),
  value: fc.oneof(sideTargets, fc.constantFrom(1, 2, 3, 'p', 'A', 'SKU-A', 6)),
});
const newLeaf = fc.oneof(decoratedLeaf, comparisonLeaf).map(({ target, operator, value }) => ({ ...target, operator, value }));
const mixedLeaf = fc.oneof(newLeaf, newLeaf, leaf);
const { mixed } = fc.letrec<{ mixed: unknown }>((tie) => ({
  mixed: fc.oneof(
    { depthSize: 'small', withCrossShrink: true, maxDepth: 4 },
    mixedLeaf,
    fc.record({ all: fc.array(tie('mixed'), { maxLength: 3 }) }),
    fc.record({ any: fc.array(tie('mixed'), { maxLength: 3 }) }),
    fc.record({ not: tie('mixed') }),
  ),
}));
const mixedConditions = fc.oneof(fc.record({ all: fc.array(mixed, { minLength: 1, maxLength: 3 }) }), fc.record({ any: fc.array(mixed, { minLength: 1, maxLength: 3 }) }));
const itemsOrder = fc
  .record({
    items: fc.array(fc.record({ sku: fc.constantFrom('SKU-A', 'SKU-B', 'SKU-C'), quantity: fc.integer({ min: 1, max: 5 }), unitPrice: fc.integer({ min: 100, max: 5_000 }) }), {
      minLength: 1,
      maxLength: 3,
    }),
    status: fc.constantFrom('paid' as const, 'pending_payment' as const),
  })
  .map(({ items, status }): OrderSnapshotInput => buildOrder({ status, items, payments: [] }));

/** json-rules-engine's verdict, or 'throws' where its run fails (indexOf on a number, a decorator over a value that is not a list). */
async function engineFiresWithUserFacts(rule: object, snapshot: OrderSnapshotInput): Promise<boolean | 'throws'> {
  const engine = new Engine([], { allowUndefinedFacts: true });
  engine.addRule(rule as never);
  // The validated snapshot, as createTriage reads it (fast-check builds some objects without a prototype).
  const parsed = OrderSnapshotSchema.parse(snapshot);
  const facts: Record<string, unknown> = { ...deriveFacts(parsed, factContext), order: parsed };
  for (const f of userFacts) facts[f.name] = f.compute(parsed as never);
  try {
    const { events } = await engine.run(facts);
    return events.some((e) => e.type === 'GENERATED_RULE');
  } catch {
    return 'throws';
  }
}

describe('user rules in json-rules-engine 7.x forms agree with json-rules-engine', () => {
  it('on 1,500 generated rules with decorators, fact comparisons, .length and string-index paths and user facts', async () => {
    let fired = 0;
    let compared = 0;
    await fc.assert(
      fc.asyncProperty(mixedConditions, itemsOrder, async (conds, snapshot) => {
        const rule = { conditions: conds, event: { type: 'GENERATED_RULE' } };
        let triage: ReturnType<typeof createTriage>;
        try {
          triage = createTriage({ rules: [rule] as never, facts: userFacts as never });
        } catch {
          return; // refused at createTriage (a literal that cannot be compared): nothing to compare
        }
        const report = triage.evaluate(snapshot, { now });
        if (!report.ok) throw new Error(JSON.stringify(report.error));
        const theirs = await engineFiresWithUserFacts(rule, snapshot);
        // Where json-rules-engine's run throws, evaluate still answers (docs/rules.md): no verdict to compare.
        if (theirs === 'throws') return;
        const ours = report.findings.some((f) => f.code === 'GENERATED_RULE');
        compared++;
        if (ours) fired++;
        expect(ours).toBe(theirs);
      }),
      { numRuns: 1_500, seed: 1818 },
    );
    // Most rules are compared, and both verdicts occur often enough for the agreement to mean something.
    expect(compared).toBeGreaterThan(1_000);
    expect(fired).toBeGreaterThan(compared / 10);
    expect(fired).toBeLessThan((compared * 9) / 10);
  }, 300_000);
});

describe('user rules give the same verdicts with a custom operator registered (json-rules-engine runs them) as without', () => {
  it('on 400 generated rules with decorators, fact comparisons and user facts, where json-rules-engine alone may throw', async () => {
    const dummy = { name: 'neverUsed', evaluate: () => false };
    await fc.assert(
      fc.asyncProperty(mixedConditions, itemsOrder, async (conds, snapshot) => {
        const rule = { conditions: conds, event: { type: 'GENERATED_RULE' } };
        let plain: ReturnType<typeof createTriage>;
        try {
          plain = createTriage({ rules: [rule] as never, facts: userFacts as never });
        } catch {
          return; // refused at createTriage: refused with the operator too
        }
        const external = createTriage({ rules: [rule] as never, facts: userFacts as never, customOperators: [dummy] });
        const ours = plain.evaluate(snapshot, { now });
        const theirs = await external.evaluate(snapshot, { now });
        expect(theirs.ok && theirs.findings.map((f) => f.code)).toEqual(ours.ok && ours.findings.map((f) => f.code));
      }),
      { numRuns: 400, seed: 1819 },
    );
  }, 300_000);
});
