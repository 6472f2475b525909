import type { OrderSnapshot, Payment } from '../schema/snapshot.js';

/** The order's payments with each payment counted once. */
export interface DistinctPayments {
  /**
   * One record per payment, in list order: when a payment is listed more than once (by `id`, or
   * by method and `gatewayTxnId`), the last record wins (the backend appended it last), at the
   * place it is listed.
   */
  readonly payments: readonly Payment[];
  /**
   * True when two records of one payment disagree on status, amount, currency or method: the
   * ledger is unclear, and money planning leaves it to a person.
   */
  readonly conflicting: boolean;
}

function sameMoney(a: Payment, b: Payment, currency: string): boolean {
  return a.status === b.status && a.amount === b.amount && a.method === b.method && (a.currency ?? currency) === (b.currency ?? currency);
}

/** Keeps the last record of each key (records without a key all stay), noting records that disagree. */
function keepLast(all: readonly Payment[], keyOf: (payment: Payment) => string | undefined, currency: string): DistinctPayments {
  // By index, not by record: the same object may be listed twice.
  const last = new Map<string, number>();
  let keyed = 0;
  all.forEach((payment, index) => {
    const key = keyOf(payment);
    if (key === undefined) return;
    keyed++;
    last.set(key, index);
  });
  // Nothing repeats (the usual case): the list as it is.
  if (last.size === keyed) return { payments: all, conflicting: false };
  let conflicting = false;
  const payments: Payment[] = [];
  all.forEach((payment, index) => {
    const key = keyOf(payment);
    const kept = key === undefined ? index : (last.get(key) as number);
    if (kept === index) payments.push(payment);
    else if (!sameMoney(payment, all[kept] as Payment, currency)) conflicting = true;
  });
  return { payments, conflicting };
}

/**
 * Counts each payment once. A payment recorded twice (an at-least-once feed) is one payment,
 * never a duplicate payment: records with the same `id`, or (after that) of the same method with
 * the same `gatewayTxnId` (one capture at the gateway, recorded under two ids). The last record
 * wins; if the records of one payment disagree about the money, the ledger is unclear.
 *
 * @example
 * distinctPayments(orderWithPay1Twice).payments.map((p) => p.id) //=> ['pay_1', 'pay_2']
 */
export function distinctPayments(snapshot: OrderSnapshot): DistinctPayments {
  const all = snapshot.payments;
  if (all.length < 2) return { payments: all, conflicting: false };
  const byId = keepLast(all, (payment) => payment.id, snapshot.currency);
  const byCapture = keepLast(byId.payments, (payment) => (payment.gatewayTxnId === undefined ? undefined : `${payment.method}|${payment.gatewayTxnId}`), snapshot.currency);
  return { payments: byCapture.payments, conflicting: byId.conflicting || byCapture.conflicting };
}
