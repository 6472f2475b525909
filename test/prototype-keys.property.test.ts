import fc from 'fast-check';
import { type BatchSummary, createTriage, type EvaluateResult, mergeSummaries, type OrderSnapshotInput } from 'order-triage';
import { allScenarios, minutesAfter, trackingEvent } from 'order-triage/testing';
import { afterEach, describe, expect, it } from 'vitest';

// Data is never a key into an object with a prototype (docs/reliability.md, "Data used as keys"):
// a carrier, province, SKU, payment method... named "__proto__" or "constructor" is just a name.

const HOSTILE = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'prototype', '__defineGetter__'] as const;
const NORMAL = ['SF', 'alipay', '广东省', 'SKU-1', 'web', 'erp'] as const;

const prototypeKeys = Reflect.ownKeys(Object.prototype);

// On the code before the fix a test here writes onto Object.prototype: undo it, or every later
// test in the file would fail for that reason rather than its own.
afterEach(() => {
  for (const key of Reflect.ownKeys(Object.prototype)) if (!prototypeKeys.includes(key)) delete (Object.prototype as Record<PropertyKey, unknown>)[key];
});

/** Fields whose string values are renamed, by key (and, for ambiguous keys, by the list they are in). */
const RENAMED = new Set([
  'carrier',
  'method',
  'failureReason',
  'province',
  'city',
  'district',
  'line2',
  'sku',
  'channel',
  'warehouse',
  'location',
  'system',
  'description',
  'error',
  'text',
  'trackingNumber',
  'gatewayTxnId',
  'fingerprint',
  'email',
  'name',
]);
const renamedIn = (key: string, parent: string) => RENAMED.has(key) || (parent === 'coupons' && (key === 'code' || key === 'kind')) || (parent === 'customer' && key === 'id');

/**
 * A deep copy of `order` with the string of every renamed field (and every tag) replaced by a
 * name drawn from `names`, the same original always by the same name (so a SKU still matches its
 * inventory record).
 */
function renameFields(order: OrderSnapshotInput, names: readonly string[], deliver: boolean): OrderSnapshotInput {
  const byOriginal = new Map<string, string>();
  const pick = (original: string) => {
    let name = byOriginal.get(original);
    if (name === undefined) byOriginal.set(original, (name = names[byOriginal.size % names.length] as string));
    return name;
  };
  const visit = (node: unknown, parent: string): void => {
    if (typeof node !== 'object' || node === null) return;
    const record = node as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      const value = record[key];
      if (typeof value === 'string' && renamedIn(key, parent)) record[key] = pick(value);
      else if (key === 'tags' && Array.isArray(value)) record[key] = value.map((t) => pick(String(t)));
      else if (Array.isArray(value)) for (const element of value) visit(element, key);
      else visit(value, key);
    }
    // Every record in a list also gets an unknown field named like the others (as JSON.parse
    // makes it: an own field, "__proto__" included), which evidence may quote.
    if (parent !== '' && !Array.isArray(node)) {
      Object.defineProperty(record, pick(`field of ${parent}`), { value: { note: parent }, enumerable: true, writable: true, configurable: true });
    }
  };
  const copy = structuredClone({
    ...order,
    channel: order.channel ?? 'app',
    coupons: order.coupons ?? [{ code: 'WELCOME', kind: 'new_user', amount: 500 }],
    customer: { ...order.customer, tags: ['regular-buyer'] },
    device: { fingerprint: 'fp-1' },
    ...(deliver && order.shipments !== undefined ? { shipments: order.shipments.map((s) => ({ ...s, events: [...s.events, trackingEvent('delivered', 2 * 24 * 60)] })) } : {}),
  });
  visit(copy, '');
  return copy;
}

const scenarioOrders = fc.array(
  fc.record({
    make: fc.constantFrom(...allScenarios),
    names: fc.array(fc.constantFrom<string>(...HOSTILE, ...NORMAL), { minLength: 1, maxLength: 6 }),
    deliver: fc.boolean(),
  }),
  { minLength: 1, maxLength: 6 },
);

/** Every string in a report. */
function stringsOf(value: unknown, into: string[] = []): string[] {
  if (typeof value === 'string') into.push(value);
  else if (typeof value === 'object' && value !== null) for (const v of Object.values(value)) stringsOf(v, into);
  return into;
}

function expectCleanJson(value: unknown): void {
  const text = JSON.stringify(value);
  expect(JSON.stringify(JSON.parse(text))).toBe(text);
  expect(JSON.parse(text)).toEqual(value);
  for (const s of stringsOf(value)) {
    expect(s).not.toContain('[native code]');
    expect(s).not.toContain('function ');
  }
}

const sortedEntries = (counts: Readonly<Record<string, unknown>>) => Object.entries(counts).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
const sortedMap = (counts: Map<string, unknown>) => [...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
const bump = (counts: Map<string, number>, key: string, by: number) => counts.set(key, (counts.get(key) ?? 0) + by);

/** The summary's data-keyed counts, counted again from the orders and their reports, in Maps. */
function expectCountsOf(summary: BatchSummary, orders: readonly OrderSnapshotInput[], reports: readonly EvaluateResult[]): void {
  const dims = {
    byProvince: new Map<string, number>(),
    byCity: new Map<string, number>(),
    byChannel: new Map<string, number>(),
    byCarrier: new Map<string, number>(),
    bySku: new Map<string, number>(),
    byCode: new Map<string, number>(),
  };
  const carriers = new Map<string, { delivered: number; onTime: number }>();
  orders.forEach((order, i) => {
    const report = reports[i] as EvaluateResult;
    if (!report.ok) return;
    for (const s of order.shipments ?? []) {
      const delivered = s.events.find((e) => e.code === 'delivered');
      const due = order.promisedDeliveryBy ?? s.estimatedDeliveryAt;
      if (delivered === undefined || due === undefined) continue;
      const record = carriers.get(s.carrier) ?? { delivered: 0, onTime: 0 };
      carriers.set(s.carrier, { delivered: record.delivered + 1, onTime: record.onTime + (Date.parse(delivered.at) <= Date.parse(due) ? 1 : 0) });
    }
    const n = report.findings.length;
    if (n === 0) return;
    bump(dims.byProvince, order.shippingAddress.province ?? '(none)', n);
    bump(dims.byCity, order.shippingAddress.city ?? '(none)', n);
    bump(dims.byChannel, order.channel ?? '(none)', n);
    bump(dims.byCarrier, order.shipments?.at(-1)?.carrier ?? '(none)', n);
    for (const sku of new Set(order.items.map((item) => item.sku))) bump(dims.bySku, sku, n);
    for (const f of report.findings) bump(dims.byCode, f.code, 1);
  });
  for (const [dim, counts] of Object.entries(dims)) expect([dim, sortedEntries(summary[dim as keyof typeof dims])]).toEqual([dim, sortedMap(counts)]);
  expect(sortedEntries(summary.carriers)).toEqual(sortedMap(carriers));
}

describe('data used as object keys', () => {
  const triage = createTriage({ locale: 'en' });
  const zh = createTriage();

  it('leaves Object.prototype alone, writes no native function into any text, counts exactly and round-trips, whatever names the orders use', { timeout: 120_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(scenarioOrders, async (drawn) => {
        const scenarios = drawn.map(({ make, names, deliver }) => ({ ...make(), order: renameFields(make().order, names, deliver) }));
        const orders = scenarios.map((s) => s.order);
        for (const s of scenarios) {
          for (const t of [triage, zh]) {
            const result = t.evaluate(s.order, { ...s.context, now: s.now });
            expect(result.ok).toBe(true);
            expectCleanJson(result);
          }
        }
        const now = minutesAfter(10 * 24 * 60);
        const whole = await triage.evaluateBatch(orders, { now });
        expect(Reflect.ownKeys(Object.prototype)).toEqual(prototypeKeys);
        expectCleanJson(whole);
        expectCountsOf(whole.summary, orders, whole.reports);
        const half = Math.ceil(orders.length / 2);
        const [a, b] = [await triage.evaluateBatch(orders.slice(0, half), { now }), await triage.evaluateBatch(orders.slice(half), { now })];
        const merged = mergeSummaries(a.summary, b.summary);
        expect(JSON.stringify(merged)).toBe(JSON.stringify(whole.summary));
        // Summaries stored as JSON and read back (own "__proto__" keys included) merge the same.
        const reread = mergeSummaries(JSON.parse(JSON.stringify(a.summary)) as BatchSummary, JSON.parse(JSON.stringify(b.summary)) as BatchSummary);
        expect(JSON.stringify(reread)).toBe(JSON.stringify(whole.summary));
        expect(Reflect.ownKeys(Object.prototype)).toEqual(prototypeKeys);
      }),
      { numRuns: 100, seed: 1212 },
    );
  });
});
