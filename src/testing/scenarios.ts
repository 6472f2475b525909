import type { OrderSnapshotInput } from '../schema/snapshot.js';
import { buildOrder, buildPayment } from './build-order.js';
import { minutesAfter } from './time.js';

/** An order and the moment to evaluate it at. */
export interface Scenario {
  readonly order: OrderSnapshotInput;
  readonly now: string;
}

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
      payments: [
        buildPayment({ id: 'pay_1', createdAt: minutesAfter(1) }),
        buildPayment({ id: 'pay_2', method: 'wechat_pay', createdAt: minutesAfter(2) }),
      ],
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
  /** A cash-on-delivery order, shipped and unpaid, as it should be. */
  cashOnDelivery: (): Scenario => ({
    order: buildOrder({
      status: 'processing',
      payments: [buildPayment({ method: 'cod', status: 'pending', createdAt: minutesAfter(0) })],
    }),
    now: minutesAfter(24 * 60),
  }),
} as const;
