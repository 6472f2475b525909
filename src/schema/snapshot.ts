import * as z from 'zod';
import { ESCALATION_ROLES } from '../vocabulary/approval-role.js';
import { ORDER_STATUSES } from '../vocabulary/order-status.js';
import { TRACKING_EVENT_CODES } from '../vocabulary/tracking-event.js';
import { CountrySchema, CurrencySchema, IdSchema, MoneySchema, QuantitySchema, ReferenceSchema, TimestampSchema } from './primitives.js';

// Every object is loose: unknown fields pass through untouched (docs/snapshot.md), so a backend can send
// its own records as they are. Nothing here transforms a value, so parsing never changes data.

/** Where an order is in its life. */
export const OrderStatusSchema = z.enum(ORDER_STATUSES);

/** The order's money, each in minor units. `payable` is what the customer owes. */
export const TotalsSchema = z.looseObject({
  items: MoneySchema.meta({ description: 'Sum of the lines before shipping and discount: an integer in minor units of the order’s `currency` (12999 is 129.99).' }),
  shipping: MoneySchema.meta({ description: 'Shipping charged to the customer: an integer in minor units of the order’s `currency` (12999 is 129.99).' }),
  discount: MoneySchema.meta({ description: 'Discount granted on the order: an integer in minor units of the order’s `currency` (12999 is 129.99).' }),
  tax: MoneySchema.optional().meta({ description: 'Tax included in `payable`: an integer in minor units of the order’s `currency` (12999 is 129.99).' }),
  payable: MoneySchema.meta({ description: 'What the customer owes: an integer in minor units of the order’s `currency` (12999 is 129.99).' }),
});

/** One order line. A `presale` line is sold against a presale allowance, not on-hand stock. */
export const OrderItemSchema = z.looseObject({
  sku: IdSchema.meta({ description: 'The stock-keeping unit of the line.' }),
  name: z.string().optional().meta({ description: 'The product name shown to people.' }),
  quantity: QuantitySchema.meta({ description: 'Units ordered: a non-negative integer.' }),
  unitPrice: MoneySchema.meta({ description: 'Price of one unit: an integer in minor units of the order’s `currency` (12999 is 129.99).' }),
  presale: z.boolean().optional().meta({ description: 'True when the line is sold against a presale allowance, not on-hand stock.' }),
});

/** A payment attempt's state at the gateway. */
export const PaymentStatusSchema = z.enum(['pending', 'succeeded', 'failed', 'refunded']);

/** One payment attempt. `currency` defaults to the order's. */
export const PaymentSchema = z.looseObject({
  id: IdSchema.meta({ description: 'The backend’s id for the payment attempt; one id listed twice is one payment.' }),
  method: IdSchema.meta({ description: 'Payment method, a free string such as `alipay`, `wechat_pay`, `card` or `cod`.' }),
  status: PaymentStatusSchema.meta({ description: 'State at the gateway: `pending`, `succeeded`, `failed` or `refunded`.' }),
  amount: MoneySchema.meta({ description: 'Amount of the attempt: integer in minor units of its `currency`.' }),
  currency: CurrencySchema.optional().meta({ description: 'ISO 4217 code of the payment; defaults to the order’s `currency`.' }),
  gatewayTxnId: ReferenceSchema.optional().meta({ description: 'The gateway’s transaction id.' }),
  createdAt: TimestampSchema.meta({ description: 'When the attempt was made: ISO 8601 with offset.' }),
  paidAt: TimestampSchema.optional().meta({ description: 'When the gateway confirmed the payment: ISO 8601 with offset.' }),
  failureReason: z.string().optional().meta({ description: 'Why the gateway failed the payment, as it said (free string).' }),
});

/** A refund already requested from the gateway. Failed refunds returned no money. */
export const RefundSchema = z.looseObject({
  id: IdSchema.meta({ description: 'The backend’s id for the refund.' }),
  paymentId: IdSchema.optional().meta({ description: 'The payment refunded.' }),
  amount: MoneySchema.meta({ description: 'Amount refunded: an integer in minor units of the order’s `currency` (12999 is 129.99).' }),
  status: z.enum(['pending', 'succeeded', 'failed']).meta({ description: '`pending`, `succeeded` or `failed`; pending and succeeded refunds count against the payment.' }),
  createdAt: TimestampSchema.meta({ description: 'When the refund was requested: ISO 8601 with offset.' }),
});

/** Stock of one SKU as the inventory system sees it. */
export const InventoryRecordSchema = z.looseObject({
  sku: IdSchema.meta({ description: 'The stock-keeping unit.' }),
  warehouse: z.string().optional().meta({ description: 'The warehouse holding the stock.' }),
  onHand: z.int({ error: 'must be a whole number' }).meta({ description: 'Units on hand: an integer, negative when oversold.' }),
  reserved: QuantitySchema.meta({ description: 'Units reserved for orders: a non-negative integer.' }),
  channelAvailable: z.int({ error: 'must be a whole number' }).optional().meta({ description: 'Units the sales channel shows as available: an integer.' }),
  syncedAt: TimestampSchema.optional().meta({ description: 'When the channel stock was last synchronised: ISO 8601 with offset.' }),
  /** Extension: units that may be sold on presale for this SKU; presale lines are judged against it. */
  presaleAllowance: QuantitySchema.optional().meta({ description: 'Extension: units that may be sold on presale; presale lines are judged against it.' }),
});

/** A stock reservation made for this order. */
export const ReservationSchema = z.looseObject({
  sku: IdSchema.meta({ description: 'The stock-keeping unit reserved.' }),
  quantity: QuantitySchema.meta({ description: 'Units reserved: a non-negative integer.' }),
  status: z.enum(['reserved', 'failed', 'released']).meta({ description: '`reserved`, `failed` or `released`.' }),
  at: TimestampSchema.meta({ description: 'When the reservation was made or changed: ISO 8601 with offset.' }),
});

/** A carrier tracking event code; `unknown` stands for a code the library does not know (docs/snapshot.md, "Tolerance"). */
export const TrackingEventCodeSchema = z.enum([...TRACKING_EVENT_CODES, 'unknown']);

/** One tracking event. Events may arrive out of order or twice. */
export const TrackingEventSchema = z.looseObject({
  at: TimestampSchema.meta({ description: 'When the carrier recorded the event: ISO 8601 with offset.' }),
  code: TrackingEventCodeSchema.meta({ description: 'The carrier’s event code.' }),
  description: z.string().optional().meta({ description: 'The carrier’s text for the event.' }),
  location: z.string().optional().meta({ description: 'Where the event happened, as the carrier wrote it.' }),
});

/** A parcel handed (or to be handed) to a carrier. */
export const ShipmentSchema = z.looseObject({
  id: IdSchema.meta({ description: 'The backend’s id for the parcel.' }),
  carrier: IdSchema.meta({ description: 'The carrier, a free string such as `sf` or `ups`.' }),
  trackingNumber: ReferenceSchema.meta({ description: 'The carrier’s tracking number.' }),
  shippedAt: TimestampSchema.optional().meta({ description: 'When the parcel was handed to the carrier: ISO 8601 with offset.' }),
  estimatedDeliveryAt: TimestampSchema.optional().meta({ description: 'When the carrier expects to deliver: ISO 8601 with offset.' }),
  /** When the label was printed (the parcel waits for the carrier's pickup scan): NOT_PICKED_UP counts from it. */
  labelCreatedAt: TimestampSchema.optional().meta({ description: 'When the label was printed; NOT_PICKED_UP counts from it: ISO 8601 with offset.' }),
  events: z.array(TrackingEventSchema).meta({ description: 'The carrier’s tracking events, in any order, duplicates allowed.' }),
});

/** The buyer. */
export const CustomerSchema = z.looseObject({
  id: IdSchema.meta({ description: 'The backend’s id for the buyer.' }),
  accountCreatedAt: TimestampSchema.optional().meta({ description: 'When the buyer’s account was opened: ISO 8601 with offset.' }),
  tier: z.enum(['new', 'regular', 'vip']).optional().meta({ description: '`new`, `regular` or `vip`.' }),
  email: z.string().optional().meta({ description: 'The buyer’s email address.' }),
  phone: z.string().optional().meta({ description: 'The buyer’s phone number, any spelling.' }),
  orderCount: QuantitySchema.optional().meta({ description: 'Orders the buyer placed before: a non-negative integer.' }),
  refundCount: QuantitySchema.optional().meta({ description: 'Refunds the buyer received before: a non-negative integer.' }),
  tags: z.array(z.string()).optional().meta({ description: 'The backend’s free tags for the buyer.' }),
});

/** Where the parcel goes. `country` decides which address parts and phone formats are valid. */
export const AddressSchema = z.looseObject({
  name: z.string().meta({ description: 'The recipient’s name.' }),
  phone: z.string().meta({ description: 'The recipient’s phone number, any spelling; checked against `country`.' }),
  country: CountrySchema.meta({ description: 'ISO 3166-1 alpha-2 code, officially assigned, such as `CN`.' }),
  province: z.string().optional().meta({ description: 'Province or state.' }),
  city: z.string().optional().meta({ description: 'City.' }),
  district: z.string().optional().meta({ description: 'District.' }),
  line1: z.string().meta({ description: 'Street and number.' }),
  line2: z.string().optional().meta({ description: 'Building, floor, room.' }),
  postalCode: z.string().optional().meta({ description: 'Postal code.' }),
});

/** The last synchronisation of this order with another system (ERP, WMS, CRM, ...). */
export const SyncRecordSchema = z.looseObject({
  system: IdSchema.meta({ description: 'The other system, a free string such as `erp` or `wms`.' }),
  status: z.enum(['ok', 'pending', 'failed']).meta({ description: '`ok`, `pending` or `failed`.' }),
  lastAttemptAt: TimestampSchema.meta({ description: 'When the last synchronisation was tried: ISO 8601 with offset.' }),
  lastSuccessAt: TimestampSchema.optional().meta({ description: 'When it last succeeded: ISO 8601 with offset.' }),
  error: z.string().optional().meta({ description: 'The last error, as the system gave it.' }),
  /** Extension: consecutive failed attempts the backend counted for this system. */
  failedAttempts: QuantitySchema.optional().meta({ description: 'Extension: consecutive failed attempts: a non-negative integer.' }),
});

/** The device the order was placed from. */
export const DeviceSchema = z.looseObject({
  ip: z.string().optional().meta({ description: 'The IP address the order came from.' }),
  fingerprint: z.string().optional().meta({ description: 'The device fingerprint.' }),
});

/** A coupon redeemed on the order. */
export const CouponSchema = z.looseObject({
  code: IdSchema.meta({ description: 'The coupon code.' }),
  kind: z.string().optional().meta({ description: 'The kind of coupon, a free string.' }),
  amount: MoneySchema.meta({ description: 'Value redeemed: an integer in minor units of the order’s `currency` (12999 is 129.99).' }),
});

/**
 * An action the backend already carried out (or started). Actions whose `idempotencyKey` is
 * here are not recommended again, and refunds here count against the refundable balance.
 */
export const ActionTakenSchema = z.looseObject({
  kind: IdSchema.meta({ description: 'The action kind, as in the report’s `actions[].kind`.' }),
  idempotencyKey: IdSchema.meta({ description: 'The action’s idempotency key; a recorded key is not recommended again.' }),
  at: TimestampSchema.meta({ description: 'When it was carried out: ISO 8601 with offset.' }),
  amount: MoneySchema.optional().meta({ description: 'Money it moved (a refund, coupon or points): an integer in minor units of the order’s `currency` (12999 is 129.99).' }),
  currency: CurrencySchema.optional().meta({ description: 'ISO 4217 code of `amount`, as `toActionTaken` records it; the order’s `currency` when absent.' }),
  /** `failed`: it was tried and did not happen (a refund the gateway refused, an SMS not delivered): it is retried or replaced. @default 'done' */
  status: z.enum(['done', 'failed']).optional().meta({ description: '`done` (default) or `failed`: tried and did not happen; it is retried or replaced.' }),
  /** Why it failed, as the backend recorded it. */
  error: z.string().optional().meta({ description: 'Why it failed, as the backend recorded it.' }),
});

/** A report from a person: the customer, a service agent, the warehouse or the carrier. */
export const ReportSchema = z.looseObject({
  /** The backend's id for the report. */
  id: IdSchema.optional().meta({ description: 'The backend’s id for the report.' }),
  /** When the problem reported was dealt with: a resolved report no longer raises anything. */
  resolvedAt: TimestampSchema.optional().meta({ description: 'When the problem was dealt with; a resolved report raises nothing: ISO 8601 with offset.' }),
  source: z.enum(['customer', 'customer_service', 'warehouse', 'carrier']).meta({ description: 'Who reported: `customer`, `customer_service`, `warehouse` or `carrier`.' }),
  kind: z
    .enum(['not_received', 'damaged', 'wrong_item', 'missing_item', 'address_change', 'stock_missing', 'payment_problem', 'other', 'unknown'])
    .meta({ description: 'Report kind.' }),
  at: TimestampSchema.meta({ description: 'When it was reported: ISO 8601 with offset.' }),
  text: z.string().optional().meta({ description: 'The report’s text.' }),
});

/**
 * A finding the backend's case record still holds open from an earlier evaluation, and since
 * when. Open findings escalate after the policy's escalation levels; one that is no longer
 * found has been resolved, and a follow-up survey is scheduled.
 */
export const OpenFindingSchema = z.looseObject({
  code: IdSchema.meta({ description: 'The finding code, such as `PAYMENT_FAILED`.' }),
  since: TimestampSchema.meta({ description: 'When it was first found: ISO 8601 with offset.' }),
  /** As the last report's `case.openFindings` gave it (docs/lifecycle.md). */
  state: z.enum(['new', 'acting', 'waiting_customer', 'waiting_approval', 'waiting_carrier', 'waiting_return', 'resolved']).optional().meta({ description: 'Its last state.' }),
  /** What the finding waits on, as the last report gave it. */
  waitingOn: z.string().optional().meta({ description: 'What it waits on, as the last report gave it.' }),
  /** When the last report said to look at it again. */
  nextCheckAt: TimestampSchema.optional().meta({ description: 'When the last report said to look again: ISO 8601 with offset.' }),
  /** When it resolved, for a `resolved` entry. */
  resolvedAt: TimestampSchema.optional().meta({ description: 'When it resolved, for a `resolved` entry: ISO 8601 with offset.' }),
});

/**
 * A decision on the case: the customer's choice among the options a message offered (`about`
 * a finding code), or a person's approval or rejection of an action (`about` its idempotency key).
 */
export const DecisionSchema = z.looseObject({
  at: TimestampSchema.meta({ description: 'When the decision was made: ISO 8601 with offset.' }),
  by: z.enum(['customer', 'agent', ...ESCALATION_ROLES, 'system']).meta({ description: 'Who decided: `customer`, `agent`, `supervisor`, `manager`, `executive` or `system`.' }),
  about: IdSchema.meta({ description: 'A finding code (a customer’s choice) or an action’s idempotency key (an approval).' }),
  choice: z.enum(['refund', 'reship', 'wait', 'cancel', 'keep', 'exchange', 'approve', 'reject']).meta({ description: 'The choice made.' }),
  note: z.string().optional().meta({ description: 'A free note.' }),
});

/** The customer's satisfaction after a case, 1 (worst) to 5. */
export const FeedbackSchema = z.looseObject({
  score: z.int().min(1).max(5).meta({ description: 'Satisfaction from 1 (worst) to 5: an integer.' }),
  at: TimestampSchema.meta({ description: 'When it was given: ISO 8601 with offset.' }),
  text: z.string().optional().meta({ description: 'The customer’s words.' }),
});

/**
 * A return of goods to the shop: requested, on its way back, received, or inspected (with the
 * condition the goods came back in). A refused parcel is refunded once its return is received.
 */
export const ReturnSchema = z.looseObject({
  id: IdSchema.meta({ description: 'The backend’s id for the return.' }),
  shipmentId: IdSchema.optional().meta({ description: 'The shipment coming back.' }),
  status: z.enum(['requested', 'in_transit', 'received', 'inspected']).meta({ description: '`requested`, `in_transit`, `received` or `inspected`.' }),
  at: TimestampSchema.meta({ description: 'When it reached this status: ISO 8601 with offset.' }),
  condition: z.enum(['ok', 'damaged', 'wrong', 'used']).optional().meta({ description: 'The goods’ condition on inspection: `ok`, `damaged`, `wrong` or `used`.' }),
});

/**
 * The order snapshot (docs/snapshot.md): everything order-triage knows about one order. Money is in
 * minor units of `currency`; timestamps carry an offset; unknown fields pass through.
 *
 * @example
 * const result = OrderSnapshotSchema.safeParse(body);
 * if (!result.success) reject(result.error.issues);
 */
export const OrderSnapshotSchema = z.looseObject({
  id: IdSchema.meta({ description: 'Your order id; also the first part of every idempotency key.' }),
  channel: z.string().optional().meta({ description: 'The sales channel, a free string.' }),
  status: OrderStatusSchema.meta({ description: 'Where the order is in its life.' }),
  createdAt: TimestampSchema.meta({ description: 'When the order was placed: ISO 8601 with offset.' }),
  updatedAt: TimestampSchema.optional().meta({ description: 'When the order last changed: ISO 8601 with offset.' }),
  currency: CurrencySchema.meta({ description: 'ISO 4217 code of the order’s money, such as `CNY`; every amount is in its minor units.' }),
  totals: TotalsSchema.meta({ description: 'The order’s money, each an integer in minor units of `currency`.' }),
  promisedShipBy: TimestampSchema.optional().meta({ description: 'When the shop promised to ship: ISO 8601 with offset.' }),
  promisedDeliveryBy: TimestampSchema.optional().meta({ description: 'When the shop promised delivery: ISO 8601 with offset.' }),
  items: z.array(OrderItemSchema).meta({ description: 'The order lines.' }),
  payments: z.array(PaymentSchema).meta({ description: 'Every payment attempt.' }),
  refunds: z.array(RefundSchema).optional().meta({ description: 'Refunds already requested from the gateway.' }),
  inventory: z.array(InventoryRecordSchema).optional().meta({ description: 'Stock of the order’s SKUs as the inventory system sees it.' }),
  reservations: z.array(ReservationSchema).optional().meta({ description: 'Stock reservations made for this order.' }),
  shipments: z.array(ShipmentSchema).optional().meta({ description: 'Parcels handed (or to be handed) to carriers.' }),
  customer: CustomerSchema.meta({ description: 'The buyer.' }),
  shippingAddress: AddressSchema.meta({ description: 'Where the parcel goes.' }),
  remark: z.string().optional().meta({ description: 'The buyer’s remark on the order.' }),
  sync: z.array(SyncRecordSchema).optional().meta({ description: 'The last synchronisation with each other system (ERP, WMS, CRM, ...).' }),
  device: DeviceSchema.optional().meta({ description: 'The device the order was placed from.' }),
  coupons: z.array(CouponSchema).optional().meta({ description: 'Coupons redeemed on the order.' }),
  actionsTaken: z.array(ActionTakenSchema).optional().meta({ description: 'Actions your backend already carried out (docs/lifecycle.md).' }),
  reports: z.array(ReportSchema).optional().meta({ description: 'Reports from people: customer, service agent, warehouse or carrier.' }),
  /** Goods coming back to the shop (refusals, returns), newest status per return. */
  returns: z.array(ReturnSchema).optional().meta({ description: 'Goods coming back to the shop, newest status per return.' }),
  /** The customer's choices and people's approvals on the case (docs/lifecycle.md). */
  decisions: z.array(DecisionSchema).optional().meta({ description: 'The customer’s choices and people’s approvals on the case (docs/lifecycle.md).' }),
  /** The customer's satisfaction after the case, for the review. */
  feedback: FeedbackSchema.optional().meta({ description: 'The customer’s satisfaction after the case.' }),
  /** Extension: findings still open in the backend's case record (the report's `case.openFindings` from the last evaluation, passed back). */
  openFindings: z.array(OpenFindingSchema).optional().meta({ description: 'Extension: findings still open in your case record (the last report’s `case.openFindings`).' }),
});

/** A validated order snapshot (docs/snapshot.md). */
export type OrderSnapshot = z.output<typeof OrderSnapshotSchema>;
/** What a caller may pass as a snapshot before validation. */
export type OrderSnapshotInput = z.input<typeof OrderSnapshotSchema>;
/** An order's status. */
export type OrderStatus = z.output<typeof OrderStatusSchema>;
/** One payment attempt. */
export type Payment = z.output<typeof PaymentSchema>;
/** One refund. */
export type Refund = z.output<typeof RefundSchema>;
/** One order line. */
export type OrderItem = z.output<typeof OrderItemSchema>;
/** One shipment. */
export type Shipment = z.output<typeof ShipmentSchema>;
/** One tracking event. */
export type TrackingEvent = z.output<typeof TrackingEventSchema>;
/** The buyer. */
export type Customer = z.output<typeof CustomerSchema>;
/** A shipping address. */
export type Address = z.output<typeof AddressSchema>;
/** A decision on the case. */
export type Decision = z.output<typeof DecisionSchema>;
/** A return of goods to the shop. */
export type Return = z.output<typeof ReturnSchema>;
/** An action the backend already took. */
export type ActionTaken = z.output<typeof ActionTakenSchema>;
