import { minutesBetween } from '../_lib/elapsed.js';
import { parseTimestamp } from '../_lib/timestamp.js';
import type { OrderSnapshot } from '../schema/snapshot.js';
import type { FactSpec, FactsOf, Writable } from './fact-spec.js';

/** The facts about stock and reservations. */
export const inventoryFactCatalogue = {
  'inventory.oversoldLineCount': {
    type: 'number',
    nullable: true,
    unit: 'count',
    description:
      "SKUs whose ordered quantity exceeds what is left for this order: onHand (presale lines: presaleAllowance) − other orders' reservations. Null when no line has inventory data.",
  },
  'inventory.maxShortUnits': {
    type: 'number',
    nullable: true,
    unit: 'count',
    description: 'The largest shortage over those SKUs, in units (0 when none is short); null when no line has inventory data.',
  },
  'inventory.maxChannelDrift': {
    type: 'number',
    nullable: true,
    unit: 'count',
    description: 'Largest |channelAvailable − (onHand − reserved)| over inventory records; null when no record has channelAvailable.',
  },
  'inventory.maxMinutesSinceSync': {
    type: 'number',
    nullable: true,
    unit: 'minutes',
    description: 'Whole minutes since the stalest inventory record was synced; null when no record has syncedAt.',
  },
  'reservations.unreservedLineCount': {
    type: 'number',
    nullable: true,
    unit: 'count',
    description: "SKUs whose 'reserved' reservations cover less than the ordered quantity; null when the snapshot has no reservations list.",
  },
  'reservations.failedCount': {
    type: 'number',
    nullable: true,
    unit: 'count',
    description: "Reservations with status 'failed'; null when the snapshot has no reservations list.",
  },
} as const satisfies Record<string, FactSpec>;

/** Values of the inventory facts. */
export type InventoryFacts = FactsOf<typeof inventoryFactCatalogue>;

/** One SKU's demand on this order: regular and presale lines are judged apart. */
interface Demand {
  readonly sku: string;
  readonly presale: boolean;
  quantity: number;
}

/** What each SKU's lines ask for, merging lines of the same SKU. */
export function demandBySku(snapshot: OrderSnapshot): Demand[] {
  const byKey = new Map<string, Demand>();
  for (const item of snapshot.items) {
    const presale = item.presale === true;
    const key = `${presale ? 'p' : 'r'}:${item.sku}`;
    const demand = byKey.get(key);
    if (demand === undefined) byKey.set(key, { sku: item.sku, presale, quantity: item.quantity });
    else demand.quantity += item.quantity;
  }
  return [...byKey.values()];
}

/** A SKU's availability for this order, or undefined when the snapshot cannot tell. */
export interface Availability {
  readonly sku: string;
  readonly presale: boolean;
  readonly ordered: number;
  /** onHand, or the presale allowance for presale lines. */
  readonly supply: number;
  /** Reservations held for other orders. */
  readonly reservedByOthers: number;
  readonly available: number;
  readonly short: number;
}

/** One inventory record of the snapshot. */
export type InventoryRecord = NonNullable<OrderSnapshot['inventory']>[number];

/**
 * The snapshot's inventory records grouped by SKU, each group in snapshot order: one pass, so
 * looking up an order line's records costs one Map read, not a scan of every record.
 *
 * @example
 * inventoryBySku(order).get('SKU-1') //=> [{ sku: 'SKU-1', onHand: 3, reserved: 1, warehouse: 'SZ' }]
 */
export function inventoryBySku(snapshot: OrderSnapshot): Map<string, InventoryRecord[]> {
  const bySku = new Map<string, InventoryRecord[]>();
  for (const record of snapshot.inventory ?? []) {
    const group = bySku.get(record.sku);
    if (group === undefined) bySku.set(record.sku, [record]);
    else group.push(record);
  }
  return bySku;
}

/**
 * Units held for this order per SKU: the sum of its reservations with status 'reserved'.
 *
 * @example
 * reservedBySku(order).get('SKU-1') //=> 2
 */
export function reservedBySku(snapshot: OrderSnapshot): Map<string, number> {
  const held = new Map<string, number>();
  for (const r of snapshot.reservations ?? []) if (r.status === 'reserved') held.set(r.sku, (held.get(r.sku) ?? 0) + r.quantity);
  return held;
}

/**
 * How much of each ordered SKU is really available to this order. Other orders' reservations
 * are the inventory's `reserved` less this order's own `reserved` reservations for the SKU.
 */
export function computeAvailability(snapshot: OrderSnapshot): Availability[] {
  const inventory = snapshot.inventory;
  if (inventory === undefined || inventory.length === 0) return [];
  const own = reservedBySku(snapshot);
  const records = inventoryBySku(snapshot);
  const result: Availability[] = [];
  for (const demand of demandBySku(snapshot)) {
    const group = records.get(demand.sku);
    if (group === undefined) continue;
    let onHand = 0;
    let reserved = 0;
    let allowance: number | undefined;
    for (const record of group) {
      onHand += record.onHand;
      reserved += record.reserved;
      if (record.presaleAllowance !== undefined) allowance = (allowance ?? 0) + record.presaleAllowance;
    }
    // A presale line without a known allowance cannot be judged: no finding rather than a false one.
    if (demand.presale && allowance === undefined) continue;
    const supply = demand.presale ? (allowance as number) : onHand;
    const reservedByOthers = Math.max(0, reserved - (own.get(demand.sku) ?? 0));
    const available = supply - reservedByOthers;
    result.push({
      sku: demand.sku,
      presale: demand.presale,
      ordered: demand.quantity,
      supply,
      reservedByOthers,
      available,
      short: Math.max(0, demand.quantity - available),
    });
  }
  return result;
}

/** Writes the inventory facts into `facts`. */
export function writeInventoryFacts(facts: Writable<InventoryFacts>, snapshot: OrderSnapshot, now: number): void {
  const availability = computeAvailability(snapshot);
  let oversold = 0;
  let maxShort = 0;
  for (const a of availability) {
    if (a.short > 0) oversold++;
    if (a.short > maxShort) maxShort = a.short;
  }
  let drift: number | null = null;
  let syncedAt = Infinity;
  for (const record of snapshot.inventory ?? []) {
    if (record.channelAvailable !== undefined) {
      const d = Math.abs(record.channelAvailable - (record.onHand - record.reserved));
      if (drift === null || d > drift) drift = d;
    }
    if (record.syncedAt !== undefined) syncedAt = Math.min(syncedAt, parseTimestamp(record.syncedAt));
  }
  const reservations = snapshot.reservations;
  let unreserved: number | null = null;
  let failed: number | null = null;
  if (reservations !== undefined) {
    unreserved = 0;
    failed = 0;
    for (const r of reservations) if (r.status === 'failed') failed++;
    const held = reservedBySku(snapshot);
    for (const demand of demandBySku(snapshot)) if ((held.get(demand.sku) ?? 0) < demand.quantity) unreserved++;
  }
  facts['inventory.oversoldLineCount'] = availability.length === 0 ? null : oversold;
  facts['inventory.maxShortUnits'] = availability.length === 0 ? null : maxShort;
  facts['inventory.maxChannelDrift'] = drift;
  facts['inventory.maxMinutesSinceSync'] = syncedAt === Infinity ? null : minutesBetween(now, syncedAt);
  facts['reservations.unreservedLineCount'] = unreserved;
  facts['reservations.failedCount'] = failed;
}
