import { Engine } from 'json-rules-engine';
import { createTriage, defineRules, isInvalidOptionsError, type OrderSnapshotInput } from 'order-triage';
import { buildOrder, minutesAfter } from 'order-triage/testing';
import { describe, expect, it } from 'vitest';

// Taking a json-rules-engine rule set as it is (docs/rules.md, Migrating from json-rules-engine).

const now = minutesAfter(30);
const twoItems = buildOrder({
  status: 'paid',
  items: [
    { sku: 'SKU-A', quantity: 1, unitPrice: 1_000 },
    { sku: 'SKU-BB', quantity: 2, unitPrice: 500 },
  ],
});

function codes(report: unknown): string[] {
  const r = report as { ok: boolean; findings?: { code: string }[]; error?: unknown };
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return (r.findings ?? []).map((f) => f.code);
}

function issuesOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    expect(isInvalidOptionsError(error)).toBe(true);
    return (error as { issues: { path: (string | number)[]; message: string }[] }).issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  }
  throw new Error('expected createTriage to throw');
}

/** The event types json-rules-engine's own Engine fires for `rules` over `facts`. */
async function engineFires(rules: object[], facts: Record<string, unknown>, operators: [string, (a: unknown, b: unknown) => unknown][] = []): Promise<string[]> {
  const engine = new Engine([], { allowUndefinedFacts: true });
  for (const [name, op] of operators) engine.addOperator(name, op as never);
  for (const rule of rules) engine.addRule(structuredClone(rule) as never);
  const { events } = await engine.run(facts);
  return events.map((e) => e.type).sort();
}

describe('paths read what json-rules-engine reads', () => {
  const rules = [
    { conditions: { all: [{ fact: 'order', path: '$.items.length', operator: 'equal', value: 2 }] }, event: { type: 'TWO_LINES' } },
    { conditions: { all: [{ fact: 'order', path: '$.items[1].sku.length', operator: 'greaterThan', value: 5 }] }, event: { type: 'LONG_SKU' } },
    { conditions: { all: [{ fact: 'order', path: '$.status[0]', operator: 'equal', value: 'p' }] }, event: { type: 'STATUS_P' } },
    { conditions: { all: [{ fact: 'order', path: '$.items[0].sku[4]', operator: 'equal', value: 'A' }] }, event: { type: 'FIFTH_A' } },
  ];

  it('.length of a list or a string, and an index into a string, give the value (not undefined)', async () => {
    const fired = codes(createTriage({ rules }).evaluate(twoItems, { now })).sort();
    expect(fired).toEqual(['FIFTH_A', 'LONG_SKU', 'STATUS_P', 'TWO_LINES']);
    expect(fired).toEqual(await engineFires(rules, { order: twoItems }));
  });

  it('are typed for validation: .length is a number, so a string value is refused', () => {
    const rule = { conditions: { all: [{ fact: 'order', path: '$.items.length', operator: 'equal', value: 'two' }] }, event: { type: 'BAD' } };
    expect(issuesOf(() => createTriage({ rules: [rule] }))).toEqual([expect.stringContaining('order $.items.length is a number; a string can never be equal to it')]);
  });
});

describe('a custom operator returning a truthy value that is not true', () => {
  // json-rules-engine compares a condition's result with true inside all/any of several conditions,
  // and counts truthiness at a rule's root, under not, and in decorators.
  const yes = (a: unknown) => (a === 'paid' ? 'yes' : 0);
  const leaf = { fact: 'order', path: '$.status', operator: 'yesIfPaid', value: null };
  const always = { fact: 'order', path: '$.items.length', operator: 'greaterThan', value: 0 };
  const rules = [
    { conditions: { all: [leaf] }, event: { type: 'ROOT_ONLY' } },
    { conditions: { all: [leaf, always] }, event: { type: 'BESIDE_ANOTHER' } },
    { conditions: { not: leaf }, event: { type: 'NEGATED' } },
    { conditions: { any: [{ all: [leaf] }] }, event: { type: 'NESTED_GROUP' } },
  ];

  it('counts as json-rules-engine counts it (it counted as false everywhere before)', async () => {
    const triage = createTriage({ rules, customOperators: [{ name: 'yesIfPaid', evaluate: yes }] });
    const fired = codes(await triage.evaluate(twoItems, { now })).sort();
    expect(fired).toEqual(['ROOT_ONLY']);
    expect(fired).toEqual(await engineFires(rules, { order: twoItems }, [['yesIfPaid', yes]]));
  });
});

describe('a custom operator returning a truthy value that is not true, under a root { condition } reference', () => {
  const yes = (a: unknown) => (a === 'paid' ? 1 : 0);
  const leaf = { fact: 'order', path: '$.status', operator: 'yesIfPaid', value: null };
  const conditions = { group: { all: [leaf] }, negated: { not: leaf } };
  const rules = [
    { conditions: { condition: 'group' }, event: { type: 'REFERENCED_GROUP' } },
    { conditions: { condition: 'negated' }, event: { type: 'REFERENCED_NOT' } },
    { conditions: { all: [leaf] }, event: { type: 'GROUP_AT_ROOT' } },
  ];

  it('counts as json-rules-engine counts it: a referenced group holds only when its result is true, a group at the root counts truthiness', async () => {
    const engine = new Engine([], { allowUndefinedFacts: true });
    engine.addOperator('yesIfPaid', yes as never);
    for (const [name, condition] of Object.entries(conditions)) engine.setCondition(name, structuredClone(condition) as never);
    for (const rule of rules) engine.addRule(structuredClone(rule) as never);
    const theirs = (await engine.run({ order: structuredClone(twoItems) })).events.map((e) => e.type).sort();
    const triage = createTriage({ conditions, rules, customOperators: [{ name: 'yesIfPaid', evaluate: yes }] });
    const ours = codes(await triage.evaluate(twoItems, { now })).sort();
    expect(theirs).toEqual(['GROUP_AT_ROOT']);
    expect(ours).toEqual(theirs);
  });
});

describe('the envelope', () => {
  it('orders the findings of user rules by priority, parsed as json-rules-engine parses it (higher first)', () => {
    const rule = (type: string, priority?: number | string) => ({
      conditions: { all: [{ fact: 'order', path: '$.items.length', operator: 'greaterThan', value: 0 }] },
      event: { type },
      ...(priority === undefined ? {} : { priority }),
    });
    const fired = codes(createTriage({ rules: [rule('A_DEFAULT'), rule('B_FIVE', '5'), rule('C_TEN', 10), rule('D_SEVEN', '7.9')] }).evaluate(twoItems, { now }));
    expect(fired).toEqual(['C_TEN', 'D_SEVEN', 'B_FIVE', 'A_DEFAULT']);
  });

  it('refuses a priority json-rules-engine refuses or cannot order', () => {
    const rule = (priority: unknown) => ({ conditions: { all: [] }, event: { type: 'P' }, priority });
    expect(issuesOf(() => createTriage({ rules: [rule(-1) as never] }))).toEqual([expect.stringContaining('priority must be greater than zero')]);
    expect(issuesOf(() => createTriage({ rules: [rule('high') as never] }))).toEqual([expect.stringContaining('priority must be a whole number')]);
  });

  it('reads the envelope as json-rules-engine does: a falsy priority is 1, a falsy name is none, a numeric event.type is its string', async () => {
    const when = { all: [{ fact: 'order', path: '$.items.length', operator: 'greaterThan', value: 0 }] };
    const rules = [
      { conditions: when, event: { type: 'NULL_PRIORITY' }, priority: null, name: '' },
      { conditions: when, event: { type: 'FALSE_PRIORITY' }, priority: false, name: null },
      { conditions: when, event: { type: 'ZERO_PRIORITY' }, priority: 0, name: false },
      { conditions: when, event: { type: 404 }, priority: 2 },
    ];
    const report = createTriage({ rules: rules as never }).evaluate(twoItems, { now });
    expect(report.ok && report.findings.map((f) => [f.code, f.ruleId])).toEqual([
      ['404', '404#4'],
      ['FALSE_PRIORITY', 'FALSE_PRIORITY#2'],
      ['NULL_PRIORITY', 'NULL_PRIORITY#1'],
      ['ZERO_PRIORITY', 'ZERO_PRIORITY#3'],
    ]);
    expect(codes(report).sort()).toEqual((await engineFires(rules, { order: twoItems })).map(String).sort());
  });

  it('says what is wrong with an envelope json-rules-engine would not take either, never a bare "Invalid input"', () => {
    const when = { all: [] };
    const issues = issuesOf(() =>
      createTriage({
        rules: [
          { conditions: when, event: { type: true } },
          { conditions: when, event: 'X' },
          { conditions: when, event: { type: 'Y' }, name: { id: 1 } },
        ] as never,
      }),
    );
    expect(issues.join('\n')).not.toMatch(/Invalid input/);
    expect(issues).toEqual([
      expect.stringContaining('rules.0.event.type: rule #1: event.type must be a non-empty string'),
      expect.stringContaining('rules.1.event: rule #2: event must be an object { type, params? }'),
      expect.stringContaining('rules.2.name: rule #3: name must be a string of at most 100 characters or a number'),
    ]);
  });

  it('takes a { condition } reference at the root of conditions', () => {
    const triage = createTriage({
      conditions: { twoLines: { fact: 'order', path: '$.items.length', operator: 'equal', value: 2 } },
      rules: [{ conditions: { condition: 'twoLines' }, event: { type: 'TWO_LINES' } }],
    });
    expect(codes(triage.evaluate(twoItems, { now }))).toEqual(['TWO_LINES']);
    expect(codes(triage.evaluate(buildOrder(), { now }))).toEqual([]);
  });

  it('refuses an event.type already raised by another rule, naming it', () => {
    const rule = { conditions: { all: [] }, event: { type: 'same type' } };
    expect(issuesOf(() => createTriage({ rules: [rule, rule] }))).toEqual([expect.stringContaining('rules.1.event.type: rule #2: another rule raises "same type"')]);
  });
});

describe('user facts (options.facts)', () => {
  const lines = { name: 'lineCount', type: 'number' as const, compute: (o: { items: unknown[] }) => o.items.length };

  it('are facts by name for rules, compared with other facts too', () => {
    const triage = createTriage({
      facts: [lines, { name: 'firstQuantity', type: 'number', compute: (o) => o.items[0]?.quantity }],
      rules: [{ conditions: { all: [{ fact: 'lineCount', operator: 'greaterThan', value: { fact: 'firstQuantity' } }] }, event: { type: 'MORE_LINES_THAN_FIRST_QTY' } }],
    });
    expect(codes(triage.evaluate(twoItems, { now }))).toEqual(['MORE_LINES_THAN_FIRST_QTY']);
    expect(codes(triage.evaluate(buildOrder({ items: [{ sku: 'A', quantity: 3, unitPrice: 100 }] }), { now }))).toEqual([]);
  });

  it('are validated at createTriage, every problem listed: a built-in name, not a function, an unknown type, a name used twice, an async function', () => {
    const issues = issuesOf(() =>
      createTriage({
        facts: [
          { name: 'order', compute: () => 1 },
          { name: 'payments.surplus', compute: () => 1 },
          { name: 'x', compute: 'order.items.length' as never },
          { name: 'y', compute: () => 1, type: 'date' as never },
          { name: 'y', compute: () => 1 },
          { name: 'z', compute: async () => 1 },
        ],
      }),
    );
    expect(issues).toEqual([
      'facts.0.name: order is a built-in fact (docs/facts.md); pick another name',
      'facts.1.name: payments.surplus is a built-in fact (docs/facts.md); pick another name',
      expect.stringContaining('facts.2.compute: compute must be a synchronous function'),
      'facts.3.type: type must be one of number, string, boolean, array, object, unknown',
      'facts.4.name: another user fact is called y',
      expect.stringContaining('facts.5.compute: async facts are not supported'),
    ]);
  });

  it('type-check the values rules compare them with', () => {
    const rule = { conditions: { all: [{ fact: 'lineCount', operator: 'greaterThan', value: 'two' }] }, event: { type: 'T' } };
    expect(issuesOf(() => createTriage({ facts: [lines], rules: [rule] }))).toEqual([expect.stringContaining('greaterThan needs a number')]);
  });

  it('that throw or return something that is not JSON never fail an evaluation: the fact reads undefined and the report warns', () => {
    const triage = createTriage({
      facts: [
        {
          name: 'broken',
          compute: () => {
            throw new Error('no');
          },
        },
        { name: 'dated', compute: () => new Date(0) },
        { name: 'later', compute: () => Promise.resolve(1) },
      ],
      rules: [
        {
          conditions: {
            any: [
              { fact: 'broken', operator: 'equal', value: 1 },
              { fact: 'dated', operator: 'equal', value: 1 },
            ],
          },
          event: { type: 'NEVER' },
        },
        { conditions: { all: [{ fact: 'later', operator: 'notEqual', value: 1 }] }, event: { type: 'UNDEFINED_IS_NOT_ONE' } },
      ],
    });
    const report = triage.evaluate(twoItems, { now });
    expect(codes(report)).toEqual(['UNDEFINED_IS_NOT_ONE']);
    expect((report as { warnings: unknown[] }).warnings).toEqual([
      { path: ['facts', 'broken'], message: 'user fact broken threw: no; read as undefined' },
      { path: ['facts', 'dated'], message: 'user fact dated returned a value that is not plain JSON; read as undefined' },
      { path: ['facts', 'later'], message: 'user fact later returned a promise (user facts are synchronous); read as undefined' },
    ]);
  });

  it('get a frozen copy of the snapshot: an assignment neither changes the report nor fails the evaluation (it fails the fact)', () => {
    const hijack = {
      name: 'hijack',
      compute: (o: { id: string; items: { quantity: number }[] }) => {
        'use strict';
        o.id = 'HACKED';
        return 1;
      },
    };
    const sneaky = {
      name: 'sneaky',
      compute: (o: { items: { quantity: number }[] }) => {
        try {
          (o.items[0] as { quantity: number }).quantity = 99;
        } catch {
          // frozen: the assignment threw, and this fact swallows it
        }
        return o.items[0]?.quantity;
      },
    };
    const triage = createTriage({
      facts: [hijack, sneaky],
      rules: [{ conditions: { all: [{ fact: 'sneaky', operator: 'equal', value: 99 }] }, event: { type: 'QUANTITY_CHANGED' } }],
    });
    const report = triage.evaluate(twoItems, { now });
    expect(report.ok && report.orderId).toBe('ORD-1001');
    expect(codes(report)).toEqual([]);
    expect((report as unknown as { warnings: { path: unknown[]; message: string }[] }).warnings).toEqual([
      { path: ['facts', 'hijack'], message: expect.stringMatching(/^user fact hijack threw: .*read only.*; read as undefined$/) },
    ]);
    expect(twoItems.id).toBe('ORD-1001');
  });

  it('that return an object with a throwing getter or a Proxy with throwing traps never fail an evaluation: the fact reads undefined and the report warns', () => {
    const trap = () => {
      throw new Error('trap');
    };
    const triage = createTriage({
      facts: [
        {
          name: 'getter',
          compute: () => ({
            get x() {
              throw new Error('getter');
            },
          }),
        },
        { name: 'proxy', compute: () => new Proxy({}, { ownKeys: trap, getPrototypeOf: trap, get: trap }) },
        { name: 'listProxy', compute: () => new Proxy([1], { get: trap }) },
      ],
      rules: [{ conditions: { all: [{ fact: 'getter', path: '$.x', operator: 'notEqual', value: 1 }] }, event: { type: 'UNDEFINED_IS_NOT_ONE' } }],
    });
    const report = triage.evaluate(twoItems, { now });
    expect(codes(report)).toEqual(['UNDEFINED_IS_NOT_ONE']);
    expect((report as unknown as { warnings: { path: unknown[] }[] }).warnings.map((w) => w.path)).toEqual([
      ['facts', 'getter'],
      ['facts', 'proxy'],
      ['facts', 'listProxy'],
    ]);
  });

  it('are listed by explain with their values for the order', () => {
    const triage = createTriage({ facts: [lines], rules: [{ conditions: { all: [{ fact: 'lineCount', operator: 'equal', value: 2 }] }, event: { type: 'TWO' } }] });
    const explained = triage.explain(twoItems, { now }, 'TWO');
    expect(explained).toMatchObject({ ok: true, fired: true, userFacts: { lineCount: 2 } });
  });

  it('are listed by explain so that a fact reading undefined (returned nothing, or failed) is told apart from one that returned null', () => {
    const triage = createTriage({
      facts: [
        { name: 'nothing', compute: () => undefined },
        { name: 'nil', compute: () => null },
        {
          name: 'failed',
          compute: () => {
            throw new Error('no');
          },
        },
      ],
      rules: [{ conditions: { all: [{ fact: 'nil', operator: 'equal', value: null }] }, event: { type: 'NIL' } }],
    });
    const explained = triage.explain(twoItems, { now }, 'NIL') as { ok: true; userFacts: Record<string, unknown> };
    expect(explained.userFacts).toEqual({ nil: null });
    expect(Object.hasOwn(explained.userFacts, 'nothing')).toBe(false);
    expect(Object.hasOwn(explained.userFacts, 'failed')).toBe(false);
  });

  it('run on json-rules-engine too when custom operators are configured, with the same verdicts', async () => {
    const options = {
      facts: [lines],
      rules: [
        { conditions: { all: [{ fact: 'lineCount', operator: 'someValue:equal', value: [1, 2] }] }, event: { type: 'ONE_OR_TWO' } },
        { conditions: { all: [{ fact: 'order', path: '$.items.length', operator: 'equal', value: { fact: 'lineCount' } }] }, event: { type: 'SAME' } },
      ],
    };
    const plain = codes(createTriage(options).evaluate(twoItems, { now }));
    const external = codes(await createTriage({ ...options, customOperators: [{ name: 'unused', evaluate: () => false }] }).evaluate(twoItems, { now }));
    expect(plain).toEqual(['ONE_OR_TWO', 'SAME']);
    expect(external).toEqual(plain);
  });
});

describe('what stays refused is refused by name, with the alternative', () => {
  const leaf = (x: object) => [{ conditions: { all: [{ fact: 'order', operator: 'equal', value: 1, path: '$.status', ...x }] }, event: { type: 'X' } }];

  it('a path without $ or with a dotted index names the path it probably meant', () => {
    expect(issuesOf(() => createTriage({ rules: leaf({ path: 'status' }) }))).toEqual([expect.stringContaining('path must start with $: "status"; did you mean "$.status"?')]);
    expect(issuesOf(() => createTriage({ rules: leaf({ path: '$.items.0.sku' }) }))).toEqual([expect.stringContaining('; did you mean "$.items[0].sku"?')]);
  });

  it('a decorator of your own points to custom operators, the fact almanac to user facts', () => {
    expect(issuesOf(() => createTriage({ rules: leaf({ operator: 'myDeco:equal' }) }))).toEqual([expect.stringContaining('use a custom operator (customOperators)')]);
    const almanac = [{ conditions: { all: [{ fact: 'almanac', operator: 'equal', value: 1 }] }, event: { type: 'X' } }];
    expect(issuesOf(() => createTriage({ rules: almanac }))).toEqual([expect.stringMatching(/the fact "almanac" is refused: .*user fact \(options\.facts\)/)]);
  });

  it('event params { fact } are carried as given, as json-rules-engine carries them by default', async () => {
    const rules = [{ conditions: { all: [] }, event: { type: 'X', params: { who: { fact: 'order', path: '$.id' } } } }];
    const report = createTriage({ rules }).evaluate(twoItems, { now });
    expect(report.ok && report.findings[0]?.params).toEqual({ who: { fact: 'order', path: '$.id' } });
    const engine = new Engine([], { allowUndefinedFacts: true });
    engine.addRule(structuredClone(rules[0]) as never);
    expect((await engine.run({ order: twoItems })).events[0]?.params).toEqual({ who: { fact: 'order', path: '$.id' } });
  });
});

describe('defineRules', () => {
  it('returns the rules unchanged, for createTriage to validate', () => {
    const rules = [{ conditions: { all: [] }, event: { type: 'message', params: { data: 'x' } } }];
    expect(defineRules(rules)).toBe(rules);
    expect(codes(createTriage({ rules: defineRules(rules) }).evaluate(buildOrder() as OrderSnapshotInput, { now }))).toEqual(['message']);
  });
});
