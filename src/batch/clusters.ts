import { normaliseAddress } from '../_lib/normalise-address.js';
import { isSharedDropOff } from '../_lib/shared-drop-off.js';
import { parseTimestamp } from '../_lib/timestamp.js';
import { phoneKey } from '../facts/phone.js';
import type { Allowlist } from '../schema/context.js';
import type { OrderSnapshot } from '../schema/snapshot.js';
import type { BatchDetector, BatchThresholds, ClusterEntry, DetectedCluster, SharedOn } from './batch-detector.js';
import { type BatchCode, batchDetectors } from './detectors/index.js';

export { type ClusterEntry, type ClusterThresholds, ClusterThresholdsSchema, type SharedOn } from './batch-detector.js';
export { BATCH_CODES, type BatchCode } from './detectors/index.js';

/** A group of orders that share something, over one batch detector's thresholds. */
export interface Cluster extends DetectedCluster {
  readonly code: BatchCode;
  /** The detector that found it. */
  readonly detector: BatchDetector;
}

interface Group {
  readonly on: SharedOn;
  readonly value: string;
  readonly sharedDropOff: boolean;
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
 * is kept, the later one in the input on ties. An address or phone on the `allowlist` (its whole
 * address or street part, after normalisation; any spelling of the number) forms no group. Each group is read by the batch detectors whose
 * `groupBy` names what it shares (src/batch/detectors/), in registry order.
 */
export function createClusterCollector(now: number, thresholds: BatchThresholds, detectors: readonly BatchDetector[] = batchDetectors, allowlist?: Allowlist) {
  const from = now - thresholds.windowHours * 3_600_000;
  const allowed = prepareAllowlist(allowlist);
  const groups = new Map<string, Group>();
  const kept = new Map<string, Kept>();
  const coupons = new Set(thresholds.newUserCouponKinds);
  const add = (on: SharedOn, key: string, value: string, entry: ClusterEntry) => {
    if (key === '') return;
    const id = `${on}|${key}`;
    const group = groups.get(id);
    if (group === undefined) groups.set(id, { on, value, sharedDropOff: on === 'address' && isSharedDropOff(value), entries: [entry] });
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
        currency: order.currency,
        batchKeysTaken: batchKeysTaken(order),
      };
      const full = [a.province, a.city, a.district, a.line1, a.line2].filter(Boolean).join(' ');
      const address = normaliseAddress(full);
      if (!allowed.addresses.has(address) && !allowed.addresses.has(normaliseAddress(`${a.line1}${a.line2 ?? ''}`))) add('address', address, full, entry);
      const phone = phoneKey(a.phone, a.country);
      if (!allowed.phone(phone, a.country)) add('phone', phone, a.phone, entry);
      if (order.device?.fingerprint !== undefined) add('device', order.device.fingerprint, order.device.fingerprint, entry);
      add('customer', order.customer.id, order.customer.id, entry);
      kept.set(order.id, { updated, entry });
      return previous === undefined ? 'new' : 'replaced';
    },
    /** The clusters over the thresholds, in a stable order: by group, then by detector. */
    clusters(): Cluster[] {
      const found: Cluster[] = [];
      for (const [id, group] of [...groups].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))) {
        const key = id.slice(id.indexOf('|') + 1);
        const entries = group.entries.filter(counts).sort((x, y) => x.at - y.at || (x.orderId < y.orderId ? -1 : 1));
        for (const detector of detectors) {
          if (!detector.groupBy.includes(group.on)) continue;
          const involved = detector.detect(entries, thresholds);
          if (involved === undefined) continue;
          const accounts = [...new Set(involved.map((e) => e.customerId))].sort();
          found.push({ code: detector.code as BatchCode, detector, on: group.on, value: group.value, key, sharedDropOff: group.sharedDropOff, entries: involved, accounts });
        }
      }
      return found;
    },
  };
}

/** The allowlist prepared once per batch: addresses normalised, phones keyed per country on first use. */
function prepareAllowlist(allowlist: Allowlist | undefined): { readonly addresses: ReadonlySet<string>; readonly phone: (key: string, country: string) => boolean } {
  const addresses = new Set((allowlist?.addresses ?? []).map(normaliseAddress).filter((a) => a !== ''));
  const phones = allowlist?.phones ?? [];
  const byCountry = new Map<string, ReadonlySet<string>>();
  return {
    addresses,
    phone: (key, country) => {
      if (phones.length === 0) return false;
      let keys = byCountry.get(country);
      if (keys === undefined) byCountry.set(country, (keys = new Set(phones.map((p) => phoneKey(p, country)))));
      return keys.has(key);
    },
  };
}

const NONE: readonly string[] = [];

/** The batch actions already done on an order: the `batch/…` keys of its `actionsTaken` (usually none). */
function batchKeysTaken(order: OrderSnapshot): readonly string[] {
  const keys = (order.actionsTaken ?? []).map((a) => a.idempotencyKey).filter((k) => k.startsWith('batch/'));
  return keys.length === 0 ? NONE : keys;
}
