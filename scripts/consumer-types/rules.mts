// A json-rules-engine rule file imported as JSON (its literals widen to string) type-checks as
// user rules through defineRules, and is validated by createTriage (docs/rules.md).
import { createTriage, defineRules, type JsonRule } from 'order-triage';
import rules from './rules.json' with { type: 'json' };

const triage = createTriage({
  rules: defineRules(rules),
  conditions: { paid: { fact: 'order', path: '$.status', operator: 'equal', value: 'paid' } },
  facts: [
    { name: 'gameDuration', type: 'number', compute: (order) => order.items.length },
    { name: 'personalFoulCount', compute: () => 0 },
    { name: 'tags', type: 'array', compute: (order) => order.items.map((i) => i.sku) },
    { name: 'validTags', type: 'array', compute: () => ['A'] },
  ],
});
void triage;

// The satisfies recipe for rules written as literals.
const literal = [
  { conditions: { all: [{ fact: 'order', path: '$.items.length', operator: 'someValue:equal', value: [1, 2] }] }, event: { type: 'one-or-two' } },
] satisfies readonly JsonRule[];
createTriage({ rules: literal });

// @ts-expect-error a rule needs its event
defineRules([{ conditions: { all: [] } }]);
