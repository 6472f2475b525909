import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTriage, type InvalidOptionsError, isInvalidOptionsError, type OrderSnapshotInput, RULE_LIMITS } from 'order-triage';
import { buildOrder, minutesAfter } from 'order-triage/testing';
import { describe, expect, it } from 'vitest';

const now = minutesAfter(24 * 60);

describe('cost that grows with the input, never faster', () => {
  it('finds a coupon-abuse cluster of 130,000 orders from one phone without overflowing the stack', async () => {
    const triage = createTriage({ locale: 'en' });
    const size = 130_000;
    // One order object per id, made as the batch reads it: a generator keeps memory to the window.
    function* orders(): Generator<OrderSnapshotInput> {
      const base = buildOrder({ status: 'paid', coupons: [{ code: 'WELCOME', kind: 'new_user', amount: 2_000 }] });
      for (let i = 0; i < size; i++) {
        yield { ...base, id: `ABUSE-${i}`, customer: { ...base.customer, id: `NEW-${i}` }, createdAt: minutesAfter(i % 600) };
      }
    }
    const batch = await triage.evaluateBatch(orders(), { now, keepReports: false });
    const abuse = batch.findings.filter((f) => f.code === 'COUPON_ABUSE');
    expect(abuse.length).toBeGreaterThan(0);
    for (const finding of abuse) expect(finding.orderIds).toHaveLength(size);
    const cancels = batch.actions.filter((a) => a.kind === 'cancel_order' && a.because.includes('COUPON_ABUSE'));
    expect(cancels.length).toBe(abuse.length * (size - 1));
  }, 600_000);
});

/** Named conditions c0..c{levels}, each c{i} an `any` of `width` references to c{i-1}: width^levels leaves once expanded. */
function namedDag(levels: number, width: number): Record<string, unknown> {
  const named: Record<string, unknown> = { c0: { all: [{ fact: 'customer.accountAgeHours', operator: 'lessThan', value: 72 }] } };
  for (let i = 1; i <= levels; i++) named[`c${i}`] = { any: Array.from({ length: width }, () => ({ condition: `c${i - 1}` })) };
  return named;
}
const dagRule = (top: string) => ({
  name: 'dag',
  conditions: { all: [{ condition: top }] },
  event: { type: 'DAG_RULE', params: { category: 'fraud', severity: 'low', owner: 'risk' } },
});
function refusal(options: unknown): { message: string; path: unknown[] }[] {
  try {
    createTriage(options as never);
  } catch (error) {
    expect(isInvalidOptionsError(error)).toBe(true);
    return (error as InvalidOptionsError).issues.map((i) => ({ message: i.message, path: [...i.path] }));
  }
  throw new Error('createTriage accepted the options');
}

describe('named conditions that reference each other as a DAG', () => {
  it('refuses at createTriage a DAG whose expansion is a million conditions, naming the condition and the rule', () => {
    const issues = refusal({ conditions: namedDag(20, 2), rules: [dagRule('c20')] });
    expect(issues.map((i) => i.path)).toContainEqual(['conditions', 'c20']);
    expect(issues.map((i) => i.path)).toContainEqual(['rules', 0, 'conditions']);
    const named = issues.find((i) => i.path[1] === 'c20');
    expect(named?.message).toContain(`expand to ${2 ** 20 * 2 + 2 ** 20 - 1} conditions`);
    expect(named?.message).toContain(`more than ${RULE_LIMITS.conditionsPerRule}`);
  });

  it('refuses a DAG of 50-wide levels (50^8 leaves once expanded) without expanding it', () => {
    const issues = refusal({ conditions: namedDag(8, 50), rules: [dagRule('c8')] });
    expect(issues.find((i) => i.path[1] === 'c8')?.message).toContain('once named conditions are substituted');
  });

  it('applies the depth limit after expansion: a chain of references nesting deeper than the limit is refused', () => {
    const chain: Record<string, unknown> = { c0: { fact: 'customer.accountAgeHours', operator: 'lessThan', value: 72 } };
    for (let i = 1; i <= RULE_LIMITS.depth; i++) chain[`c${i}`] = { not: { condition: `c${i - 1}` } };
    const issues = refusal({ conditions: chain, rules: [dagRule(`c${RULE_LIMITS.depth}`)] });
    expect(issues.map((i) => i.path)).toContainEqual(['rules', 0, 'conditions']);
    expect(issues.find((i) => i.path[0] === 'rules')?.message).toContain(`deeper than ${RULE_LIMITS.depth}`);
  });

  it('accepts a DAG whose expansion fits the limits, and runs it as the written-out tree', () => {
    const triage = createTriage({ locale: 'en', conditions: namedDag(4, 2), rules: [dagRule('c4')] } as Parameters<typeof createTriage>[0]);
    const young = buildOrder({ customer: { id: 'C-1', accountCreatedAt: minutesAfter(-60) } });
    const old = buildOrder({ customer: { id: 'C-1', accountCreatedAt: minutesAfter(-60 * 24 * 30) } });
    const codes = (order: OrderSnapshotInput) => {
      const report = triage.evaluate(order, { now: minutesAfter(30) });
      return report.ok ? report.findings.map((f) => f.code) : report;
    };
    expect(codes(young)).toContain('DAG_RULE');
    expect(codes(old)).not.toContain('DAG_RULE');
  });
});

describe('country codes', () => {
  const triage = createTriage({ locale: 'en' });
  const at = (country: string) => buildOrder({ shippingAddress: { name: 'A', phone: '13800138000', country, line1: '科技园1栋' } });

  it('refuses a made-up country code as invalid_snapshot, naming the path', () => {
    const report = triage.evaluate(at('QQ'), { now });
    expect(report.ok).toBe(false);
    if (report.ok) return;
    expect(report.error.code).toBe('invalid_snapshot');
    expect(report.error.issues).toEqual([expect.objectContaining({ path: ['shippingAddress', 'country'], message: expect.stringContaining('officially assigned ISO 3166-1') })]);
  });

  it('accepts every officially assigned code, and no other pair of capitals', () => {
    const assigned = new Set<string>();
    for (let a = 65; a <= 90; a++) {
      for (let b = 65; b <= 90; b++) {
        const code = String.fromCharCode(a, b);
        if (triage.evaluate(at(code), { now }).ok) assigned.add(code);
      }
    }
    expect(assigned.size).toBe(249);
    for (const code of ['CN', 'US', 'GB', 'DE', 'JP', 'AQ', 'BV', 'UM', 'SS', 'BQ']) expect(assigned).toContain(code);
    for (const code of ['UK', 'EU', 'XK', 'AC', 'TA', 'AN', 'ZZ', 'QQ']) expect(assigned).not.toContain(code);
  });
});

describe('no list spread into a call', () => {
  it('leaves no push(...list), Math.max(...list), Math.min(...list) or fromCharCode(...list) in src/, which throw past ~100,000 items', () => {
    const root = fileURLToPath(new URL('../src/', import.meta.url));
    const files = (readdirSync(root, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
    expect(files.length).toBeGreaterThan(50);
    const found = files.flatMap((file) =>
      readFileSync(join(root, file), 'utf8')
        .split('\n')
        .flatMap((line, i) =>
          !/^\s*(?:\*|\/\/)/.test(line) && /\b(?:push|unshift|max|min|fromCharCode|fromCodePoint)\(\.\.\./.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : [],
        ),
    );
    expect(found).toEqual([]);
  });
});
