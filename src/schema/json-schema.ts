import * as z from 'zod';
import { OrderSnapshotSchema } from './snapshot.js';

let cached: Record<string, unknown> | undefined;

/**
 * The order snapshot as JSON Schema (draft 2020-12), for backends in other languages: validate
 * or generate types from it. Built from the same zod schema `evaluate` uses, so it cannot drift.
 * (Checks JSON Schema cannot express, such as "an active ISO 4217 code" (docs/money.md), are left out.)
 * The same document ships as `order-triage/order-snapshot.schema.json`.
 *
 * @example
 * const schema = getSnapshotJsonSchema();
 * schema.required //=> ['id', 'status', 'createdAt', 'currency', 'totals', 'items', 'payments', 'customer', 'shippingAddress']
 */
export function getSnapshotJsonSchema(): Record<string, unknown> {
  cached ??= {
    ...z.toJSONSchema(OrderSnapshotSchema, { target: 'draft-2020-12', io: 'input' }),
    $id: 'urn:order-triage:order-snapshot',
    title: 'OrderSnapshot',
    description: 'An order snapshot for order-triage (docs/snapshot.md). Money in minor units; timestamps ISO 8601 with offset.',
  };
  return structuredClone(cached);
}
