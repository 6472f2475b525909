import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { lintRules, orderFieldPaths } from 'order-triage';
import { describe, expect, it } from 'vitest';

const myRules = JSON.parse(readFileSync(new URL('../examples/rules/my-rules.json', import.meta.url), 'utf8')) as {
  conditions: Record<string, unknown>;
  rules: { conditions: { all: Record<string, unknown>[] } }[];
};

const params = { category: 'fraud', severity: 'low', owner: 'risk' } as const;
const ruleReading = (path: string, value: unknown = 1, operator = 'greaterThan') => ({
  name: 'reads-order',
  conditions: { all: [{ fact: 'order', path, operator, value }] },
  event: { type: 'READS_ORDER', params },
});

describe('lintRules', () => {
  it('finds nothing wrong with the example rule file', () => {
    expect(lintRules(myRules)).toEqual({ errors: [], warnings: [] });
  });

  it('warns when an order path reads no snapshot field, naming the condition and the field it probably meant', () => {
    const lint = lintRules([ruleReading('$.totals.payabel')]);
    expect(lint.errors).toEqual([]);
    expect(lint.warnings).toHaveLength(1);
    expect(lint.warnings[0]?.path).toEqual(['rules', 0, 'conditions', 'all', 0, 'path']);
    expect(lint.warnings[0]?.message).toContain('rule "reads-order"');
    expect(lint.warnings[0]?.message).toContain('did you mean "$.totals.payable"?');
  });

  it('keeps the written list index in the suggestion for a field inside a list element', () => {
    const lint = lintRules([ruleReading('$.items[2].skuu', 'A', 'equal')]);
    expect(lint.warnings[0]?.message).toContain('did you mean "$.items[2].sku"?');
  });

  it('suggests the one field of that name elsewhere in the snapshot when the path misses a level', () => {
    const lint = lintRules([ruleReading('$.payable')]);
    expect(lint.warnings[0]?.message).toContain('did you mean "$.totals.payable"?');
  });

  it('checks an order path wherever the rule holds one, such as a value compared with another fact', () => {
    const rule = ruleReading('$.totals.payable', { fact: 'order', path: '$.totals.shiping' });
    expect(lintRules([rule]).warnings).toEqual([
      expect.objectContaining({ path: ['rules', 0, 'conditions', 'all', 0, 'value', 'path'], message: expect.stringContaining('did you mean "$.totals.shipping"?') }),
    ]);
  });

  it('says a path indexes something that is not a list', () => {
    const lint = lintRules([ruleReading('$.totals[0]')]);
    expect(lint.warnings[0]?.message).toContain('$.totals is not a list');
  });

  it('warns about paths in named conditions and about named conditions no rule uses', () => {
    const file = structuredClone(myRules);
    file.conditions.spare = { all: [{ fact: 'order', path: '$.customer.tierr', operator: 'equal', value: 'vip' }] };
    const lint = lintRules(file);
    expect(lint.errors).toEqual([]);
    expect(lint.warnings.map((w) => w.path)).toEqual([
      ['conditions', 'spare', 'all', 0, 'path'],
      ['conditions', 'spare'],
    ]);
    expect(lint.warnings[0]?.message).toContain('did you mean "$.customer.tier"?');
  });

  it("reports createTriage's errors, every one with its path, unknown facts with did-you-mean", () => {
    const file = structuredClone(myRules);
    (file.rules[1] as { conditions: { all: Record<string, unknown>[] } }).conditions.all[1] = { fact: 'items.totalQuantiy', operator: 'greaterThan', value: 5 };
    (file.rules[0] as { conditions: { all: Record<string, unknown>[] } }).conditions.all[1] = { fact: 'order', path: '$.totals.payable', operator: 'greaterThan', value: 'lots' };
    const lint = lintRules(file);
    expect(lint.errors.map((e) => e.path)).toEqual([
      ['rules', 0, 'conditions', 'all', 1, 'value'],
      ['rules', 1, 'conditions', 'all', 1, 'fact'],
    ]);
    expect(lint.errors[1]?.message).toContain('did you mean "items.totalQuantity"?');
  });

  it('reads a bare list of rules as the rules, and refuses a file that is neither a list nor an object', () => {
    expect(
      lintRules(myRules.rules)
        .errors.map((e) => e.message)
        .join(),
    ).toContain('no named condition "newAccount"');
    expect(lintRules('rules').errors).toEqual([{ path: [], message: 'a rule file holds a list of rules, or an object with rules (and named conditions)' }]);
  });

  it('lists the snapshot field paths from the snapshot schema, and a rule reading any of them draws no warning', () => {
    const paths = orderFieldPaths();
    expect(paths).toContain('$.totals.payable');
    expect(paths).toContain('$.items[0].sku');
    expect(paths).toContain('$.payments[0].amount');
    expect(paths).toContain('$.customer.accountCreatedAt');
    const rules = paths.map((path, i) => ({ ...ruleReading(path, 'x', 'notEqual'), name: `r${i}`, event: { type: `READS_${i}`, params } }));
    const warnings = [];
    for (let i = 0; i < rules.length; i += 400) warnings.push(...lintRules(rules.slice(i, i + 400)).warnings);
    expect(warnings).toEqual([]);
  });

  it('never throws, whatever the file holds', () => {
    fc.assert(
      fc.property(fc.anything(), (file) => {
        const lint = lintRules(file);
        expect(Array.isArray(lint.errors) && Array.isArray(lint.warnings)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
