import { z } from 'zod';
import { normaliseAddress } from '../_lib/normalise-address.js';
import type { ReadonlyFields } from '../_lib/readonly-fields.js';
import { duration } from '../schema/durations.js';
import { phoneKey } from '../facts/phone.js';
import type { OrderSnapshot } from '../schema/snapshot.js';
import { parseTimestamp } from '../_lib/timestamp.js';
import type { BatchCode } from '../vocabulary/batch-code.js';

export { BATCH_CODES, type BatchCode } from '../vocabulary/batch-code.js';

/**
 * Thresholds of the cross-order detectors (part of `options.batch`), with the documented defaults.
 *
 * @example
 * ClusterThresholdsSchema.parse({}).minAccounts //=> 3
 */
export const ClusterThresholdsSchema = z.strictObject({
  windowHours: duration('hours', 1).default(24).meta({ description: 'Hours before now in which orders are compared with each other.' }),
  minAccounts: z.int().min(2).default(3).meta({ description: 'Accounts sharing an address, phone or device that make a cluster.' }),
  minCouponRedemptions: z.int().min(2).default(2).meta({ description: 'New-user coupon redemptions by one address, phone or device that make coupon abuse.' }),
  newUserCouponKinds: z.array(z.string().min(1)).default(() => ['new_user']).meta({ description: 'coupons[].kind values that mean a new-user coupon.' }),
  rapidRepeatOrders: z.int().min(2).default(5).meta({ description: 'Orders by one account within rapidRepeatMinutes that are rapid repeats.' }),
  rapidRepeatMinutes: duration('minutes', 1).default(60).meta({ description: 'Minutes in which rapidRepeatOrders orders by one account are suspicious.' }),
});

/** Thresholds of the cross-order detectors. */
export type ClusterThresholds = ReadonlyFields<z.output<typeof ClusterThresholdsSchema>>;

/** One order as the cross-order detectors see it. */
export interface ClusterEntry {
  readonly orderId: string;
  readonly customerId: string;
  readonly at: number;
  readonly unshipped: boolean;
  readonly newUserCoupon: boolean;
}

/** What a cluster shares. */
export type SharedOn = 'address' | 'phone' | 'device' | 'customer';

/** A group of orders that share something, over the thresholds. */
export interface Cluster {
  readonly code: BatchCode;
  readonly on: SharedOn;
  /** The shared value as the orders wrote it (first seen). */
  readonly value: string;
  /** The normalised key it was grouped by. */
  readonly key: string;
  readonly entries: readonly ClusterEntry[];
}

interface Group {
  readonly on: SharedOn;
  readonly value: string;
  /** Every copy added; only the copy kept per order id counts (see `kept`). */
  readonly entries: ClusterEntry[];
}

/** What `add` did with an order: counted it first, replaced an earlier copy, kept the earlier copy, or left it out (outside the window). */
export type AddOutcome = 'new' | 'replaced' | 'stale' | 'outside';

/** The copy of an order that counts: how recent it is, and its entry (none when it is outside the window). */
interface Kept {
  readonly updated: number;
  readonly entry: ClusterEntry | undefined;
}

/**
 * Collects orders in the window ending at `now` by what they share: the normalised full address
 * (the room included, so neighbours in one office building stay apart), the phone (E.164), the
 * device fingerprint, and the account. Orders outside the window are not kept: memory is bounded
 * by one window's orders, however long the stream. An order delivered more than once (the same
 * id: at-least-once queues) is one order: the copy with the latest `updatedAt` (else `createdAt`)
 * is kept, the later one in the input on ties.
 */
export function createClusterCollector(now: number, thresholds: ClusterThresholds) {
  const from = now - thresholds.windowHours * 3_600_000;
  const groups = new Map<string, Group>();
  const kept = new Map<string, Kept>();
  const coupons = new Set(thresholds.newUserCouponKinds);
  const add = (on: SharedOn, key: string, value: string, entry: ClusterEntry) => {
    if (key === '') return;
    const id = `${on}|${key}`;
    const group = groups.get(id);
    if (group === undefined) groups.set(id, { on, value, entries: [entry] });
    else group.entries.push(entry);
  };
  // A replaced copy stays in its groups' lists (removing it would cost a scan) and is skipped when clusters are read.
  const counts = (entry: ClusterEntry) => kept.get(entry.orderId)?.entry === entry;
  return {
    /** Adds one valid order, or replaces the copy of it already kept; says which. */
    add(order: OrderSnapshot): AddOutcome {
      const at = parseTimestamp(order.createdAt);
      const updated = order.updatedAt === undefined ? at : parseTimestamp(order.updatedAt);
      const previous = kept.get(order.id);
      if (previous !== undefined && previous.updated > updated) return 'stale';
      if (at < from || at > now) {
        // Only ids already kept are remembered out of the window, so memory stays one window's orders.
        if (previous !== undefined) kept.set(order.id, { updated, entry: undefined });
        return previous === undefined ? 'outside' : 'replaced';
      }
      const a = order.shippingAddress;
      const entry: ClusterEntry = {
        orderId: order.id,
        customerId: order.customer.id,
        at,
        unshipped: !['shipped', 'delivered', 'cancelled', 'closed'].includes(order.status) && (order.shipments ?? []).length === 0,
        newUserCoupon: (order.coupons ?? []).some((c) => c.kind !== undefined && coupons.has(c.kind)),
      };
      const full = [a.province, a.city, a.district, a.line1, a.line2].filter(Boolean).join(' ');
      add('address', normaliseAddress(full), full, entry);
      add('phone', phoneKey(a.phone, a.country), a.phone, entry);
      if (order.device?.fingerprint !== undefined) add('device', order.device.fingerprint, order.device.fingerprint, entry);
      add('customer', order.customer.id, order.customer.id, entry);
      kept.set(order.id, { updated, entry });
      return previous === undefined ? 'new' : 'replaced';
    },
    /** The clusters over the thresholds, in a stable order. */
    clusters(): Cluster[] {
      const found: Cluster[] = [];
      for (const [id, group] of [...groups].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))) {
        const key = id.slice(id.indexOf('|') + 1);
        const entries = group.entries.filter(counts).sort((x, y) => x.at - y.at || (x.orderId < y.orderId ? -1 : 1));
        const accounts = new Set(entries.map((e) => e.customerId)).size;
        if (group.on === 'customer') {
          // Rapid repeat orders: enough orders by one account inside the shorter window.
          const span = thresholds.rapidRepeatMinutes * 60_000;
          for (let i = 0, j = 0; j < entries.length; j++) {
            while ((entries[j] as ClusterEntry).at - (entries[i] as ClusterEntry).at > span) i++;
            if (j - i + 1 >= thresholds.rapidRepeatOrders) {
              found.push({ code: 'RAPID_REPEAT_ORDERS', on: 'customer', value: group.value, key, entries: entries.slice(i, j + 1) });
              break;
            }
          }
          continue;
        }
        if (accounts >= thresholds.minAccounts) {
          found.push({ code: group.on === 'address' ? 'SHARED_ADDRESS_CLUSTER' : 'SHARED_CONTACT_CLUSTER', on: group.on, value: group.value, key, entries });
        }
        const redeemed = entries.filter((e) => e.newUserCoupon);
        if (redeemed.length >= thresholds.minCouponRedemptions) {
          found.push({ code: 'COUPON_ABUSE', on: group.on, value: group.value, key, entries: redeemed });
        }
      }
      return found;
    },
  };
}
