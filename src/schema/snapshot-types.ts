// The snapshot's input types written out by hand, one documented field at a time, so that editors show
// each field's description (the same text as the schema's `.meta`, docs/snapshot.md). Kept equal to
// `OrderSnapshotSchema` by test/snapshot-types.test.ts, so they cannot drift from what `evaluate` validates.
import type { EscalationRole } from '../vocabulary/approval-role.js';
import type { OrderStatus } from '../vocabulary/order-status.js';
import type { TrackingEventCode } from '../vocabulary/tracking-event.js';

/**
 * How values may be spelt in a snapshot type: `timestamp` and `id` are the types a timestamp and an id
 * may have, `absent` what may stand for an optional field left out, and `unknownCode` what an unknown
 * tracking event code or report kind may be.
 */
export type SnapshotFlavour = { timestamp: unknown; id: unknown; absent: unknown; unknownCode: unknown };

/**
 * The documented spelling only: ISO 8601 strings with offset, string ids, no `null`, known codes
 * (and `'unknown'`, the value an unknown code or kind is read as; docs/snapshot.md, "Tolerance").
 */
export type ExactInput = { timestamp: string; id: string; absent: never; unknownCode: 'unknown' };

/** As databases hold it (docs/snapshot.md): `Date` or ISO 8601 strings, string or safe-integer ids, `null` for absent, unknown codes. */
export type StoredInput = { timestamp: string | Date; id: string | number; absent: null; unknownCode: string & {} };

/** The order’s money, each an integer in minor units of the order’s `currency`. */
export type SnapshotTotals<F extends SnapshotFlavour = ExactInput> = {
  /** Sum of the lines before shipping and discount: an integer in minor units of the order’s `currency` (12999 is 129.99). */
  items: number;
  /** Shipping charged to the customer: an integer in minor units of the order’s `currency` (12999 is 129.99). */
  shipping: number;
  /** Discount granted on the order: an integer in minor units of the order’s `currency` (12999 is 129.99). */
  discount: number;
  /** Tax included in `payable`: an integer in minor units of the order’s `currency` (12999 is 129.99). */
  tax?: number | F['absent'] | undefined;
  /** What the customer owes: an integer in minor units of the order’s `currency` (12999 is 129.99). */
  payable: number;
};

/** One order line. */
export type SnapshotOrderItem<F extends SnapshotFlavour = ExactInput> = {
  /** The stock-keeping unit of the line. */
  sku: F['id'];
  /** The product name shown to people. */
  name?: string | F['absent'] | undefined;
  /** Units ordered: a non-negative integer. */
  quantity: number;
  /** Price of one unit: an integer in minor units of the order’s `currency` (12999 is 129.99). */
  unitPrice: number;
  /** True when the line is sold against a presale allowance, not on-hand stock. */
  presale?: boolean | F['absent'] | undefined;
};

/** One payment attempt. */
export type SnapshotPayment<F extends SnapshotFlavour = ExactInput> = {
  /** The backend’s id for the payment attempt; one id listed twice is one payment. */
  id: F['id'];
  /** Payment method, a free string such as `alipay`, `wechat_pay`, `card` or `cod`. */
  method: F['id'];
  /** State at the gateway: `pending`, `succeeded`, `failed` or `refunded`. */
  status: 'pending' | 'succeeded' | 'failed' | 'refunded';
  /** Amount of the attempt: integer in minor units of its `currency`. */
  amount: number;
  /** ISO 4217 code of the payment; defaults to the order’s `currency`. */
  currency?: string | F['absent'] | undefined;
  /** The gateway’s transaction id. */
  gatewayTxnId?: string | F['absent'] | undefined;
  /** When the attempt was made: ISO 8601 with offset. */
  createdAt: F['timestamp'];
  /** When the gateway confirmed the payment: ISO 8601 with offset. */
  paidAt?: F['timestamp'] | F['absent'] | undefined;
  /** Why the gateway failed the payment, as it said (free string). */
  failureReason?: string | F['absent'] | undefined;
};

/** A refund already requested from the gateway. */
export type SnapshotRefund<F extends SnapshotFlavour = ExactInput> = {
  /** The backend’s id for the refund. */
  id: F['id'];
  /** The payment refunded. */
  paymentId?: F['id'] | F['absent'] | undefined;
  /** Amount refunded: an integer in minor units of the order’s `currency` (12999 is 129.99). */
  amount: number;
  /** `pending`, `succeeded` or `failed`; pending and succeeded refunds count against the payment. */
  status: 'pending' | 'succeeded' | 'failed';
  /** When the refund was requested: ISO 8601 with offset. */
  createdAt: F['timestamp'];
};

/** Stock of one SKU as the inventory system sees it. */
export type SnapshotInventoryRecord<F extends SnapshotFlavour = ExactInput> = {
  /** The stock-keeping unit. */
  sku: F['id'];
  /** The warehouse holding the stock. */
  warehouse?: string | F['absent'] | undefined;
  /** Units on hand: an integer, negative when oversold. */
  onHand: number;
  /** Units reserved for orders: a non-negative integer. */
  reserved: number;
  /** Units the sales channel shows as available: an integer. */
  channelAvailable?: number | F['absent'] | undefined;
  /** When the channel stock was last synchronised: ISO 8601 with offset. */
  syncedAt?: F['timestamp'] | F['absent'] | undefined;
  /** Extension: units that may be sold on presale; presale lines are judged against it. */
  presaleAllowance?: number | F['absent'] | undefined;
};

/** A stock reservation made for the order. */
export type SnapshotReservation<F extends SnapshotFlavour = ExactInput> = {
  /** The stock-keeping unit reserved. */
  sku: F['id'];
  /** Units reserved: a non-negative integer. */
  quantity: number;
  /** `reserved`, `failed` or `released`. */
  status: 'reserved' | 'failed' | 'released';
  /** When the reservation was made or changed: ISO 8601 with offset. */
  at: F['timestamp'];
};

/** One carrier tracking event. */
export type SnapshotTrackingEvent<F extends SnapshotFlavour = ExactInput> = {
  /** When the carrier recorded the event: ISO 8601 with offset. */
  at: F['timestamp'];
  /** The carrier’s event code. */
  code: TrackingEventCode | F['unknownCode'];
  /** The carrier’s text for the event. */
  description?: string | F['absent'] | undefined;
  /** Where the event happened, as the carrier wrote it. */
  location?: string | F['absent'] | undefined;
};

/** A parcel handed (or to be handed) to a carrier. */
export type SnapshotShipment<F extends SnapshotFlavour = ExactInput> = {
  /** The backend’s id for the parcel. */
  id: F['id'];
  /** The carrier, a free string such as `sf` or `ups`. */
  carrier: F['id'];
  /** The carrier’s tracking number. */
  trackingNumber: string;
  /** When the parcel was handed to the carrier: ISO 8601 with offset. */
  shippedAt?: F['timestamp'] | F['absent'] | undefined;
  /** When the carrier expects to deliver: ISO 8601 with offset. */
  estimatedDeliveryAt?: F['timestamp'] | F['absent'] | undefined;
  /** When the label was printed; NOT_PICKED_UP counts from it: ISO 8601 with offset. */
  labelCreatedAt?: F['timestamp'] | F['absent'] | undefined;
  /** The carrier’s tracking events, in any order, duplicates allowed. */
  events: SnapshotTrackingEvent<F>[];
};

/** The buyer. */
export type SnapshotCustomer<F extends SnapshotFlavour = ExactInput> = {
  /** The backend’s id for the buyer. */
  id: F['id'];
  /** When the buyer’s account was opened: ISO 8601 with offset. */
  accountCreatedAt?: F['timestamp'] | F['absent'] | undefined;
  /** `new`, `regular` or `vip`. */
  tier?: 'new' | 'regular' | 'vip' | F['absent'] | undefined;
  /** The buyer’s email address. */
  email?: string | F['absent'] | undefined;
  /** The buyer’s phone number, any spelling. */
  phone?: string | F['absent'] | undefined;
  /** Orders the buyer placed before: a non-negative integer. */
  orderCount?: number | F['absent'] | undefined;
  /** Refunds the buyer received before: a non-negative integer. */
  refundCount?: number | F['absent'] | undefined;
  /** The backend’s free tags for the buyer. */
  tags?: string[] | F['absent'] | undefined;
};

/** Where the parcel goes. */
export type SnapshotAddress<F extends SnapshotFlavour = ExactInput> = {
  /** The recipient’s name. */
  name: string;
  /** The recipient’s phone number, any spelling; checked against `country`. */
  phone: string;
  /** ISO 3166-1 alpha-2 code, officially assigned, such as `CN`. */
  country: string;
  /** Province or state. */
  province?: string | F['absent'] | undefined;
  /** City. */
  city?: string | F['absent'] | undefined;
  /** District. */
  district?: string | F['absent'] | undefined;
  /** Street and number. */
  line1: string;
  /** Building, floor, room. */
  line2?: string | F['absent'] | undefined;
  /** Postal code. */
  postalCode?: string | F['absent'] | undefined;
};

/** The last synchronisation with another system. */
export type SnapshotSyncRecord<F extends SnapshotFlavour = ExactInput> = {
  /** The other system, a free string such as `erp` or `wms`. */
  system: F['id'];
  /** `ok`, `pending` or `failed`. */
  status: 'ok' | 'pending' | 'failed';
  /** When the last synchronisation was tried: ISO 8601 with offset. */
  lastAttemptAt: F['timestamp'];
  /** When it last succeeded: ISO 8601 with offset. */
  lastSuccessAt?: F['timestamp'] | F['absent'] | undefined;
  /** The last error, as the system gave it. */
  error?: string | F['absent'] | undefined;
  /** Extension: consecutive failed attempts: a non-negative integer. */
  failedAttempts?: number | F['absent'] | undefined;
};

/** The device the order was placed from. */
export type SnapshotDevice<F extends SnapshotFlavour = ExactInput> = {
  /** The IP address the order came from. */
  ip?: string | F['absent'] | undefined;
  /** The device fingerprint. */
  fingerprint?: string | F['absent'] | undefined;
};

/** A coupon redeemed on the order. */
export type SnapshotCoupon<F extends SnapshotFlavour = ExactInput> = {
  /** The coupon code. */
  code: F['id'];
  /** The kind of coupon, a free string. */
  kind?: string | F['absent'] | undefined;
  /** Value redeemed: an integer in minor units of the order’s `currency` (12999 is 129.99). */
  amount: number;
};

/** An action the backend already carried out. */
export type SnapshotActionTaken<F extends SnapshotFlavour = ExactInput> = {
  /** The action kind, as in the report’s `actions[].kind`. */
  kind: F['id'];
  /** The action’s idempotency key; a recorded key is not recommended again. */
  idempotencyKey: F['id'];
  /** When it was carried out: ISO 8601 with offset. */
  at: F['timestamp'];
  /** Money it moved (a refund, coupon or points): an integer in minor units of the order’s `currency` (12999 is 129.99). */
  amount?: number | F['absent'] | undefined;
  /** ISO 4217 code of `amount`, as `toActionTaken` records it; the order’s `currency` when absent. */
  currency?: string | F['absent'] | undefined;
  /** `done` (default) or `failed`: tried and did not happen; it is retried or replaced. */
  status?: 'done' | 'failed' | F['absent'] | undefined;
  /** Why it failed, as the backend recorded it. */
  error?: string | F['absent'] | undefined;
};

/** A report from a person. */
export type SnapshotReport<F extends SnapshotFlavour = ExactInput> = {
  /** The backend’s id for the report. */
  id?: F['id'] | F['absent'] | undefined;
  /** When the problem was dealt with; a resolved report raises nothing: ISO 8601 with offset. */
  resolvedAt?: F['timestamp'] | F['absent'] | undefined;
  /** Who reported: `customer`, `customer_service`, `warehouse` or `carrier`. */
  source: 'customer' | 'customer_service' | 'warehouse' | 'carrier';
  /** Report kind. */
  kind: 'not_received' | 'damaged' | 'wrong_item' | 'missing_item' | 'address_change' | 'stock_missing' | 'payment_problem' | 'other' | F['unknownCode'];
  /** When it was reported: ISO 8601 with offset. */
  at: F['timestamp'];
  /** The report’s text. */
  text?: string | F['absent'] | undefined;
};

/** A finding still open in the backend’s case record. */
export type SnapshotOpenFinding<F extends SnapshotFlavour = ExactInput> = {
  /** The finding code, such as `PAYMENT_FAILED`. */
  code: F['id'];
  /** When it was first found: ISO 8601 with offset. */
  since: F['timestamp'];
  /** Its last state. */
  state?: 'new' | 'acting' | 'waiting_customer' | 'waiting_approval' | 'waiting_carrier' | 'waiting_return' | 'resolved' | F['absent'] | undefined;
  /** What it waits on, as the last report gave it. */
  waitingOn?: string | F['absent'] | undefined;
  /** When the last report said to look again: ISO 8601 with offset. */
  nextCheckAt?: F['timestamp'] | F['absent'] | undefined;
  /** When it resolved, for a `resolved` entry: ISO 8601 with offset. */
  resolvedAt?: F['timestamp'] | F['absent'] | undefined;
};

/** A customer’s choice or a person’s approval on the case. */
export type SnapshotDecision<F extends SnapshotFlavour = ExactInput> = {
  /** When the decision was made: ISO 8601 with offset. */
  at: F['timestamp'];
  /** Who decided: `customer`, `agent`, `supervisor`, `manager`, `executive` or `system`. */
  by: 'customer' | 'agent' | EscalationRole | 'system';
  /** A finding code (a customer’s choice) or an action’s idempotency key (an approval). */
  about: F['id'];
  /** The choice made. */
  choice: 'refund' | 'reship' | 'wait' | 'cancel' | 'keep' | 'exchange' | 'approve' | 'reject';
  /** A free note. */
  note?: string | F['absent'] | undefined;
};

/** The customer’s satisfaction after the case. */
export type SnapshotFeedback<F extends SnapshotFlavour = ExactInput> = {
  /** Satisfaction from 1 (worst) to 5: an integer. */
  score: number;
  /** When it was given: ISO 8601 with offset. */
  at: F['timestamp'];
  /** The customer’s words. */
  text?: string | F['absent'] | undefined;
};

/** A return of goods to the shop. */
export type SnapshotReturn<F extends SnapshotFlavour = ExactInput> = {
  /** The backend’s id for the return. */
  id: F['id'];
  /** The shipment coming back. */
  shipmentId?: F['id'] | F['absent'] | undefined;
  /** `requested`, `in_transit`, `received` or `inspected`. */
  status: 'requested' | 'in_transit' | 'received' | 'inspected';
  /** When it reached this status: ISO 8601 with offset. */
  at: F['timestamp'];
  /** The goods’ condition on inspection: `ok`, `damaged`, `wrong` or `used`. */
  condition?: 'ok' | 'damaged' | 'wrong' | 'used' | F['absent'] | undefined;
};

/** The order snapshot (docs/snapshot.md), as {@link OrderSnapshotStrict} and {@link StoredOrderSnapshot} spell it. */
export type SnapshotOrder<F extends SnapshotFlavour = ExactInput> = {
  /** Your order id; also the first part of every idempotency key. */
  id: F['id'];
  /** The sales channel, a free string. */
  channel?: string | F['absent'] | undefined;
  /** Where the order is in its life. */
  status: OrderStatus;
  /** When the order was placed: ISO 8601 with offset. */
  createdAt: F['timestamp'];
  /** When the order last changed: ISO 8601 with offset. */
  updatedAt?: F['timestamp'] | F['absent'] | undefined;
  /** ISO 4217 code of the order’s money, such as `CNY`; every amount is in its minor units. */
  currency: string;
  /** The order’s money, each an integer in minor units of `currency`. */
  totals: SnapshotTotals<F>;
  /** When the shop promised to ship: ISO 8601 with offset. */
  promisedShipBy?: F['timestamp'] | F['absent'] | undefined;
  /** When the shop promised delivery: ISO 8601 with offset. */
  promisedDeliveryBy?: F['timestamp'] | F['absent'] | undefined;
  /** The order lines. */
  items: SnapshotOrderItem<F>[];
  /** Every payment attempt. */
  payments: SnapshotPayment<F>[];
  /** Refunds already requested from the gateway. */
  refunds?: SnapshotRefund<F>[] | F['absent'] | undefined;
  /** Stock of the order’s SKUs as the inventory system sees it. */
  inventory?: SnapshotInventoryRecord<F>[] | F['absent'] | undefined;
  /** Stock reservations made for this order. */
  reservations?: SnapshotReservation<F>[] | F['absent'] | undefined;
  /** Parcels handed (or to be handed) to carriers. */
  shipments?: SnapshotShipment<F>[] | F['absent'] | undefined;
  /** The buyer. */
  customer: SnapshotCustomer<F>;
  /** Where the parcel goes. */
  shippingAddress: SnapshotAddress<F>;
  /** The buyer’s remark on the order. */
  remark?: string | F['absent'] | undefined;
  /** The last synchronisation with each other system (ERP, WMS, CRM, ...). */
  sync?: SnapshotSyncRecord<F>[] | F['absent'] | undefined;
  /** The device the order was placed from. */
  device?: SnapshotDevice<F> | F['absent'] | undefined;
  /** Coupons redeemed on the order. */
  coupons?: SnapshotCoupon<F>[] | F['absent'] | undefined;
  /** Actions your backend already carried out (docs/lifecycle.md). */
  actionsTaken?: SnapshotActionTaken<F>[] | F['absent'] | undefined;
  /** Reports from people: customer, service agent, warehouse or carrier. */
  reports?: SnapshotReport<F>[] | F['absent'] | undefined;
  /** Goods coming back to the shop, newest status per return. */
  returns?: SnapshotReturn<F>[] | F['absent'] | undefined;
  /** The customer’s choices and people’s approvals on the case (docs/lifecycle.md). */
  decisions?: SnapshotDecision<F>[] | F['absent'] | undefined;
  /** The customer’s satisfaction after the case. */
  feedback?: SnapshotFeedback<F> | F['absent'] | undefined;
  /** Extension: findings still open in your case record (the last report’s `case.openFindings`). */
  openFindings?: SnapshotOpenFinding<F>[] | F['absent'] | undefined;
};
/** Adds the index signature for unknown fields to a snapshot type and each of its records. */
type WithUnknownFields<T> = T extends Date | string | number | boolean | null | undefined
  ? T
  : T extends readonly (infer E)[]
    ? WithUnknownFields<E>[]
    : T extends object
      ? { [K in keyof T]: WithUnknownFields<T[K]> } & { [key: string]: unknown }
      : T;

/**
 * An order snapshot as the documentation spells it, and nothing else: a field the snapshot does not
 * have (`promisedShipby`, `promised_ship_by`) is a compile error in an object literal of this type.
 * Annotate the snapshots your code builds with it; data read from storage is {@link StoredOrderSnapshot}.
 *
 * @example
 * const order = { id: 'o-1', status: 'paid', ... } satisfies OrderSnapshotStrict;
 * triage.evaluate(order, { now });
 */
export type OrderSnapshotStrict = SnapshotOrder<ExactInput>;

/**
 * An order snapshot as a database or another system holds it (docs/snapshot.md): unknown fields,
 * `null` for an absent optional field, `Date` timestamps, numeric ids, unknown event codes and report kinds.
 *
 * @example
 * const order: StoredOrderSnapshot = await db.orders.findOne({ id });
 */
export type StoredOrderSnapshot = WithUnknownFields<SnapshotOrder<StoredInput>>;
