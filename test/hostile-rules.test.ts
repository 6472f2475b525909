import { readdirSync, readFileSync } from 'node:fs';
import { createTriage, isInvalidOptionsError } from 'order-triage';
import { buildOrder, minutesAfter } from 'order-triage/testing';
import { afterAll, describe, expect, it } from 'vitest';

// Each file in test/fixtures/hostile-rules holds options a hostile or careless rule author could
// write, and the fragment the refusal must contain. Nothing in them may ever run.
const dir = new URL('./fixtures/hostile-rules/', import.meta.url);
const corpus = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((file) => [file, JSON.parse(readFileSync(new URL(file, dir), 'utf8')) as { expect: string; options: unknown }] as const);

const canary = () => (globalThis as { __ORDER_TRIAGE_CANARY__?: unknown }).__ORDER_TRIAGE_CANARY__;

describe('hostile rule files', () => {
  it('are at least 30', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(30);
  });

  it.each(corpus)('%s is refused at construction with a clear error', (_file, { expect: fragment, options }) => {
    let thrown: unknown;
    try {
      createTriage(options as never);
    } catch (error) {
      thrown = error;
    }
    expect(isInvalidOptionsError(thrown)).toBe(true);
    expect((thrown as Error).message).toContain(fragment);
    expect((thrown as { issues: unknown[] }).issues.length).toBeGreaterThan(0);
    expect(canary()).toBeUndefined();
  });

  it('a 10,000-deep condition is refused quickly, without overflowing the stack', () => {
    let deep: unknown = { fact: 'order.status', operator: 'equal', value: 'paid' };
    for (let i = 0; i < 10_000; i++) deep = { all: [deep] };
    expect(() =>
      createTriage({ rules: [{ name: 'deep', conditions: deep, event: { type: 'DEEP_RULE', params: { category: 'fraud', severity: 'low', owner: 'risk' } } }] } as never),
    ).toThrow(/nest deeper than 8 levels/);
  });

  afterAll(() => {
    // Nothing ran and nothing was polluted, whatever the files held.
    expect(canary()).toBeUndefined();
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    // And a triage built afterwards still works normally.
    const report = createTriage().evaluate(buildOrder(), { now: minutesAfter(60) });
    expect(report.ok).toBe(true);
  });
});
