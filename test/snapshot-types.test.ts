import { readFileSync } from 'node:fs';
import {
  createTriage,
  getSnapshotJsonSchema,
  type OrderSnapshot,
  type OrderSnapshotInput,
  OrderSnapshotSchema,
  type OrderSnapshotStrict,
  type StoredOrderSnapshot,
} from 'order-triage';
import ts from 'typescript';
import { describe, expect, expectTypeOf, it } from 'vitest';

/** A type with every index signature taken out, at every depth: the fields a schema names. */
type Named<T> = T extends readonly (infer E)[] ? Named<E>[] : T extends object ? { [K in keyof T as string extends K ? never : K]: Named<T[K]> } : T;

const order = {
  id: 'o-1',
  status: 'paid',
  createdAt: '2026-03-01T10:00:00+08:00',
  currency: 'CNY',
  totals: { items: 19_900, shipping: 1_000, discount: 0, payable: 20_900 },
  promisedShipBy: '2026-03-02T10:00:00+08:00',
  items: [{ sku: 'SKU-TEE-M', quantity: 1, unitPrice: 19_900 }],
  payments: [{ id: 'pay_1', method: 'alipay', status: 'succeeded', amount: 20_900, createdAt: '2026-03-01T10:01:00+08:00' }],
  customer: { id: 'c-1' },
  shippingAddress: { name: '张三', phone: '13800138000', country: 'CN', line1: '科技园 1 号' },
} satisfies OrderSnapshotStrict;

describe('snapshot input types', () => {
  it('spell the snapshot exactly as OrderSnapshotSchema validates it: every field, its optionality and its allowed values', () => {
    expectTypeOf<OrderSnapshotStrict>().toEqualTypeOf<Named<OrderSnapshotInput>>();
    expectTypeOf<Named<OrderSnapshot>>().toExtend<OrderSnapshotStrict>();
    expect(OrderSnapshotSchema.safeParse(order).success).toBe(true);
  });

  it('reject a misspelt field in a literal of the strict type at compile time, and the stored type accepts it', () => {
    // @ts-expect-error `promisedShipby` is not a snapshot field
    const strict: OrderSnapshotStrict = { ...order, promisedShipby: order.promisedShipBy };
    // @ts-expect-error nor is `promised_ship_by`
    const snake: OrderSnapshotStrict = { ...order, promised_ship_by: order.promisedShipBy };
    const stored: StoredOrderSnapshot = { ...order, promisedShipby: order.promisedShipBy };
    const triage = createTriage();
    expect([strict, snake, stored].map((o) => triage.evaluate(o, { now: '2026-03-01T12:00:00+08:00' }).ok)).toEqual([true, true, true]);
  });

  it('let the stored type hold what a database gives: null for absent, Date timestamps, numeric ids, unknown codes', () => {
    expectTypeOf<OrderSnapshotInput>().toExtend<StoredOrderSnapshot>();
    const stored: StoredOrderSnapshot = {
      ...order,
      id: 10_042,
      createdAt: new Date('2026-03-01T02:00:00Z'),
      remark: null,
      refunds: null,
      customer: { id: 7, email: null },
      shippingAddress: { ...order.shippingAddress, line2: null },
      shipments: [{ id: 's-1', carrier: 'sf', trackingNumber: 'SF1', events: [{ at: '2026-03-02T10:00:00+08:00', code: 'customs_clearance' }] }],
    };
    // @ts-expect-error the strict type takes only the documented spelling
    const strict: OrderSnapshotStrict = stored;
    expect(strict.remark).toBeNull();
  });

  it('show in editors the same description the JSON Schema carries, for every field', () => {
    const source = readFileSync(new URL('../src/schema/snapshot-types.ts', import.meta.url), 'utf8');
    const missing: string[] = [];
    type JsonNode = { description?: string; items?: JsonNode; properties?: Record<string, JsonNode> };
    const visit = (node: JsonNode): void => {
      for (const [name, child] of Object.entries(node.properties ?? {})) {
        if (!source.includes(`/** ${child.description} */\n  ${name}`)) missing.push(name);
        visit(child);
        if (child.items !== undefined) visit(child.items);
      }
    };
    visit(getSnapshotJsonSchema() as JsonNode);
    expect(missing).toEqual([]);
  });

  it('show each field’s description when an editor hovers it, in the strict type, the stored type and their parts', { timeout: 120_000 }, () => {
    const root = new URL('..', import.meta.url).pathname;
    const file = `${root}test/__hover__.ts`;
    const text = [
      "import type { OrderSnapshotStrict, SnapshotPayment, StoredOrderSnapshot } from 'order-triage';",
      "export const strict: Partial<OrderSnapshotStrict> = { promisedShipBy: '2026-03-02T10:00:00+08:00' };",
      'export const stored: Partial<StoredOrderSnapshot> = { promisedShipBy: null };',
      'export const payment = (p: SnapshotPayment) => p.amount;',
    ].join('\n');
    const config = ts.getParsedCommandLineOfConfigFile(`${root}tsconfig.json`, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
    const service = ts.createLanguageService({
      getScriptFileNames: () => [file],
      getScriptVersion: () => '1',
      getScriptSnapshot: (name) => ts.ScriptSnapshot.fromString(name === file ? text : readFileSync(name, 'utf8')),
      getCurrentDirectory: () => root,
      getCompilationSettings: () => config?.options ?? {},
      getDefaultLibFileName: ts.getDefaultLibFilePath,
      fileExists: (name) => name === file || ts.sys.fileExists(name),
      readFile: (name) => (name === file ? text : ts.sys.readFile(name)),
    });
    const hover = (needle: string, nth: number) => {
      let at = -1;
      for (let i = 0; i <= nth; i++) at = text.indexOf(needle, at + 1);
      return ts.displayPartsToString(service.getQuickInfoAtPosition(file, at)?.documentation);
    };
    expect(hover('promisedShipBy', 0)).toBe('When the shop promised to ship: ISO 8601 with offset.');
    expect(hover('promisedShipBy', 1)).toBe('When the shop promised to ship: ISO 8601 with offset.');
    expect(hover('amount', 0)).toBe('Amount of the attempt: integer in minor units of its `currency`.');
  });
});
