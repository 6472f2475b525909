import { readdirSync, readFileSync } from 'node:fs';
import { Engine } from 'json-rules-engine';
import { createTriage, isInvalidOptionsError, type OrderSnapshotInput, type UserFactType } from 'order-triage';
import { buildOrder, minutesAfter } from 'order-triage/testing';
import { describe, expect, it } from 'vitest';

// json-rules-engine's own rule files (test/fixtures/json-rules-engine, README there), with only the
// fact names changed, give json-rules-engine's verdicts through createTriage.

interface RuleFile {
  readonly source: string;
  readonly rules: unknown[];
  readonly conditions?: Record<string, unknown>;
  readonly facts: Record<string, UserFactType>;
  readonly cases: Record<string, unknown>[];
}

const dir = new URL('./fixtures/json-rules-engine/', import.meta.url);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((file) => [file, JSON.parse(readFileSync(new URL(file, dir), 'utf8')) as RuleFile] as const);

const now = minutesAfter(30);
const ours = (fact: string) => `jre.${fact}`;

/** The only change to a rule file: every fact name F (in leaves and in `value: { fact }`) becomes jre.F. */
function renameFacts(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(renameFacts);
  if (typeof node !== 'object' || node === null) return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) out[key] = key === 'fact' && typeof value === 'string' ? ours(value) : renameFacts(value);
  return out;
}

/** Our triage for a file: its rules renamed, each fact a user fact reading the snapshot's `jre` field. */
function triageFor(file: RuleFile) {
  const rules = (file.rules as { conditions: unknown }[]).map((rule) => ({ ...rule, conditions: renameFacts(rule.conditions) }));
  const conditions = file.conditions === undefined ? {} : (renameFacts(file.conditions) as Record<string, never>);
  const facts = Object.entries(file.facts).map(([name, type]) => ({
    name: ours(name),
    type,
    compute: (order: unknown) => {
      const jre = (order as { jre?: Record<string, unknown> }).jre ?? {};
      return Object.hasOwn(jre, name) ? jre[name] : undefined;
    },
  }));
  return createTriage({ rules: rules as never, conditions, facts });
}

/** The event types json-rules-engine's own Engine fires for the file's rules on one case. */
async function engineFires(file: RuleFile, values: Record<string, unknown>): Promise<string[]> {
  const engine = new Engine([], { allowUndefinedFacts: true });
  for (const rule of file.rules) engine.addRule(structuredClone(rule) as never);
  for (const [name, condition] of Object.entries(file.conditions ?? {})) engine.setCondition(name, structuredClone(condition) as never);
  const { events } = await engine.run(structuredClone(values));
  return events.map((e) => e.type).sort();
}

describe("json-rules-engine's own rule files", () => {
  it('are at least 10, from its examples and tests', () => {
    expect(files.length).toBeGreaterThanOrEqual(10);
    for (const [, file] of files) expect(file.source).toMatch(/^(examples|test)\//);
  });

  it.each(files)('%s is accepted with only fact names changed and gives json-rules-engine’s verdict on every case', async (_name, file) => {
    const triage = triageFor(file);
    const types = (file.rules as { event: { type: string } }[]).map((r) => r.event.type);
    const counts: number[] = [];
    for (const values of file.cases) {
      const snapshot = { ...buildOrder(), jre: values } as OrderSnapshotInput;
      const report = triage.evaluate(snapshot, { now });
      if (!report.ok) throw new Error(JSON.stringify(report.error));
      const fired = report.findings
        .map((f) => f.code)
        .filter((code) => types.includes(code))
        .sort();
      expect({ values, fired }).toEqual({ values, fired: await engineFires(file, values) });
      counts.push(fired.length);
    }
    // The cases decide both ways: some fire a rule, and some leave a rule unfired.
    expect(Math.max(...counts)).toBeGreaterThan(0);
    expect(Math.min(...counts)).toBeLessThan(types.length);
  });

  it('keep their event types as finding codes, their params as the finding’s params, and derive a stable name', () => {
    const file = files.find(([name]) => name === '01-hello-world.json')?.[1] as RuleFile;
    const report = triageFor(file).evaluate({ ...buildOrder(), jre: { displayMessage: true } } as OrderSnapshotInput, { now });
    if (!report.ok) throw new Error('not ok');
    const finding = report.findings.find((f) => f.code === 'message');
    expect(finding).toMatchObject({ code: 'message', ruleId: 'message#1', params: { data: 'hello-world!' }, category: 'system', severity: 'low', owner: 'customer_service' });
  });

  it('refuse what cannot be data by name, with the reason and the alternative: fact params (04-fact-dependency’s tenureRule), callbacks (07-rule-chaining)', () => {
    // examples/04-fact-dependency.js, tenureRule, fact renamed.
    const tenureRule = {
      conditions: { all: [{ fact: 'jre.employee-tenure', operator: 'greaterThanInclusive', value: 5, params: { unit: 'years' } }] },
      event: { type: 'five-year-tenure' },
    };
    // examples/07-rule-chaining.js, drinkRule, facts renamed: its callbacks add facts at run time.
    const drinkRule = {
      conditions: { all: [{ fact: 'jre.drinksOrangeJuice', operator: 'equal', value: true }] },
      event: { type: 'drinks-screwdrivers' },
      priority: 10,
      onSuccess: () => undefined,
      onFailure: () => undefined,
    };
    const facts = ['jre.employee-tenure', 'jre.drinksOrangeJuice'].map((name) => ({ name, compute: () => 1 }));
    let error: unknown;
    try {
      createTriage({ rules: [tenureRule, drinkRule] as never, facts });
    } catch (e) {
      error = e;
    }
    expect(isInvalidOptionsError(error)).toBe(true);
    const messages = (error as { issues: { path: (string | number)[]; message: string }[] }).issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(messages).toEqual([
      expect.stringMatching(/^rules\.0\.conditions\.all\.0\.params: .*fact params are not supported.*write a user fact \(options\.facts\)/),
      expect.stringMatching(/^rules\.1\.onSuccess: .*callbacks are not run.*act on the report's findings/),
      expect.stringMatching(/^rules\.1\.onFailure: .*callbacks are not run.*explain/),
    ]);
  });
});
