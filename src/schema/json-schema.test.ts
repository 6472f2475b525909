import { getSnapshotJsonSchema } from 'order-triage';
import { describe, expect, it } from 'vitest';

describe('getSnapshotJsonSchema', () => {
  const schema = getSnapshotJsonSchema() as {
    required: string[];
    additionalProperties: unknown;
    properties: Record<string, { properties?: Record<string, unknown>; items?: { properties: Record<string, unknown> } }>;
  };

  it('describes the whole snapshot, not only payments', () => {
    expect(schema.required).toEqual(['id', 'status', 'createdAt', 'currency', 'totals', 'items', 'payments', 'customer', 'shippingAddress']);
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining(['shipments', 'inventory', 'reservations', 'sync', 'device', 'coupons', 'actionsTaken', 'reports', 'remark']),
    );
  });

  it('states money as non-negative safe integers and timestamps as date-times with offset', () => {
    expect(schema.properties.totals?.properties?.payable).toMatchObject({ type: 'integer', minimum: 0, maximum: Number.MAX_SAFE_INTEGER });
    expect(schema.properties.createdAt).toMatchObject({ type: 'string', format: 'date-time' });
  });

  it('lets unknown fields through, as evaluate does', () => {
    expect(schema.additionalProperties).toEqual({});
  });

  it('hands out a copy, so a caller cannot change the next caller’s schema', () => {
    (getSnapshotJsonSchema() as { title: string }).title = 'changed';
    expect(getSnapshotJsonSchema().title).toBe('OrderSnapshot');
  });
});
