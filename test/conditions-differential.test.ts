import fc from 'fast-check';
import { Engine } from 'json-rules-engine';
import { type Condition, createTriage, detectors, type FactSpec, factCatalogue, OPERATORS, type TopLevelCondition } from 'order-triage';
import { compileCondition } from 'order-triage/internals';
import { describe, expect, it } from 'vitest';

// Our compiled conditions must mean exactly what json-rules-engine 7.3.1 means by the same JSON.
// Thousands of generated conditions and fact records run through both; the verdicts must agree.

const FACTS = ['n1', 'n2', 's1', 'b1', 'list', 'nil'] as const;
const scalar = fc.oneof(fc.integer({ min: -3, max: 3 }), fc.constantFrom('a', 'b', '1', ''), fc.boolean(), fc.constant(null));
const value = fc.oneof(scalar, fc.array(scalar, { maxLength: 3 }));

const leaf = fc.record({ fact: fc.constantFrom(...FACTS), operator: fc.constantFrom(...OPERATORS), value });

const { condition } = fc.letrec<{ condition: Condition }>((tie) => ({
  condition: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.record({ all: fc.array(tie('condition'), { maxLength: 3 }) }),
    fc.record({ any: fc.array(tie('condition'), { maxLength: 3 }) }),
    fc.record({ not: tie('condition') }),
  ),
}));

const topLevel: fc.Arbitrary<TopLevelCondition> = fc.oneof(
  fc.record({ all: fc.array(condition, { maxLength: 4 }) }),
  fc.record({ any: fc.array(condition, { maxLength: 4 }) }),
  fc.record({ not: condition }),
);

const factRecord = fc.record({
  n1: fc.integer({ min: -3, max: 3 }),
  n2: fc.oneof(fc.integer({ min: -3, max: 3 }), fc.constant(null)),
  s1: fc.constantFrom('a', 'b', '1', ''),
  b1: fc.boolean(),
  list: fc.array(scalar, { maxLength: 3 }),
  nil: fc.constant(null),
});

// json-rules-engine throws for operators whose value must be an array but is not (b.indexOf);
// such rules are refused by our validation, so compare only conditions both engines accept.
function usesArrayOperatorOnScalar(c: Condition): boolean {
  if ('all' in c) return c.all.some(usesArrayOperatorOnScalar);
  if ('any' in c) return c.any.some(usesArrayOperatorOnScalar);
  if ('not' in c) return usesArrayOperatorOnScalar(c.not);
  return (c.operator === 'in' || c.operator === 'notIn') && !Array.isArray(c.value);
}

async function engineVerdict(conditions: TopLevelCondition, facts: Record<string, unknown>): Promise<boolean> {
  const engine = new Engine([], { allowUndefinedFacts: true });
  engine.addRule({ conditions: conditions as never, event: { type: 'hit' } });
  const { events } = await engine.run(facts);
  return events.length === 1;
}

describe('compiled conditions agree with json-rules-engine', () => {
  it('on 3,000 generated conditions and fact records', async () => {
    await fc.assert(
      fc.asyncProperty(topLevel, factRecord, async (conditions, facts) => {
        fc.pre(!usesArrayOperatorOnScalar(conditions as Condition));
        expect(compileCondition(conditions).test(facts)).toBe(await engineVerdict(conditions, facts));
      }),
      { numRuns: 3_000, seed: 20261125 },
    );
  });

  it('on every built-in detector’s condition, with thresholds as configured, over facts drawn from the catalogue', async () => {
    const { options } = createTriage();
    const thresholds = options.thresholds as unknown as Record<string, Record<string, unknown>>;
    // Strings the built-in conditions compare with, so generated facts hit them often.
    const words = [
      'pending_payment',
      'paid',
      'processing',
      'shipped',
      'delivered',
      'cancelled',
      'closed',
      'failed',
      'pending',
      'succeeded',
      'in_transit',
      'lost',
      'address_issue',
      'available_for_pickup',
      'refused',
      'CN',
      'US',
      'SF',
      'x',
    ];
    const factArbitrary = (spec: FactSpec): fc.Arbitrary<unknown> => {
      const base = spec.type === 'number' ? fc.integer({ min: -5, max: 20_000 }) : spec.type === 'boolean' ? fc.boolean() : fc.constantFrom(...words);
      return spec.nullable ? fc.oneof(base, fc.constant(null)) : base;
    };
    const facts = fc.record(Object.fromEntries(Object.entries(factCatalogue).map(([name, spec]) => [name, factArbitrary(spec as FactSpec)])));
    for (const detector of detectors) {
      const { byCarrier: _c, byCountry: _k, ...own } = thresholds[detector.code] ?? {};
      for (const currency of ['CNY', 'JPY']) {
        const when = detector.when as (t: unknown, scope: unknown) => TopLevelCondition;
        const conditions = when(own, { currency, country: 'CN', carrier: null });
        const compiled = compileCondition(conditions);
        await fc.assert(
          fc.asyncProperty(facts, async (record) => {
            expect(compiled.test(record)).toBe(await engineVerdict(conditions, record));
          }),
          { numRuns: 150, seed: 7 },
        );
      }
    }
  });
});
