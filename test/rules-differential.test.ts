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
