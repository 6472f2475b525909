import type { OrderSnapshot, Payment } from '../schema/snapshot.js';
import { addMinorUnits } from './add-minor-units.js';
import { distinctPayments } from './distinct-payments.js';

/** What has already gone back to the customer, attributed to the payments it came from. */
export interface RefundedByPayment {
  /**
   * Per succeeded payment: refunds that are pending or succeeded, in full, even beyond what the
   * payment captured (the excess is money gone back all the same).
   */
  readonly byPayment: ReadonlyMap<string, number>;
  /**
   * Refunds that name no payment, or one that is not a succeeded or refunded payment of this
   * order, plus what the refunds of a payment marked `refunded` return beyond its amount. We
   * cannot tell which payment they drew on, so money planning assumes each payment might have.
   */
  readonly unattributed: number;
}

const NOTHING_REFUNDED: RefundedByPayment = { byPayment: new Map(), unattributed: 0 };

/**
 * Sums the refunds that count against what was captured: pending and succeeded ones (a pending
 * refund is money already promised back); failed refunds returned nothing. Each payment id
 * counts once (`payments`: the order's payments as {@link distinctPayments} reads them).
 *
 * @example
 * summariseRefunds(order).byPayment.get('pay_1') //=> 5000
 */
export function summariseRefunds(snapshot: OrderSnapshot, payments: readonly Payment[] = distinctPayments(snapshot).payments): RefundedByPayment {
  const refunds = snapshot.refunds;
  if (refunds === undefined || refunds.length === 0) return NOTHING_REFUNDED;
  const byId = new Map<string, Payment>();
  for (const payment of payments) byId.set(payment.id, payment);
  const byPayment = new Map<string, number>();
  const settled = new Map<string, number>();
  let unattributed = 0;
  for (const refund of refunds) {
    if (refund.status === 'failed') continue;
    const payment = refund.paymentId === undefined ? undefined : byId.get(refund.paymentId);
    const sums = payment?.status === 'succeeded' ? byPayment : payment?.status === 'refunded' ? settled : undefined;
    if (payment === undefined || sums === undefined) unattributed = addMinorUnits(unattributed, refund.amount);
    else sums.set(payment.id, addMinorUnits(sums.get(payment.id) ?? 0, refund.amount));
  }
  // A refund against a payment already marked `refunded` is that payment's own refund: it is
  // settled, and counting it again would understate every other payment's balance. Only what
  // goes back beyond the payment's amount came from somewhere else (unless it is in another
  // currency: then neither amount is in the order's).
  for (const [id, sum] of settled) {
    const payment = byId.get(id) as Payment;
    if ((payment.currency ?? snapshot.currency) === snapshot.currency) unattributed = addMinorUnits(unattributed, Math.max(0, sum - payment.amount));
  }
  return { byPayment, unattributed };
}
