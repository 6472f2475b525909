import { z } from 'zod';
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
  items: MoneySchema,
  shipping: MoneySchema,
  discount: MoneySchema,
  tax: MoneySchema.optional(),
  payable: MoneySchema,
});

/** One order line. A `presale` line is sold against a presale allowance, not on-hand stock. */
export const OrderItemSchema = z.looseObject({
  sku: IdSchema,
  name: z.string().optional(),
  quantity: QuantitySchema,
  unitPrice: MoneySchema,
  presale: z.boolean().optional(),
});

/** A payment attempt's state at the gateway. */
export const PaymentStatusSchema = z.enum(['pending', 'succeeded', 'failed', 'refunded']);

/** One payment attempt. `currency` defaults to the order's. */
export const PaymentSchema = z.looseObject({
  id: IdSchema,
  method: IdSchema,
  status: PaymentStatusSchema,
  amount: MoneySchema,
  currency: CurrencySchema.optional(),
  gatewayTxnId: ReferenceSchema.optional(),
  createdAt: TimestampSchema,
  paidAt: TimestampSchema.optional(),
  failureReason: z.string().optional(),
});

/** A refund already requested from the gateway. Failed refunds returned no money. */
export const RefundSchema = z.looseObject({
  id: IdSchema,
  paymentId: IdSchema.optional(),
  amount: MoneySchema,
  status: z.enum(['pending', 'succeeded', 'failed']),
  createdAt: TimestampSchema,
});

/** Stock of one SKU as the inventory system sees it. */
export const InventoryRecordSchema = z.looseObject({
  sku: IdSchema,
  warehouse: z.string().optional(),
  onHand: z.int({ error: 'must be a whole number' }),
  reserved: QuantitySchema,
  channelAvailable: z.int({ error: 'must be a whole number' }).optional(),
  syncedAt: TimestampSchema.optional(),
  /** Extension: units that may be sold on presale for this SKU; presale lines are judged against it. */
  presaleAllowance: QuantitySchema.optional(),
});

/** A stock reservation made for this order. */
export const ReservationSchema = z.looseObject({
  sku: IdSchema,
  quantity: QuantitySchema,
  status: z.enum(['reserved', 'failed', 'released']),
  at: TimestampSchema,
});

/** A carrier tracking event code; `unknown` stands for a code the library does not know (docs/snapshot.md, "Tolerance"). */
export const TrackingEventCodeSchema = z.enum([...TRACKING_EVENT_CODES, 'unknown']);

/** One tracking event. Events may arrive out of order or twice. */
export const TrackingEventSchema = z.looseObject({
  at: TimestampSchema,
  code: TrackingEventCodeSchema,
  description: z.string().optional(),
  location: z.string().optional(),
});

/** A parcel handed (or to be handed) to a carrier. */
export const ShipmentSchema = z.looseObject({
  id: IdSchema,
  carrier: IdSchema,
  trackingNumber: ReferenceSchema,
  shippedAt: TimestampSchema.optional(),
  estimatedDeliveryAt: TimestampSchema.optional(),
  /** When the label was printed (the parcel waits for the carrier's pickup scan): NOT_PICKED_UP counts from it. */
  labelCreatedAt: TimestampSchema.optional(),
  events: z.array(TrackingEventSchema),
});

/** The buyer. */
export const CustomerSchema = z.looseObject({
  id: IdSchema,
  accountCreatedAt: TimestampSchema.optional(),
  tier: z.enum(['new', 'regular', 'vip']).optional(),
  email: z.string().optional(),
  phone: z.string().optional(),
  orderCount: QuantitySchema.optional(),
  refundCount: QuantitySchema.optional(),
  tags: z.array(z.string()).optional(),
});

/** Where the parcel goes. `country` decides which address parts and phone formats are valid. */
export const AddressSchema = z.looseObject({
  name: z.string(),
  phone: z.string(),
  country: CountrySchema,
  province: z.string().optional(),
  city: z.string().optional(),
  district: z.string().optional(),
  line1: z.string(),
  line2: z.string().optional(),
  postalCode: z.string().optional(),
});

/** The last synchronisation of this order with another system (ERP, WMS, CRM, ...). */
export const SyncRecordSchema = z.looseObject({
  system: IdSchema,
  status: z.enum(['ok', 'pending', 'failed']),
  lastAttemptAt: TimestampSchema,
  lastSuccessAt: TimestampSchema.optional(),
  error: z.string().optional(),
  /** Extension: consecutive failed attempts the backend counted for this system. */
  failedAttempts: QuantitySchema.optional(),
});

/** The device the order was placed from. */
export const DeviceSchema = z.looseObject({
  ip: z.string().optional(),
  fingerprint: z.string().optional(),
});

/** A coupon redeemed on the order. */
export const CouponSchema = z.looseObject({
  code: IdSchema,
  kind: z.string().optional(),
  amount: MoneySchema,
});

/**
 * An action the backend already carried out (or started). Actions whose `idempotencyKey` is
 * here are not recommended again, and refunds here count against the refundable balance.
 */
export const ActionTakenSchema = z.looseObject({
  kind: IdSchema,
  idempotencyKey: IdSchema,
  at: TimestampSchema,
  amount: MoneySchema.optional(),
  /** `failed`: it was tried and did not happen (a refund the gateway refused, an SMS not delivered): it is retried or replaced. @default 'done' */
  status: z.enum(['done', 'failed']).optional(),
  /** Why it failed, as the backend recorded it. */
  error: z.string().optional(),
});

/** A report from a person: the customer, a service agent, the warehouse or the carrier. */
export const ReportSchema = z.looseObject({
  /** The backend's id for the report. */
  id: IdSchema.optional(),
  /** When the problem reported was dealt with: a resolved report no longer raises anything. */
  resolvedAt: TimestampSchema.optional(),
  source: z.enum(['customer', 'customer_service', 'warehouse', 'carrier']),
  kind: z.enum(['not_received', 'damaged', 'wrong_item', 'missing_item', 'address_change', 'stock_missing', 'payment_problem', 'other', 'unknown']),
  at: TimestampSchema,
  text: z.string().optional(),
});

/**
 * A finding the backend's case record still holds open from an earlier evaluation, and since
 * when. Open findings escalate after the policy's escalation levels; one that is no longer
 * found has been resolved, and a follow-up survey is scheduled.
 */
export const OpenFindingSchema = z.looseObject({
  code: IdSchema,
  since: TimestampSchema,
  /** As the last report's `case.openFindings` gave it (docs/lifecycle.md). */
  state: z.enum(['new', 'acting', 'waiting_customer', 'waiting_approval', 'waiting_carrier', 'waiting_return', 'resolved']).optional(),
  /** What the finding waits on, as the last report gave it. */
  waitingOn: z.string().optional(),
  /** When the last report said to look at it again. */
  nextCheckAt: TimestampSchema.optional(),
  /** When it resolved, for a `resolved` entry. */
  resolvedAt: TimestampSchema.optional(),
});

/**
 * A decision on the case: the customer's choice among the options a message offered (`about`
 * a finding code), or a person's approval or rejection of an action (`about` its idempotency key).
 */
export const DecisionSchema = z.looseObject({
  at: TimestampSchema,
  by: z.enum(['customer', 'agent', ...ESCALATION_ROLES, 'system']),
  about: IdSchema,
  choice: z.enum(['refund', 'reship', 'wait', 'cancel', 'keep', 'exchange', 'approve', 'reject']),
  note: z.string().optional(),
});

/** The customer's satisfaction after a case, 1 (worst) to 5. */
export const FeedbackSchema = z.looseObject({
  score: z.int().min(1).max(5),
  at: TimestampSchema,
  text: z.string().optional(),
});

/**
 * A return of goods to the shop: requested, on its way back, received, or inspected (with the
 * condition the goods came back in). A refused parcel is refunded once its return is received.
 */
export const ReturnSchema = z.looseObject({
  id: IdSchema,
  shipmentId: IdSchema.optional(),
  status: z.enum(['requested', 'in_transit', 'received', 'inspected']),
  at: TimestampSchema,
  condition: z.enum(['ok', 'damaged', 'wrong', 'used']).optional(),
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
  id: IdSchema,
  channel: z.string().optional(),
  status: OrderStatusSchema,
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema.optional(),
  currency: CurrencySchema,
  totals: TotalsSchema,
  promisedShipBy: TimestampSchema.optional(),
  promisedDeliveryBy: TimestampSchema.optional(),
  items: z.array(OrderItemSchema),
  payments: z.array(PaymentSchema),
  refunds: z.array(RefundSchema).optional(),
  inventory: z.array(InventoryRecordSchema).optional(),
  reservations: z.array(ReservationSchema).optional(),
  shipments: z.array(ShipmentSchema).optional(),
  customer: CustomerSchema,
  shippingAddress: AddressSchema,
  remark: z.string().optional(),
  sync: z.array(SyncRecordSchema).optional(),
  device: DeviceSchema.optional(),
  coupons: z.array(CouponSchema).optional(),
  actionsTaken: z.array(ActionTakenSchema).optional(),
  reports: z.array(ReportSchema).optional(),
  /** Goods coming back to the shop (refusals, returns), newest status per return. */
  returns: z.array(ReturnSchema).optional(),
  /** The customer's choices and people's approvals on the case (docs/lifecycle.md). */
  decisions: z.array(DecisionSchema).optional(),
  /** The customer's satisfaction after the case, for the review. */
  feedback: FeedbackSchema.optional(),
  /** Extension: findings still open in the backend's case record (the report's `case.openFindings` from the last evaluation, passed back). */
  openFindings: z.array(OpenFindingSchema).optional(),
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
