import fc from 'fast-check';
import { buildOrder, minutesAfter } from 'order-triage/testing';
import { describe, expect, it } from 'vitest';
import type { OrderSnapshot } from '../schema/snapshot.js';
import { computeAvailability, demandBySku, type InventoryFacts, writeInventoryFacts } from './inventory-facts.js';

const SKUS = ['A', 'B', 'C', 'D', '__proto__', 'constructor'];
const sku = fc.constantFrom(...SKUS);
const orders = fc
  .record({
    items: fc.array(fc.record({ sku, quantity: fc.integer({ min: 1, max: 9 }), presale: fc.option(fc.boolean(), { nil: undefined }) }), { minLength: 1, maxLength: 8 }),
    inventory: fc.option(
      fc.array(
        fc.record({
          sku,
          onHand: fc.integer({ min: 0, max: 9 }),
          reserved: fc.integer({ min: 0, max: 9 }),
          presaleAllowance: fc.option(fc.integer({ min: 0, max: 9 }), { nil: undefined }),
        }),
        { maxLength: 8 },
      ),
      { nil: undefined },
    ),
    reservations: fc.option(
      fc.array(fc.record({ sku, quantity: fc.integer({ min: 1, max: 9 }), status: fc.constantFrom('reserved' as const, 'failed' as const, 'released' as const) }), {
        maxLength: 8,
      }),
      { nil: undefined },
    ),
  })
  .map(
    ({ items, inventory, reservations }) =>
      buildOrder({
        items: items.map((i) => ({ sku: i.sku, quantity: i.quantity, unitPrice: 100, ...(i.presale === undefined ? {} : { presale: i.presale }) })),
        ...(inventory === undefined
          ? {}
          : {
              inventory: inventory.map((r) => ({
                sku: r.sku,
                onHand: r.onHand,
                reserved: r.reserved,
                ...(r.presaleAllowance === undefined ? {} : { presaleAllowance: r.presaleAllowance }),
              })),
            }),
        ...(reservations === undefined ? {} : { reservations: reservations.map((r) => ({ ...r, at: minutesAfter(1) })) }),
      }) as OrderSnapshot,
  );

/** The nested scans the SKU indexes replaced: every record and reservation read for every line. */
function reference(order: OrderSnapshot) {
  const availability = [];
  const inventory = order.inventory ?? [];
  for (const demand of inventory.length === 0 ? [] : demandBySku(order)) {
    let onHand = 0;
    let reserved = 0;
    let allowance: number | undefined;
    let found = false;
    for (const r of inventory) {
      if (r.sku !== demand.sku) continue;
      found = true;
      onHand += r.onHand;
      reserved += r.reserved;
      if (r.presaleAllowance !== undefined) allowance = (allowance ?? 0) + r.presaleAllowance;
    }
    if (!found || (demand.presale && allowance === undefined)) continue;
    let own = 0;
    for (const r of order.reservations ?? []) if (r.sku === demand.sku && r.status === 'reserved') own += r.quantity;
    const supply = demand.presale ? (allowance as number) : onHand;
    const reservedByOthers = Math.max(0, reserved - own);
    availability.push({
      sku: demand.sku,
      presale: demand.presale,
      ordered: demand.quantity,
      supply,
      reservedByOthers,
      available: supply - reservedByOthers,
      short: Math.max(0, demand.quantity - (supply - reservedByOthers)),
    });
  }
  let unreserved: number | null = null;
  if (order.reservations !== undefined) {
    unreserved = 0;
    for (const demand of demandBySku(order)) {
      let held = 0;
      for (const r of order.reservations) if (r.sku === demand.sku && r.status === 'reserved') held += r.quantity;
      if (held < demand.quantity) unreserved++;
    }
  }
  return { availability, unreserved };
}

describe('inventory facts indexed by SKU', () => {
  it('give the availability and unreserved lines that scanning every record for every line gives', () => {
    fc.assert(
      fc.property(orders, (order) => {
        const expected = reference(order);
        expect(computeAvailability(order)).toEqual(expected.availability);
        const facts = {} as InventoryFacts;
        writeInventoryFacts(facts as never, order, Date.parse(minutesAfter(60)));
        expect(facts['reservations.unreservedLineCount']).toBe(expected.unreserved);
        expect(facts['inventory.oversoldLineCount']).toBe(expected.availability.length === 0 ? null : expected.availability.filter((a) => a.short > 0).length);
      }),
      { numRuns: 2_000, seed: 12 },
    );
  }, 120_000);
});
