import type { EvaluateContext } from '../schema/context.js';
import type { OrderSnapshotInput } from '../schema/snapshot.js';
import { buildOrder, buildPayment, buildRefund } from './build-order.js';
import { buildInventory, buildReport, buildReservation, buildShipment, buildSync, trackingEvent } from './build-records.js';
import { minutesAfter } from './time.js';

/** An order, the moment to evaluate it at, and anything else the context needs. */
export interface Scenario {
  readonly order: OrderSnapshotInput;
  readonly now: string;
  /** Blacklist or calendar, when the scenario needs one. */
  readonly context?: Omit<EvaluateContext, 'now'>;
}

const DAY = 24 * 60;
const shipped = (shipment = buildShipment()) => buildOrder({ status: 'shipped', shipments: [shipment] });

/**
 * Ready-made orders for each payment exception, and the moment at which each shows it. Use
 * them to test your own rules and thresholds against the same cases order-triage tests with.
 *
 * @example
 * const { order, now } = paymentScenarios.duplicatePayment();
 * triage.evaluate(order, { now }) // DUPLICATE_PAYMENT, one refund of ¥209.00 to pay_2
 */
export const paymentScenarios = {
  /** A clean, fully paid order. */
  clean: (): Scenario => ({ order: buildOrder(), now: minutesAfter(60) }),
  /** The customer's card was declined for its limit; nothing has succeeded. */
  paymentFailed: (): Scenario => ({
    order: buildOrder({
      status: 'pending_payment',
      payments: [buildPayment({ method: 'unionpay', status: 'failed', failureReason: 'limit_exceeded', createdAt: minutesAfter(2) })],
    }),
    now: minutesAfter(5),
  }),
  /** Awaiting payment for 45 minutes with no attempt at all. */
  unpaid: (): Scenario => ({ order: buildOrder({ status: 'pending_payment', payments: [] }), now: minutesAfter(45) }),
  /** The customer paid twice by double-clicking: two succeeded ¥209.00 payments. */
  duplicatePayment: (): Scenario => ({
    order: buildOrder({
      payments: [buildPayment({ id: 'pay_1', createdAt: minutesAfter(1) }), buildPayment({ id: 'pay_2', method: 'wechat_pay', createdAt: minutesAfter(2) })],
    }),
    now: minutesAfter(30),
  }),
  /** One payment of ¥219.00 for a ¥209.00 order. */
  overpaid: (): Scenario => ({ order: buildOrder({ payments: [buildPayment({ amount: 21_900 })] }), now: minutesAfter(30) }),
  /** One payment of ¥189.00 for a ¥209.00 order, not yet shipped. */
  underpaid: (): Scenario => ({ order: buildOrder({ payments: [buildPayment({ amount: 18_900 })] }), now: minutesAfter(30) }),
  /** Paid 20 minutes ago, yet the order still awaits payment: the callback was lost. */
  paidNotUpdated: (): Scenario => ({
    order: buildOrder({ status: 'pending_payment', payments: [buildPayment({ createdAt: minutesAfter(1) })] }),
    now: minutesAfter(21),
  }),
  /** Cancelled 10 minutes after it was paid ¥209.00 by Alipay, and nothing refunded an hour later. */
  capturedNotRefunded: (): Scenario => ({ order: buildOrder({ status: 'cancelled', updatedAt: minutesAfter(10) }), now: minutesAfter(75) }),
  /** Cancelled and refunded ¥209.00 to Alipay at once, but the gateway reports the refund failed. */
  refundFailed: (): Scenario => ({
    order: buildOrder({
      status: 'cancelled',
      updatedAt: minutesAfter(10),
      actionsTaken: [{ kind: 'refund', idempotencyKey: 'ORD-1001/refund/pay_1/20900', at: minutesAfter(15), amount: 20_900 }],
      refunds: [buildRefund({ id: 'ref_1', paymentId: 'pay_1', amount: 20_900, status: 'failed', createdAt: minutesAfter(20) })],
    }),
    now: minutesAfter(40),
  }),
  /** Awaiting payment; the customer writes "我已经付款了" but no payment succeeded on record. */
  paymentClaimed: (): Scenario => ({
    order: buildOrder({
      status: 'pending_payment',
      payments: [buildPayment({ status: 'pending', createdAt: minutesAfter(2) })],
      reports: [buildReport({ source: 'customer', kind: 'payment_problem', at: minutesAfter(20), text: '我已经付款了,怎么还显示待付款?' })],
    }),
    now: minutesAfter(25),
  }),
  /** A cash-on-delivery order, shipped and unpaid, as it should be. */
  cashOnDelivery: (): Scenario => ({
    order: buildOrder({
      status: 'processing',
      payments: [buildPayment({ method: 'cod', status: 'pending', createdAt: minutesAfter(0) })],
    }),
    now: minutesAfter(DAY),
  }),
} as const;

/** Orders for each inventory exception. */
export const inventoryScenarios = {
  /** 3 ordered, 10 on hand, 9 of them reserved by other orders. */
  oversold: (): Scenario => ({
    order: buildOrder({
      items: [{ sku: 'SKU-TEE-M', name: '纯棉T恤 M', quantity: 3, unitPrice: 19_900 }],
      inventory: [buildInventory({ onHand: 10, reserved: 9, channelAvailable: 1, syncedAt: minutesAfter(25) })],
    }),
    now: minutesAfter(30),
  }),
  /** Paid 15 minutes ago; the reservation failed. */
  reservationFailed: (): Scenario => ({
    order: buildOrder({ reservations: [buildReservation({ status: 'failed' })] }),
    now: minutesAfter(16),
  }),
  /** The channel shows 45 available; the warehouse has 30 − 5. */
  stockSyncLag: (): Scenario => ({
    order: buildOrder({ inventory: [buildInventory({ onHand: 30, reserved: 5, channelAvailable: 45, syncedAt: minutesAfter(10) })] }),
    now: minutesAfter(20),
  }),
} as const;

/** Orders for each logistics exception. */
export const logisticsScenarios = {
  /** Paid, promised to ship within 48 hours, still in the warehouse after 50. */
  notShippedOnTime: (): Scenario => ({ order: buildOrder(), now: minutesAfter(50 * 60) }),
  /** In transit, last scanned 4 days ago, due in 7. */
  trackingStalled: (): Scenario => ({
    order: shipped(buildShipment({ estimatedDeliveryAt: minutesAfter(7 * DAY) })),
    now: minutesAfter(300 + 4 * DAY),
  }),
  /** Estimated for day 3, still in transit on day 4 with a scan yesterday. */
  deliveryDelayed: (): Scenario => ({
    order: shipped(buildShipment({ events: [trackingEvent('picked_up', 120), trackingEvent('in_transit', 3 * DAY)] })),
    now: minutesAfter(4 * DAY),
  }),
  /** The carrier reported the parcel lost; the warehouse has stock to send it again. */
  packageLost: (): Scenario => ({
    order: buildOrder({
      status: 'shipped',
      shipments: [buildShipment({ events: [trackingEvent('picked_up', 120), trackingEvent('lost', DAY)] })],
      inventory: [buildInventory({ syncedAt: minutesAfter(DAY + 50) })],
    }),
    now: minutesAfter(DAY + 60),
  }),
  /** The carrier recorded damage in transit. */
  packageDamaged: (): Scenario => ({
    order: shipped(buildShipment({ events: [trackingEvent('picked_up', 120), trackingEvent('damaged', DAY)] })),
    now: minutesAfter(DAY + 60),
  }),
  /** The customer refused the parcel at the door. */
  deliveryRefused: (): Scenario => ({
    order: shipped(buildShipment({ events: [trackingEvent('picked_up', 120), trackingEvent('out_for_delivery', 2 * DAY), trackingEvent('refused', 2 * DAY + 60)] })),
    now: minutesAfter(2 * DAY + 120),
  }),
  /** The label was printed 30 hours ago and the courier has not scanned the parcel in. */
  notPickedUp: (): Scenario => ({
    order: buildOrder({
      status: 'processing',
      promisedShipBy: minutesAfter(3 * DAY),
      shipments: [buildShipment({ shippedAt: undefined, labelCreatedAt: minutesAfter(120), events: [trackingEvent('info_received', 125)] })],
    }),
    now: minutesAfter(120 + 30 * 60),
  }),
  /** The carrier flagged the parcel as a problem parcel (问题件): the recipient's phone does not answer. */
  carrierException: (): Scenario => ({
    order: shipped(
      buildShipment({
        events: [trackingEvent('picked_up', 120), { at: minutesAfter(DAY), code: 'exception', description: '问题件:收件人电话无人接听', location: '深圳南山网点' }],
      }),
    ),
    now: minutesAfter(DAY + 60),
  }),
  /** The parcel has waited at a Cainiao station for 30 hours, not collected. */
  awaitingPickup: (): Scenario => ({
    order: shipped(
      buildShipment({
        estimatedDeliveryAt: minutesAfter(5 * DAY),
        events: [trackingEvent('picked_up', 120), trackingEvent('available_for_pickup', 2 * DAY, '菜鸟驿站(科技园店)')],
      }),
    ),
    now: minutesAfter(2 * DAY + 30 * 60),
  }),
  /** The courier found nobody home yesterday, and the parcel has not been delivered since. */
  deliveryAttemptFailed: (): Scenario => ({
    order: shipped(
      buildShipment({
        estimatedDeliveryAt: minutesAfter(5 * DAY),
        events: [trackingEvent('picked_up', 120), trackingEvent('out_for_delivery', 2 * DAY), trackingEvent('delivery_attempt_failed', 2 * DAY + 120, '深圳南山网点')],
      }),
    ),
    now: minutesAfter(3 * DAY + 600),
  }),
  /** Delivered per tracking, but the customer says it never came. */
  deliveredNotReceived: (): Scenario => ({
    order: buildOrder({
      status: 'delivered',
      shipments: [buildShipment({ events: [trackingEvent('picked_up', 120), trackingEvent('delivered', 2 * DAY)] })],
      reports: [buildReport({ at: minutesAfter(3 * DAY) })],
    }),
    now: minutesAfter(3 * DAY + 60),
  }),
  /** Delivered, and the warehouse confirms it packed the T-shirt in another colour than the one ordered. */
  wrongItem: (): Scenario => ({
    order: buildOrder({
      status: 'delivered',
      shipments: [buildShipment({ events: [trackingEvent('picked_up', 120), trackingEvent('delivered', 2 * DAY)] })],
      reports: [buildReport({ source: 'warehouse', kind: 'wrong_item', at: minutesAfter(3 * DAY), text: '发错颜色了 SKU-TEE-M' })],
    }),
    now: minutesAfter(3 * DAY + 60),
  }),
  /** Delivered one mug short of two lines; the warehouse confirms the mug was left out and has stock. */
  missingItem: (): Scenario => ({
    order: buildOrder({
      status: 'delivered',
      items: [
        { sku: 'SKU-TEE-M', name: '纯棉T恤 M', quantity: 1, unitPrice: 19_900 },
        { sku: 'SKU-MUG', name: '陶瓷马克杯', quantity: 1, unitPrice: 4_900 },
      ],
      shipments: [buildShipment({ events: [trackingEvent('picked_up', 120), trackingEvent('delivered', 2 * DAY)] })],
      inventory: [buildInventory({ sku: 'SKU-MUG', onHand: 20, reserved: 0, syncedAt: minutesAfter(3 * DAY + 50) })],
      reports: [buildReport({ source: 'warehouse', kind: 'missing_item', at: minutesAfter(3 * DAY), text: '少了一件 SKU-MUG' })],
    }),
    now: minutesAfter(3 * DAY + 60),
  }),
} as const;

/** Orders for each customer-information exception. */
export const customerScenarios = {
  /** No province, no city: the courier cannot route it. */
  addressInvalid: (): Scenario => ({
    order: buildOrder({
      shippingAddress: { name: '李四', phone: '13900139000', country: 'CN', line1: '人民路88号3栋1201室' },
    }),
    now: minutesAfter(30),
  }),
  /** A ten-digit "mobile" number for a Chinese address. */
  phoneInvalid: (): Scenario => ({
    order: buildOrder({
      shippingAddress: { ...buildOrder().shippingAddress, phone: '1380013800' },
    }),
    now: minutesAfter(30),
  }),
  /** The customer wants an invoice and a weekend delivery. */
  remarkNeedsAttention: (): Scenario => ({ order: buildOrder({ remark: '麻烦开发票,抬头是公司名。周末送货,谢谢!' }), now: minutesAfter(30) }),
} as const;

/** Orders for each system exception. */
export const systemScenarios = {
  /** Order creation failed after the customer paid. */
  orderCreateFailed: (): Scenario => ({ order: buildOrder({ status: 'failed' }), now: minutesAfter(10) }),
  /** The WMS rejected the order three times in a row. */
  syncFailed: (): Scenario => ({
    order: buildOrder({
      sync: [buildSync(), buildSync({ system: 'wms', status: 'failed', lastAttemptAt: minutesAfter(5), error: 'WMS 503', failedAttempts: 3 })],
    }),
    now: minutesAfter(10),
  }),
} as const;

/** Orders for each per-order fraud exception. */
export const fraudScenarios = {
  /** The shipping phone is on the blacklist (written differently), before payment. */
  blacklisted: (): Scenario => ({
    order: buildOrder({ status: 'pending_payment', payments: [] }),
    now: minutesAfter(5),
    context: { blacklist: { phones: ['+86 138-0013-8000'] } },
  }),
  /** An account two hours old ordering 12 units. */
  suspiciousNewAccount: (): Scenario => ({
    order: buildOrder({
      items: [{ sku: 'SKU-PHONE-CASE', quantity: 12, unitPrice: 2_900 }],
      customer: { id: 'CUST-NEW', accountCreatedAt: minutesAfter(-120), tier: 'new' },
    }),
    now: minutesAfter(30),
  }),
  /** 30 units of one SKU, above the default limit of 20. */
  abnormalQuantity: (): Scenario => ({
    order: buildOrder({ items: [{ sku: 'SKU-MASK', quantity: 30, unitPrice: 500 }] }),
    now: minutesAfter(30),
  }),
} as const;

/**
 * Every scenario of every category, as makers: for property tests and generators that want
 * "any scenario".
 *
 * @example
 * fc.constantFrom(...allScenarios)
 */
export const allScenarios: readonly (() => Scenario)[] = [paymentScenarios, inventoryScenarios, logisticsScenarios, customerScenarios, systemScenarios, fraudScenarios].flatMap(
  (group) => Object.values(group) as (() => Scenario)[],
);
