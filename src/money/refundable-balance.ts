import { doneActions } from '../schema/recorded-actions.js';
import type { OrderSnapshot, Payment } from '../schema/snapshot.js';
import { addMinorUnits } from './add-minor-units.js';
import { distinctPayments } from './distinct-payments.js';
import { gatewayFailedRefunds, readRecordedRefund } from './refund-key.js';
import { summariseRefunds } from './refunded-by-payment.js';

/** How much of one payment can still go back to the customer. */
export interface PaymentBalance {
  readonly payment: Payment;
  /** What the gateway captured. */
  readonly captured: number;
  /** Pending and succeeded refunds naming this payment, in full (even beyond `captured`). */
  readonly refunded: number;
  /** Refunds in `actionsTaken` attributed to this payment (by their idempotency key). */
  readonly actioned: number;
  /**
   * captured − refunded − actioned − every refund or refund action we cannot attribute (it
   * might have drawn on this payment) − what went back beyond any other payment's capture, never
   * below 0. A refund above this is never recommended.
   */
  readonly refundable: number;
}

/** The refundable balance of every succeeded payment in the order's currency. */
export interface RefundableBalances {
  readonly payments: readonly PaymentBalance[];
  /** Refund actions already taken, in total (attributed or not). */
  readonly actionedTotal: number;
  /**
   * True when the ledger is unclear: `actionsTaken` holds a refund of unknown amount (no
   * `amount` and no key of ours with a plain decimal amount, or an `amount` its key of ours
   * contradicts), or one payment id is recorded
   * twice with different status, amount, currency or method. Nothing can be refunded safely
   * until a person reconciles it.
   */
  readonly blocked: boolean;
}

interface ActionsTaken {
  readonly byPayment: ReadonlyMap<string, number>;
  readonly unattributed: number;
  readonly total: number;
  /** A refund action whose amount we cannot know: neither its own nor a well-formed key of ours. */
  readonly unknown: boolean;
}

/** Sums the refund actions already taken, attributed to `ids` by keys of ours. */
function summariseActions(snapshot: OrderSnapshot, ids: ReadonlySet<string>): ActionsTaken {
  const byPayment = new Map<string, number>();
  let unattributed = 0;
  let total = 0;
  let unknown = false;
  // A refund recorded failed moved no money (docs/lifecycle.md): it is retried, not counted.
  const bounced = gatewayFailedRefunds(snapshot);
  for (const action of doneActions(snapshot)) {
    if (bounced.has(action.idempotencyKey)) continue;
    const recorded = readRecordedRefund(action, snapshot.id);
    if (recorded === undefined) continue;
    const { amount, paymentId } = recorded;
    if (amount === undefined) {
      unknown = true;
      continue;
    }
    total = addMinorUnits(total, amount);
    if (paymentId !== undefined && ids.has(paymentId)) byPayment.set(paymentId, addMinorUnits(byPayment.get(paymentId) ?? 0, amount));
    else unattributed = addMinorUnits(unattributed, amount);
  }
  return { byPayment, unattributed, total, unknown };
}

/**
 * Computes what each payment can still refund, counting refunds already made (`refunds`) and
 * refund actions already taken (`actionsTaken`): the ceiling every refund action respects.
 * Conservative by design: money we cannot attribute, and whatever went back beyond what a
 * payment captured, is assumed to have come from every other payment. Each payment id counts
 * once (see {@link distinctPayments}).
 *
 * @example
 * computeRefundableBalances(order).payments.map((b) => [b.payment.id, b.refundable])
 * //=> [['pay_1', 10000], ['pay_2', 4000]]
 */
export function computeRefundableBalances(snapshot: OrderSnapshot): RefundableBalances {
  const distinct = distinctPayments(snapshot);
  const succeeded = distinct.payments.filter((p) => p.status === 'succeeded' && (p.currency === undefined || p.currency === snapshot.currency));
  const actions = summariseActions(snapshot, new Set(succeeded.map((p) => p.id)));
  const refunds = summariseRefunds(snapshot, distinct.payments);
  const blocked = distinct.conflicting || actions.unknown;
  const own = succeeded.map((payment) => ({
    payment,
    refunded: refunds.byPayment.get(payment.id) ?? 0,
    actioned: actions.byPayment.get(payment.id) ?? 0,
  }));
  let shared = addMinorUnits(refunds.unattributed, actions.unattributed);
  for (const { payment, refunded, actioned } of own) shared = addMinorUnits(shared, Math.max(0, addMinorUnits(refunded, actioned) - payment.amount));
  const payments = own.map(({ payment, refunded, actioned }): PaymentBalance => {
    const left = payment.amount - addMinorUnits(refunded, actioned);
    const refundable = blocked || left <= 0 ? 0 : Math.max(0, left - shared);
    return { payment, captured: payment.amount, refunded, actioned, refundable };
  });
  return { payments, actionedTotal: actions.total, blocked };
}
