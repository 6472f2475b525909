import type { OrderSnapshot } from '../schema/snapshot.js';

/** What has already gone back to the customer, attributed to the payments it came from. */
export interface RefundedByPayment {
  /** Per succeeded payment: refunds that are pending or succeeded, at most the payment's amount. */
  readonly byPayment: ReadonlyMap<string, number>;
  /**
   * Refunds that name no payment, or one that is not a succeeded payment of this order. We
   * cannot tell which payment they drew on, so money planning assumes each payment might have.
   */
  readonly unattributed: number;
}

const NOTHING_REFUNDED: RefundedByPayment = { byPayment: new Map(), unattributed: 0 };

/**
 * Sums the refunds that count against what was captured: pending and succeeded ones (a pending
 * refund is money already promised back); failed refunds returned nothing.
 *
 * @example
 * summariseRefunds(order).byPayment.get('pay_1') //=> 5000
 */
export function summariseRefunds(snapshot: OrderSnapshot): RefundedByPayment {
  const refunds = snapshot.refunds;
  if (refunds === undefined || refunds.length === 0) return NOTHING_REFUNDED;
  const amounts = new Map<string, number>();
  for (const payment of snapshot.payments) if (payment.status === 'succeeded') amounts.set(payment.id, payment.amount);
  const byPayment = new Map<string, number>();
  let unattributed = 0;
  for (const refund of refunds) {
    if (refund.status === 'failed') continue;
    const captured = refund.paymentId === undefined ? undefined : amounts.get(refund.paymentId);
    if (refund.paymentId === undefined || captured === undefined) {
      // A refund against a payment already marked `refunded` is that payment's own refund: it is
      // settled, and counting it again would understate every other payment's balance.
      const settled = snapshot.payments.some((p) => p.id === refund.paymentId && p.status === 'refunded');
      if (!settled) unattributed += refund.amount;
      continue;
    }
    const sum = (byPayment.get(refund.paymentId) ?? 0) + refund.amount;
    byPayment.set(refund.paymentId, Math.min(sum, captured));
  }
  return { byPayment, unattributed };
}
