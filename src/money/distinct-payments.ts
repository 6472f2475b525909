import type { OrderSnapshot, Payment } from '../schema/snapshot.js';

/** The order's payments with each payment id counted once. */
export interface DistinctPayments {
  /**
   * One record per payment id, in list order: when an id is listed more than once, the last
   * record wins (the backend appended it last), at the place it is listed.
   */
  readonly payments: readonly Payment[];
  /**
   * True when two records of one payment id disagree on status, amount, currency or method: the
   * ledger is unclear, and money planning leaves it to a person.
   */
  readonly conflicting: boolean;
}

function sameMoney(a: Payment, b: Payment, currency: string): boolean {
  return a.status === b.status && a.amount === b.amount && a.method === b.method && (a.currency ?? currency) === (b.currency ?? currency);
}

/**
 * Counts each payment id once. A payment recorded twice (an at-least-once feed) is one payment,
 * never a duplicate payment; if its records disagree about the money, the ledger is unclear.
 *
 * @example
 * distinctPayments(orderWithPay1Twice).payments.map((p) => p.id) //=> ['pay_1', 'pay_2']
 */
export function distinctPayments(snapshot: OrderSnapshot): DistinctPayments {
  const all = snapshot.payments;
  if (all.length < 2) return { payments: all, conflicting: false };
  // By index, not by record: the same object may be listed twice.
  const last = new Map<string, number>();
  all.forEach((payment, index) => last.set(payment.id, index));
  if (last.size === all.length) return { payments: all, conflicting: false };
  let conflicting = false;
  const payments: Payment[] = [];
  all.forEach((payment, index) => {
    const kept = last.get(payment.id) as number;
    if (kept === index) payments.push(payment);
    else if (!sameMoney(payment, all[kept] as Payment, snapshot.currency)) conflicting = true;
  });
  return { payments, conflicting };
}
