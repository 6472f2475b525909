import { EvaluateContextSchema, getSnapshotJsonSchema, OrderSnapshotSchema } from 'order-triage';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';

interface JsonNode {
  description?: string;
  properties?: Record<string, JsonNode>;
  items?: JsonNode;
  anyOf?: JsonNode[];
}

/** Every property of the JSON Schema, by its path (`payments[].amount`), nested objects and list elements included. */
function properties(node: JsonNode, prefix = ''): [string, JsonNode][] {
  const found: [string, JsonNode][] = [];
  for (const [name, child] of Object.entries(node.properties ?? {})) {
    const path = prefix === '' ? name : `${prefix}.${name}`;
    found.push([path, child], ...properties(child, path));
    if (child.items !== undefined) found.push(...properties(child.items, `${path}[]`));
  }
  for (const option of node.anyOf ?? []) found.push(...properties(option, prefix));
  return found;
}

const MONEY_FIELDS = [
  'totals.items',
  'totals.shipping',
  'totals.discount',
  'totals.tax',
  'totals.payable',
  'items[].unitPrice',
  'payments[].amount',
  'refunds[].amount',
  'coupons[].amount',
  'actionsTaken[].amount',
];

describe('field descriptions', () => {
  const all = properties(getSnapshotJsonSchema() as JsonNode);

  it('gives every property of the snapshot JSON Schema, nested ones included, a description', () => {
    expect(all.length).toBeGreaterThan(120);
    expect(all.filter(([, node]) => typeof node.description !== 'string' || node.description.length < 5).map(([path]) => path)).toEqual([]);
  });

  it('says of every money field that it is an integer in minor units', () => {
    const byPath = new Map(all);
    for (const path of MONEY_FIELDS) expect(byPath.get(path)?.description, path).toMatch(/integer in minor units/);
  });

  it('says of every timestamp field that it is ISO 8601 with an offset', () => {
    const timestamps = all.filter(([, node]) => (node as { format?: string }).format === 'date-time');
    expect(timestamps.length).toBeGreaterThanOrEqual(25);
    for (const [path, node] of timestamps) expect(node.description, path).toMatch(/ISO 8601 with offset/);
  });

  it('describes each field of the snapshot once, in the schema evaluate validates with', () => {
    expect(z.globalRegistry.get(OrderSnapshotSchema.shape.promisedShipBy)?.description).toBe('When the shop promised to ship: ISO 8601 with offset.');
  });

  it('describes every field of the evaluation context, nested lists included', () => {
    const missing: string[] = [];
    const visit = (shape: Record<string, z.ZodType>, prefix: string): void => {
      for (const [name, field] of Object.entries(shape)) {
        if (z.globalRegistry.get(field)?.description === undefined) missing.push(`${prefix}${name}`);
        const inner = field instanceof z.ZodOptional ? field.unwrap() : field;
        if (inner instanceof z.ZodObject) visit(inner.shape, `${prefix}${name}.`);
      }
    };
    visit(EvaluateContextSchema.shape, '');
    expect(missing).toEqual([]);
  });
});
