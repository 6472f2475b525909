import { parseIdempotencyKey } from '../playbooks/idempotency-key.js';
import type { OrderSnapshot, Payment } from '../schema/snapshot.js';
import { summariseRefunds } from './refunded-by-payment.js';

/** How much of one payment can still go back to the customer. */
export interface PaymentBalance {
  readonly payment: Payment;
  /** What the gateway captured. */
  readonly captured: number;
  /** Pending and succeeded refunds naming this payment. */
  readonly refunded: number;
  /** Refunds in `actionsTaken` attributed to this payment (by their idempotency key). */
  readonly actioned: number;
  /**
   * captured − refunded − actioned − every refund or refund action we cannot attribute (it
   * might have drawn on this payment), never below 0. A refund above this is never recommended.
   */
  readonly refundable: number;
}

/** The refundable balance of every succeeded payment in the order's currency. */
export interface RefundableBalances {
  readonly payments: readonly PaymentBalance[];
  /** Refund actions already taken, in total (attributed or not). */
  readonly actionedTotal: number;
  /**
   * True when `actionsTaken` holds a refund of unknown amount that is not one of ours: nothing
   * can be refunded safely until a person reconciles it.
   */
  readonly blocked: boolean;
}

/**
 * Computes what each payment can still refund, counting refunds already made (`refunds`) and
 * refund actions already taken (`actionsTaken`): the ceiling every refund action respects.
 * Conservative by design: money we cannot attribute is assumed to have come from every payment.
 *
 * @example
 * computeRefundableBalances(order).payments.map((b) => [b.payment.id, b.refundable])
 * //=> [['pay_1', 10000], ['pay_2', 4000]]
 */
export function computeRefundableBalances(snapshot: OrderSnapshot): RefundableBalances {
  const succeeded = snapshot.payments.filter(
    (p) => p.status === 'succeeded' && (p.currency === undefined || p.currency === snapshot.currency),
  );
  const ids = new Set(succeeded.map((p) => p.id));
  const actionedByPayment = new Map<string, number>();
  let unattributedActions = 0;
  let actionedTotal = 0;
  let blocked = false;
  for (const action of snapshot.actionsTaken ?? []) {
    if (action.kind !== 'refund') continue;
    const parts = parseIdempotencyKey(action.idempotencyKey);
    const ours = parts !== undefined && parts.length === 4 && parts[0] === snapshot.id && parts[1] === 'refund';
    const keyAmount = ours ? Number(parts[3]) : Number.NaN;
    const amount = action.amount ?? (Number.isSafeInteger(keyAmount) ? keyAmount : undefined);
    if (amount === undefined) {
      blocked = true;
      continue;
    }
    actionedTotal += amount;
    const paymentId = ours ? parts[2] : undefined;
    if (paymentId !== undefined && ids.has(paymentId)) {
      actionedByPayment.set(paymentId, (actionedByPayment.get(paymentId) ?? 0) + amount);
    } else unattributedActions += amount;
  }
  const refunds = summariseRefunds(snapshot);
  const shared = refunds.unattributed + unattributedActions;
  const payments = succeeded.map((payment): PaymentBalance => {
    const refunded = refunds.byPayment.get(payment.id) ?? 0;
    const actioned = actionedByPayment.get(payment.id) ?? 0;
    const refundable = blocked ? 0 : Math.max(0, payment.amount - refunded - actioned - shared);
    return { payment, captured: payment.amount, refunded, actioned, refundable };
  });
  return { payments, actionedTotal, blocked };
}
