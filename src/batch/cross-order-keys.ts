import { normaliseAddress } from '../_lib/normalise-address.js';
import { parseTimestamp } from '../_lib/timestamp.js';
import { phoneKey } from '../facts/phone.js';
import type { Allowlist } from '../schema/context.js';
import type { OrderSnapshot } from '../schema/snapshot.js';
import type { SharedOn } from './batch-detector.js';

/**
 * One key an order contributes to cross-order detection: a plain JSON row, one per thing the
 * order can share with others (its normalised address, its phone, its device, its account).
 * Store them in a table, group them by `key` anywhere (SQL `GROUP BY`, a stream keyed by `key`,
 * shards) and hand each group to `triage.detectCrossOrder` (docs/scaling.md).
 */
export interface CrossOrderKey {
  /** What the order shares on this key. */
  readonly kind: SharedOn;
  /** The normalised value, namespaced by kind (`address:…`, `phone:+86…`, `device:…`, `customer:…`): keys of different kinds never collide. */
  readonly key: string;
  /** The value as the order wrote it (the first order of a group, in order of creation, names the finding's value). */
  readonly value: string;
  readonly orderId: string;
  /** The account (`customer.id`). */
  readonly accountId: string;
  /** `createdAt`, as an ISO 8601 UTC timestamp. */
  readonly at: string;
  /** `updatedAt` (else `createdAt`), as an ISO 8601 UTC timestamp: of two copies of one order, the later one counts. */
  readonly updatedAt: string;
  /** The order's currency (a batch action's staff note and approval are in it). */
  readonly currency: string;
  /** Not shipped, delivered, cancelled or closed, and no shipment yet (COUPON_ABUSE cancels those). */
  readonly unshipped: boolean;
  /** The `kind`s of the order's coupons, sorted, each once (COUPON_ABUSE counts new-user ones). */
  readonly couponKinds: readonly string[];
  /** The `batch/…` idempotency keys of the order's `actionsTaken`: the cross-order actions already done. */
  readonly batchKeysTaken: readonly string[];
}

/** The allowlist prepared once: addresses normalised, phones keyed per country on first use. */
export interface PreparedAllowlist {
  readonly addresses: ReadonlySet<string>;
  readonly phone: (key: string, country: string) => boolean;
}

/**
 * Prepares `context.allowlist` once for many orders: addresses normalised, phones keyed per
 * country on first use.
 *
 * @example
 * prepareAllowlist({ addresses: ['人民路1号菜鸟驿站'] }).addresses.size //=> 1
 */
export function prepareAllowlist(allowlist: Allowlist | undefined): PreparedAllowlist {
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

/** The sorted, distinct coupon kinds of an order. */
function couponKinds(order: OrderSnapshot): readonly string[] {
  const kinds = new Set<string>();
  for (const coupon of order.coupons ?? []) if (coupon.kind !== undefined) kinds.add(coupon.kind);
  return kinds.size === 0 ? NONE : [...kinds].sort();
}

/**
 * The cross-order keys of one valid order: the normalised full address (the room included, so
 * neighbours in one office building stay apart), the phone (E.164), the device fingerprint and
 * the account, each a row. An address or phone on the allowlist (its whole address or street
 * part, after normalisation; any spelling of the number) gives no row; nor does an empty key.
 *
 * @example
 * orderKeys(order, prepareAllowlist(undefined)).map((k) => k.kind) //=> ['address', 'phone', 'device', 'customer']
 */
export function orderKeys(order: OrderSnapshot, allowed: PreparedAllowlist): CrossOrderKey[] {
  const at = new Date(parseTimestamp(order.createdAt)).toISOString();
  const base = {
    orderId: order.id,
    accountId: order.customer.id,
    at,
    updatedAt: order.updatedAt === undefined ? at : new Date(parseTimestamp(order.updatedAt)).toISOString(),
    currency: order.currency,
    unshipped: !['shipped', 'delivered', 'cancelled', 'closed'].includes(order.status) && (order.shipments ?? []).length === 0,
    couponKinds: couponKinds(order),
    batchKeysTaken: batchKeysTaken(order),
  };
  const rows: CrossOrderKey[] = [];
  const add = (kind: SharedOn, key: string, value: string) => {
    if (key !== '') rows.push({ kind, key: `${kind}:${key}`, value, ...base });
  };
  const a = order.shippingAddress;
  const full = [a.province, a.city, a.district, a.line1, a.line2].filter(Boolean).join(' ');
  const address = normaliseAddress(full);
  if (!allowed.addresses.has(address) && !allowed.addresses.has(normaliseAddress(`${a.line1}${a.line2 ?? ''}`))) add('address', address, full);
  const phone = phoneKey(a.phone, a.country);
  if (!allowed.phone(phone, a.country)) add('phone', phone, a.phone);
  if (order.device?.fingerprint !== undefined) add('device', order.device.fingerprint, order.device.fingerprint);
  add('customer', order.customer.id, order.customer.id);
  return rows;
}
