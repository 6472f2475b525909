import { readFileSync } from 'node:fs';
import { type BatchReport, createTriage, type OrderSnapshotInput, type TriageReport, type UserRule } from 'order-triage';
import { allScenarios, type Scenario } from 'order-triage/testing';
import { describe, expect, it } from 'vitest';

// docs/messages.md lists, per kind of text, the snapshot fields a text may quote. Every distinct
// string of every scenario order gets a unique tag; a tag found in a text names the fields that
// held that string, and one of them must be on the page's list for that kind of text.

type Kind = 'finding.summary' | 'finding.checklist' | 'action.customerMessage.text' | 'action.note' | 'batchFinding.summary' | 'batchFinding.checklist' | 'batchAction.note';

function documentedFields(): Map<string, Set<string>> {
  const page = readFileSync(new URL('../docs/messages.md', import.meta.url), 'utf8');
  const table = new Map<string, Set<string>>();
  for (const line of page.split('\n')) {
    if (!line.startsWith('| `')) continue;
    const [text, ...fields] = [...line.matchAll(/`([^`]+)`/g)].map((m) => m[1] as string);
    table.set(text as string, new Set(fields));
  }
  return table;
}

const rule: UserRule = {
  name: 'every-order',
  conditions: { all: [{ fact: 'items.totalQuantity', operator: 'greaterThanInclusive', value: 0 }] },
  event: { type: 'EVERY_ORDER', params: { category: 'system', severity: 'low', owner: 'tech', summary: { en: 'Rule hit on {orderId}.' } } },
};
const unnamedRule: UserRule = { ...rule, name: 'every-order-2', event: { ...rule.event, type: 'EVERY_ORDER_2', params: { ...rule.event.params, summary: { 'zh-CN': 'x' } } } };
const triage = createTriage({ locale: 'en', rules: [rule, unnamedRule] });

const fieldPath = (path: readonly (string | number)[]) =>
  path
    .map((p) => (typeof p === 'number' ? '[]' : `.${p}`))
    .join('')
    .replace(/^\./, '');

/** Each string leaf of a value, with its path. */
function* strings(value: unknown, path: (string | number)[] = []): Generator<{ path: (string | number)[]; value: string }> {
  if (typeof value === 'string') yield { path, value };
  else if (Array.isArray(value)) for (let i = 0; i < value.length; i++) yield* strings(value[i], [...path, i]);
  else if (typeof value === 'object' && value !== null) for (const [k, v] of Object.entries(value)) yield* strings(v, [...path, k]);
}

const retag = (value: unknown, tags: ReadonlyMap<string, string>): unknown =>
  typeof value === 'string'
    ? (tags.get(value) ?? value)
    : Array.isArray(value)
      ? value.map((v) => retag(v, tags))
      : typeof value === 'object' && value !== null
        ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, retag(v, tags)]))
        : value;

let next = 0;
/** The scenario's order with each distinct string that may change (the order stays valid) tagged. */
function tagged(s: Scenario, fieldsOfTag: Map<string, Set<string>>): { order: OrderSnapshotInput; context: object } {
  const tags = new Map<string, string>();
  const leaves = [...strings(s.order)];
  for (const value of new Set(leaves.map((l) => l.value))) {
    const tag = `⟦${next++}⟧`;
    const trial = new Map([[value, `${value}${tag}`]]);
    const result = triage.evaluate(retag(s.order, trial), { now: s.now, ...(retag(s.context ?? {}, trial) as object) });
    if (!result.ok && result.error.code === 'invalid_snapshot') continue;
    tags.set(value, `${value}${tag}`);
    fieldsOfTag.set(tag, new Set(leaves.filter((l) => l.value === value).map((l) => fieldPath(l.path))));
  }
  // The context (a blacklist) is tagged alike, so what matched still matches.
  return { order: retag(s.order, tags) as OrderSnapshotInput, context: retag(s.context ?? {}, tags) as object };
}

function textsOf(report: TriageReport): [Kind, string][] {
  return [
    ...report.findings.flatMap((f): [Kind, string][] => [['finding.summary', f.summary], ...f.checklist.map((c): [Kind, string] => ['finding.checklist', c])]),
    ...report.actions.flatMap((a): [Kind, string][] => [
      ['action.note', a.note],
      ...(a.customerMessage === undefined ? [] : [['action.customerMessage.text', a.customerMessage.text] as [Kind, string]]),
    ]),
  ];
}

function batchTextsOf(report: BatchReport): [Kind, string][] {
  return [
    ...report.findings.flatMap((f): [Kind, string][] => [['batchFinding.summary', f.summary], ...f.checklist.map((c): [Kind, string] => ['batchFinding.checklist', c])]),
    ...report.actions.map((a): [Kind, string] => ['batchAction.note', a.note]),
  ];
}

describe('the snapshot fields a text may quote', () => {
  it('are the fields docs/messages.md lists for that kind of text, in every scenario and in cross-order findings', async () => {
    const documented = documentedFields();
    const fieldsOfTag = new Map<string, Set<string>>();
    const seen = new Map<string, Set<string>>();
    const check = (kind: Kind, text: string) => {
      const allowed = documented.get(kind);
      expect(allowed, `docs/messages.md lists ${kind}`).toBeDefined();
      for (const [tag] of text.matchAll(/⟦\d+⟧/g)) {
        const fields = [...(fieldsOfTag.get(tag) ?? [])];
        expect(
          fields.some((f) => allowed?.has(f)),
          `${kind} quotes ${fields.join(' or ')}: ${text}`,
        ).toBe(true);
        for (const f of fields) if (allowed?.has(f)) (seen.get(kind) ?? seen.set(kind, new Set()).get(kind))?.add(f);
      }
    };
    for (const make of allScenarios) {
      const s = make();
      const { order, context } = tagged(s, fieldsOfTag);
      // A blacklist naming the tagged phone, so the blacklisted order still matches it.
      const listed = 'blacklist' in context ? { ...context, blacklist: { phones: [order.shippingAddress.phone] } } : context;
      const report = triage.evaluate(order, { now: s.now, ...listed });
      if (!report.ok) throw new Error(JSON.stringify(report.error));
      for (const [kind, text] of textsOf(report as TriageReport)) check(kind, text);
    }
    // Orders of six accounts sharing an address, a phone and a device, and five orders of one account.
    const s = allScenarios[0]!();
    const shared = tagged(s, fieldsOfTag).order;
    const device = `fp⟦${next++}⟧`;
    fieldsOfTag.set(device.slice(2), new Set(['device.fingerprint']));
    const copy = (n: number, customerId: string): OrderSnapshotInput => ({
      ...shared,
      id: `${shared.id}-${n}`,
      customer: { ...shared.customer, id: customerId },
      device: { fingerprint: device },
    });
    const orders = [1, 2, 3, 4, 5, 6].map((n) => copy(n, `${shared.customer.id}-${n}`));
    orders.push(...[7, 8, 9, 10, 11].map((n) => copy(n, shared.customer.id)));
    const batch = await triage.evaluateBatch(orders, { now: s.now });
    for (const [kind, text] of batchTextsOf(batch)) check(kind, text);
    // Not vacuous: the scenarios make texts quote fields of every kind that quotes any.
    expect([...seen.keys()].sort()).toEqual(['action.customerMessage.text', 'action.note', 'batchAction.note', 'batchFinding.summary', 'finding.summary']);
  });
});
