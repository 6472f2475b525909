import fc from 'fast-check';
import { createTriage, type EvaluateResult, type OrderSnapshotInput } from 'order-triage';
import { allScenarios } from 'order-triage/testing';
import { describe, expect, it } from 'vitest';

// Any string the schema accepts is handled, and every text we produce is plain and quotes
// snapshot values shortened (docs/messages.md), for orders whose strings are hostile.

const triage = createTriage({
  locale: 'en',
  rules: [
    {
      name: 'every-order',
      conditions: { all: [{ fact: 'items.totalQuantity', operator: 'greaterThanInclusive', value: 0 }] },
      event: { type: 'EVERY_ORDER', params: { category: 'system', severity: 'low', owner: 'tech', summary: { en: 'Hit: {orderId}.' } } },
    },
  ],
});

const FORBIDDEN =
  /[\u0000-\u001F\u007F-\u009F\u00AD\u061C\u180E\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\u2028\u2029\uFEFF\uFFF9-\uFFFB]|\uDB40[\uDC01\uDC20-\uDC7F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const LONE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** A value made plain as docs/messages.md says: one line, no control or bidi characters, well-formed. */
function plainOf(value: string): string {
  return value
    .replace(/[\t\n\v\f\r\u0085\u2028\u2029]/g, ' ')
    .replace(/[\u0000-\u001F\u007F-\u009F\u00AD\u061C\u180E\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\uFFF9-\uFFFB]|\uDB40[\uDC01\uDC20-\uDC7F]/g, '')
    .replace(LONE, '\uFFFD');
}

/** What docs/messages.md says a quoted value becomes: plain, at most 200 characters and "…". */
function asQuoted(value: string): string {
  const plain = plainOf(value);
  if (plain.length <= 200) return plain;
  const high = /[\uD800-\uDBFF]/.test(plain[199] as string);
  return `${plain.slice(0, high ? 199 : 200)}…`;
}

const piece = fc.oneof(
  fc.constantFrom('\uD800', '\uDBFF', '\uDC00', '\uDFFF', '\u202E', '\u202A', '\u2066', '\u2069', '\u200E', '\u200F', '\u061C', '\u2028', '\u2029'),
  fc.constantFrom('\u00AD', '\u180E', '\u200B', '\u2060', '\u2064', '\uFEFF', '\uFFF9', '\uFFFB', '\u{E0001}', '\u{E0041}', '\u{E007F}', '\u200D'),
  fc.constantFrom("$'", '$&', '$`', '$1', '$$', '{orderId}', '<script>', '%uD800', '%', '/', '😀', '中文', '\uFFFD'),
  fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c)),
  fc.integer({ min: 0x7f, max: 0x9f }).map((c) => String.fromCharCode(c)),
  fc.string({ maxLength: 6 }),
  fc.integer({ min: 150, max: 3_000 }).map((n) => 'y'.repeat(n)),
);
const hostile = fc.array(piece, { minLength: 1, maxLength: 8 }).map((parts) => `h${parts.join('')}`);

const FIELDS = ['id', 'customer', 'name', 'line1', 'line2', 'city', 'phone', 'remark', 'fingerprint', 'failureReason', 'method', 'carrier', 'trackingNumber', 'itemName'] as const;
type Field = (typeof FIELDS)[number];

function withValues(order: OrderSnapshotInput, v: Partial<Record<Field, string>>): OrderSnapshotInput {
  const a = order.shippingAddress;
  return {
    ...order,
    ...(v.id === undefined ? {} : { id: v.id }),
    ...(v.remark === undefined ? {} : { remark: `${order.remark ?? ''}${v.remark}` }),
    ...(v.fingerprint === undefined ? {} : { device: { ...order.device, fingerprint: v.fingerprint } }),
    customer: { ...order.customer, ...(v.customer === undefined ? {} : { id: v.customer }) },
    shippingAddress: {
      ...a,
      ...(v.name === undefined ? {} : { name: v.name }),
      ...(v.line1 === undefined ? {} : { line1: v.line1 }),
      ...(v.line2 === undefined ? {} : { line2: v.line2 }),
      ...(v.city === undefined ? {} : { city: v.city }),
      ...(v.phone === undefined ? {} : { phone: v.phone }),
    },
    items: order.items.map((i) => (v.itemName === undefined ? i : { ...i, name: v.itemName })),
    payments: order.payments.map((p) => ({
      ...p,
      ...(v.failureReason === undefined ? {} : { failureReason: v.failureReason }),
      ...(v.method === undefined ? {} : { method: v.method }),
    })),
    ...(order.shipments === undefined
      ? {}
      : {
          shipments: order.shipments.map((s) => ({
            ...s,
            ...(v.carrier === undefined ? {} : { carrier: v.carrier }),
            ...(v.trackingNumber === undefined ? {} : { trackingNumber: v.trackingNumber }),
          })),
        }),
  };
}

const generated = fc.record({
  make: fc.constantFrom(...allScenarios),
  values: fc.record(Object.fromEntries(FIELDS.map((f) => [f, hostile])) as Record<Field, fc.Arbitrary<string>>, { requiredKeys: [] }),
});

function textsOf(result: EvaluateResult): string[] {
  if (!result.ok) return [];
  return [
    ...result.findings.flatMap((f) => [f.summary, ...f.checklist]),
    ...result.actions.flatMap((a) => [a.note, ...(a.customerMessage === undefined ? [] : [a.customerMessage.text])]),
  ];
}

function expectPlainAndShort(texts: readonly string[], values: readonly string[]): void {
  for (const text of texts) {
    expect(text).not.toMatch(FORBIDDEN);
    expect(text.length).toBeLessThan(3_000);
    // No value is quoted past its 200th character.
    for (const value of values) {
      const plain = plainOf(value);
      if (plain.length > 200) expect(text.includes(plain.slice(0, 201))).toBe(false);
    }
  }
}

describe('hostile strings in every text field', () => {
  it('give a report whose texts are plain, quote each value at most 200 characters, and a rule summary the quoted id', () => {
    fc.assert(
      fc.property(generated, ({ make, values }) => {
        const s = make();
        const order = withValues(s.order, values);
        const result = triage.evaluate(order, { now: s.now, ...s.context });
        if (!result.ok) throw new Error(JSON.stringify(result.error));
        expectPlainAndShort(textsOf(result), Object.values(values));
        const summary = result.findings.find((f) => f.code === 'EVERY_ORDER')?.summary;
        expect(summary).toBe(`Hit: ${asQuoted(order.id)}.`);
        if (asQuoted(order.id) === order.id) expect(summary).toContain(order.id);
      }),
      { numRuns: 300, seed: 1212 },
    );
  }, 120_000);

  it('let a batch of such orders, sharing their hostile address, phone and device, resolve and count every order', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(generated, { minLength: 1, maxLength: 6 }), hostile, hostile, async (orders, line1, fingerprint) => {
        const snapshots = orders.map(({ make, values }, n) => {
          const s = make();
          return withValues(s.order, { ...values, id: `${values.id ?? s.order.id}#${n}`, customer: `c${n}`, line1, fingerprint });
        });
        const batch = await triage.evaluateBatch(snapshots, { now: allScenarios[0]!().now });
        expect(batch.summary.orders).toBe(snapshots.length);
        expect(batch.reports).toHaveLength(snapshots.length);
        for (const r of batch.reports) if (!r.ok) throw new Error(JSON.stringify(r.error));
        const texts = [...batch.reports.flatMap(textsOf), ...batch.findings.flatMap((f) => [f.summary, ...f.checklist]), ...batch.actions.map((a) => a.note)];
        expectPlainAndShort(texts, [line1, fingerprint, ...orders.flatMap((o) => Object.values(o.values))]);
      }),
      { numRuns: 100, seed: 1213 },
    );
  }, 120_000);
});
