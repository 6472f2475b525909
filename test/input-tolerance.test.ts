import fc from 'fast-check';
import { createTriage, InvalidOptionsError, OrderSnapshotSchema } from 'order-triage';
import { buildOrder, buildPayment, buildReport, buildShipment, GENERATED_NOW, generateOrders, minutesAfter, trackingEvent } from 'order-triage/testing';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';

// Input as real systems hold it (docs/snapshot.md, "Tolerance"): SQL NULL, Date objects,
// numeric ids, +0800 offsets, unknown codes and misspelt keys.

const triage = createTriage();
const strictTriage = createTriage({ strict: true });
const now = minutesAfter(6 * 24 * 60);

/** Snapshots as databases hand them over: not the input type. */
type Loose = any;

/** The report for `order`, awaited (evaluate may return a promise). */
const evaluate = async (order: unknown, context: { now: string | Date; blacklist?: { customerIds?: string[] } } = { now }) => (await triage.evaluate(order, context)) as Loose;

/** The order without the keys given (absent, as the schema has them). */
const without = (order: Loose, ...keys: string[]): Loose => Object.fromEntries(Object.entries(order).filter(([key]) => !keys.includes(key)));

/** An order with every optional field the issue names, so that each can be set to null. */
function fullOrder(): Loose {
  const base = buildOrder({ remark: '请尽快发货' });
  return {
    ...base,
    customer: { ...base.customer, email: 'a@example.com' },
    shippingAddress: { ...base.shippingAddress, line2: '3楼' },
    payments: [{ ...base.payments[0], failureReason: 'none' }],
    refunds: [],
  };
}

describe('SQL NULL on an optional field is the field absent', () => {
  it('accepts null on remark, refunds, customer.email, shippingAddress.line2, promisedShipBy and payments[].failureReason, reporting as if they were absent', async () => {
    const order = fullOrder();
    const nulled = {
      ...order,
      remark: null,
      refunds: null,
      promisedShipBy: null,
      customer: { ...order.customer, email: null },
      shippingAddress: { ...order.shippingAddress, line2: null },
      payments: [{ ...order.payments[0], failureReason: null }],
    };
    const absent = {
      ...without(order, 'remark', 'refunds', 'promisedShipBy'),
      customer: without(order.customer, 'email'),
      shippingAddress: without(order.shippingAddress, 'line2'),
      payments: [without(order.payments[0], 'failureReason')],
    };
    const report = await evaluate(nulled);
    expect(report.ok).toBe(true);
    expect(report.warnings).toEqual([]);
    expect(report).toEqual(await evaluate(absent));
  });

  it('accepts null deep inside lists (a tracking event without a description)', async () => {
    const shipment = buildShipment({ events: [{ ...trackingEvent('picked_up', 120), description: null, location: null }] as Loose });
    const report = await evaluate(buildOrder({ status: 'shipped', shipments: [shipment] }));
    expect(report.ok).toBe(true);
  });

  it('still refuses null on a required field, naming its path', async () => {
    const order = fullOrder();
    const report = await evaluate({ ...order, shippingAddress: { ...order.shippingAddress, line1: null }, customer: null });
    expect(report.ok).toBe(false);
    expect(report.error.code).toBe('invalid_snapshot');
    const paths = report.error.issues.map((issue: { path: unknown[] }) => issue.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['shippingAddress.line1', 'customer']));
  });
});

describe('timestamps as Date objects or with +0800 offsets', () => {
  it('reads Date objects anywhere a snapshot has a timestamp, giving the report their ISO strings give', async () => {
    const order = buildOrder({ status: 'shipped', shipments: [buildShipment()] }) as Loose;
    const asDate = (text: string) => new Date(text);
    const iso = (text: string) => new Date(text).toISOString();
    const rewrite = (f: (text: string) => unknown): Loose => ({
      ...order,
      createdAt: f(order.createdAt),
      promisedShipBy: f(order.promisedShipBy),
      payments: order.payments.map((p: Loose) => ({ ...p, createdAt: f(p.createdAt), paidAt: f(p.paidAt) })),
      shipments: order.shipments.map((s: Loose) => ({ ...s, shippedAt: f(s.shippedAt), events: s.events.map((e: Loose) => ({ ...e, at: f(e.at) })) })),
    });
    const withDates = await evaluate(rewrite(asDate));
    expect(withDates.ok).toBe(true);
    expect(withDates).toEqual(await evaluate(rewrite(iso)));
  });

  it('refuses an invalid Date, naming its path', async () => {
    const order = buildOrder() as Loose;
    const report = await evaluate({ ...order, payments: [{ ...order.payments[0], createdAt: new Date('not a date') }] });
    expect(report.ok).toBe(false);
    expect(report.error.issues).toEqual([{ path: ['payments', 0, 'createdAt'], message: expect.stringContaining('invalid Date') }]);
  });

  it('reads +0800 offsets as +08:00', async () => {
    const order = buildOrder() as Loose;
    const compact = (text: string) => text.replace(/([+-]\d\d):(\d\d)$/, '$1$2');
    const report = await evaluate({ ...order, createdAt: compact(order.createdAt), promisedShipBy: compact(order.promisedShipBy) });
    expect(order.createdAt).toMatch(/\+08:00$/);
    expect(report.ok).toBe(true);
    expect(report).toEqual(await evaluate(order));
  });

  it('says what now must be when it is epoch milliseconds, not that it is missing', async () => {
    const report = await evaluate(buildOrder(), { now: 1_700_000_000_000 as unknown as string });
    expect(report.error.issues).toEqual([{ path: ['context', 'now'], message: expect.stringContaining('now must be a Date or an ISO 8601 string with an offset') }]);
  });
});

describe('ids as strings or safe integers', () => {
  it('reads numeric ids as strings everywhere: orderId, findings and idempotency keys', async () => {
    const order = buildOrder({ status: 'pending_payment', payments: [buildPayment({ status: 'failed' })] }) as Loose;
    const numeric = { ...order, id: 1001, customer: { ...order.customer, id: 77 }, payments: [{ ...order.payments[0], id: 9 }] };
    const textual = { ...order, id: '1001', customer: { ...order.customer, id: '77' }, payments: [{ ...order.payments[0], id: '9' }] };
    const report = await evaluate(numeric);
    expect(report.ok).toBe(true);
    expect(report.orderId).toBe('1001');
    expect(report.findings.length).toBeGreaterThan(0);
    expect(report.findings.every((f: Loose) => f.orderId === '1001')).toBe(true);
    expect(report).toEqual(await evaluate(textual));
  });

  it('refuses unsafe and fractional ids, naming the path', async () => {
    const order = buildOrder() as Loose;
    const report = await evaluate({ ...order, id: 2 ** 53, payments: [{ ...order.payments[0], id: 1.5 }] });
    expect(report.ok).toBe(false);
    expect(report.error.issues.map((i: Loose) => i.path)).toEqual([['id'], ['payments', 0, 'id']]);
    expect(report.error.issues[0].message).toContain('safe integer');
  });
});

describe('unknown tracking event codes and report kinds', () => {
  const blacklist = { customerIds: ['CUST-1'] };

  it('keeps a customs_clearance event as unknown with a warning, and the payment and fraud checks still run', async () => {
    const shipment = buildShipment({ events: [trackingEvent('picked_up', 120), { at: minutesAfter(600), code: 'customs_clearance' } as Loose] });
    const order = buildOrder({ status: 'pending_payment', payments: [buildPayment({ status: 'failed' })], shipments: [shipment] });
    const report = await evaluate(order, { now, blacklist });
    expect(report.ok).toBe(true);
    const codes = report.findings.map((f: Loose) => f.code);
    expect(codes).toEqual(expect.arrayContaining(['PAYMENT_FAILED', 'BLACKLISTED']));
    expect(report.warnings).toEqual([{ path: ['shipments', 0, 'events', 1, 'code'], message: expect.stringContaining('"customs_clearance"') }]);
  });

  it('keeps an unknown report kind as unknown with a warning; no detector reads it as a known kind', async () => {
    const order = buildOrder({ reports: [buildReport({ kind: 'package_smells' as Loose })] });
    const report = await evaluate(order);
    expect(report.ok).toBe(true);
    expect(report.warnings).toEqual([{ path: ['reports', 0, 'kind'], message: expect.stringContaining('"package_smells"') }]);
    expect(report.findings).toEqual((await evaluate(without(order, 'reports'))).findings);
  });
});

describe('unknown keys that look like misspelt fields', () => {
  it.each([
    ['promisedShipby', ['promisedShipby'], 'promisedShipBy'],
    ['promised_ship_by', ['promised_ship_by'], 'promisedShipBy'],
    ['shipping_address', ['shipping_address'], 'shippingAddress'],
  ])('warns about %s with "did you mean" and its path', async (key, path, meant) => {
    const report = await evaluate({ ...buildOrder(), [key]: minutesAfter(60) });
    expect(report.ok).toBe(true);
    expect(report.warnings).toEqual([{ path, message: expect.stringContaining(`did you mean \`${meant}\`?`) }]);
  });

  it('warns about paidat inside payments[0]', async () => {
    const order = buildOrder() as Loose;
    const report = await evaluate({ ...order, payments: [{ ...order.payments[0], paidat: minutesAfter(1) }] });
    expect(report.warnings).toEqual([{ path: ['payments', 0, 'paidat'], message: expect.stringContaining('did you mean `paidAt`?') }]);
  });

  it('does not warn about unrelated extra keys', async () => {
    const order = buildOrder() as Loose;
    const report = await evaluate({ ...order, erpInternalFlag: true, warehouseNote: 'x', customer: { ...order.customer, crmSegment: 'A' } });
    expect(report.ok).toBe(true);
    expect(report.warnings).toEqual([]);
  });

  it('misspelling promisedShipBy no longer switches the late-shipping check off silently', async () => {
    const order = buildOrder() as Loose;
    const misspelt = { ...without(order, 'promisedShipBy'), promisedShipby: order.promisedShipBy };
    const report = await evaluate(misspelt);
    expect(report.warnings.map((w: Loose) => w.path)).toEqual([['promisedShipby']]);
  });
});

describe('createTriage({ strict: true })', () => {
  it('turns every warning into an issue of an invalid_snapshot error', async () => {
    const shipment = buildShipment({ events: [{ at: minutesAfter(600), code: 'customs_clearance' } as Loose] });
    const order = { ...buildOrder({ status: 'shipped', shipments: [shipment] }), promised_ship_by: minutesAfter(60) };
    const report = (await strictTriage.evaluate(order, { now })) as Loose;
    expect(report.ok).toBe(false);
    expect(report.orderId).toBe('ORD-1001');
    expect(report.error.code).toBe('invalid_snapshot');
    expect(report.error.issues.map((i: Loose) => i.path)).toEqual([['shipments', 0, 'events', 0, 'code'], ['promised_ship_by']]);
  });

  it('still reads nulls, Dates and numeric ids, which are no warning', async () => {
    const order = buildOrder() as Loose;
    const report = (await strictTriage.evaluate({ ...order, id: 5, remark: null, createdAt: new Date(order.createdAt) }, { now })) as Loose;
    expect(report.ok).toBe(true);
  });

  it('applies to evaluateBatch too', async () => {
    const batch = await strictTriage.evaluateBatch([{ ...buildOrder(), promisedShipby: minutesAfter(1) }], { now, keepReports: true } as Loose);
    expect((batch.reports[0] as Loose).error.code).toBe('invalid_snapshot');
  });

  it('is validated with the other options', () => {
    expect(() => createTriage({ strict: 'yes' as unknown as boolean })).toThrow(InvalidOptionsError);
    expect(() => createTriage({ strict: 'yes' as unknown as boolean })).toThrow(/strict: .*boolean/);
  });
});

/** Paths to every optional field of the snapshot schema that `order` has room for (its container exists). */
function optionalPaths(schema: z.ZodType, value: unknown, path: (string | number)[] = []): (string | number)[][] {
  const inner = schema instanceof z.ZodOptional ? (schema.unwrap() as z.ZodType) : schema;
  if (inner instanceof z.ZodArray && Array.isArray(value)) return value.flatMap((element, i) => optionalPaths(inner.element as z.ZodType, element, [...path, i]));
  if (!(inner instanceof z.ZodObject) || typeof value !== 'object' || value === null) return [];
  return Object.entries(inner.shape).flatMap(([key, field]) => {
    const own = field instanceof z.ZodOptional ? [[...path, key]] : [];
    return [...own, ...optionalPaths(field as z.ZodType, (value as Record<string, unknown>)[key], [...path, key])];
  });
}

/** A deep copy of `value` with the field at each of `paths` set by `set` (null or removed). */
function withFields(value: unknown, paths: (string | number)[][], set: 'null' | 'remove'): unknown {
  const copy = structuredClone(value) as Loose;
  // Deepest first, so a container set to null does not hide a path inside it.
  for (const path of [...paths].sort((a, b) => b.length - a.length)) {
    const parent = path.slice(0, -1).reduce((at: Loose, key) => (at === null || at === undefined ? at : at[key]), copy);
    if (parent === null || parent === undefined || typeof parent !== 'object') continue;
    const key = path[path.length - 1] as string;
    if (set === 'null') parent[key] = null;
    else delete parent[key];
  }
  return copy;
}

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** Paths to every timestamp string in `value`. */
function timestampPaths(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (typeof value === 'string') return ISO.test(value) ? [path] : [];
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, v]) => timestampPaths(v, [...path, Array.isArray(value) ? Number(key) : key]));
}

/** A deep copy of `value` with the timestamp at each path replaced by `f` of it. */
function withTimestamps(value: unknown, paths: (string | number)[][], f: (text: string) => unknown): unknown {
  const copy = structuredClone(value) as Loose;
  for (const path of paths) {
    const parent = path.slice(0, -1).reduce((at: Loose, key) => at[key], copy);
    const key = path[path.length - 1] as string;
    parent[key] = f(parent[key]);
  }
  return copy;
}

describe('tolerance properties over generated orders', () => {
  const orders = [...generateOrders({ count: 120, seed: 17, exceptionRate: 0.7 })];
  const context = { now: GENERATED_NOW };
  const outcome = async (order: unknown) => JSON.stringify(await triage.evaluate(order, context));

  it('a valid snapshot with any optional fields set to null gives the report it gives with them removed', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...orders).chain((order) => fc.tuple(fc.constant(order), fc.subarray(optionalPaths(OrderSnapshotSchema, order)))),
        async ([order, paths]) => {
          const nulled = JSON.parse(await outcome(withFields(order, paths, 'null')));
          expect(nulled.ok).toBe(true);
          expect(nulled).toEqual(JSON.parse(await outcome(withFields(order, paths, 'remove'))));
        },
      ),
      { numRuns: 150 },
    );
  }, 120_000);

  it('Date objects give the report their ISO strings give', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...orders).chain((order) => fc.tuple(fc.constant(order), fc.subarray(timestampPaths(order)))),
        async ([order, paths]) => {
          const dates = await triage.evaluate(
            withTimestamps(order, paths, (text) => new Date(text)),
            context,
          );
          expect(dates.ok).toBe(true);
          expect(JSON.stringify(dates)).toBe(await outcome(withTimestamps(order, paths, (text) => new Date(text).toISOString())));
        },
      ),
      { numRuns: 150 },
    );
  }, 120_000);
});
