import type { Issue } from '../errors.js';
import type { OrderSnapshot } from '../schema/snapshot.js';
import { readRecordedRefund } from './refund-key.js';

type Path = Issue['path'];

const beyond = (what: string): string =>
  `${what} add up to more than Number.MAX_SAFE_INTEGER minor units: a money sum beyond the safe range cannot be exact, so it is refused, never rounded`;

/** The index of the first amount at which the running sum from `start` leaves the safe range; -1 if it never does. */
function overflowAt(amounts: readonly number[], start: number): number {
  let sum = start;
  for (let i = 0; i < amounts.length; i++) {
    sum += amounts[i] as number;
    // Safe non-negative terms: the float sum is exact until the exact sum passes 2^53 − 1.
    if (!Number.isSafeInteger(sum)) return i;
  }
  return -1;
}

/** The sum of safe amounts (callers check it with {@link overflowAt} first). */
function total(amounts: readonly number[]): number {
  return amounts.reduce((sum, amount) => sum + amount, 0);
}

/** What went back or is going back, in list order: every refund, then every refund action of known amount. */
function refundIssue(order: OrderSnapshot): Issue | undefined {
  const refunds = (order.refunds ?? []).map((r) => r.amount);
  const at = overflowAt(refunds, 0);
  if (at >= 0) return { path: ['refunds', at, 'amount'], message: beyond('the refunds') };
  const paths: Path[] = [];
  const amounts: number[] = [];
  (order.actionsTaken ?? []).forEach((action, i) => {
    const amount = readRecordedRefund(action, order.id)?.amount;
    if (amount === undefined) return;
    paths.push(['actionsTaken', i, action.amount === undefined ? 'idempotencyKey' : 'amount']);
    amounts.push(amount);
  });
  const actionAt = overflowAt(amounts, total(refunds));
  return actionAt < 0 ? undefined : { path: paths[actionAt] as Path, message: beyond('the refunds and refund actions taken') };
}

/**
 * Checks that every money sum the engine may compute for an order stays within
 * `Number.MAX_SAFE_INTEGER`, so money is never rounded: the payments, the refunds and refund
 * actions taken together (what goes back), each line's quantity × unit price and the lines
 * together, and totals.items + shipping + tax. Each amount alone is already a safe integer (the
 * schema says so); only sums can leave the range. Returns one issue per sum that does, naming
 * the record at which it does; none for every real order.
 *
 * @example
 * ledgerIssues(order) //=> []
 * ledgerIssues(orderWithTwoHugePayments)
 * //=> [{ path: ['payments', 1, 'amount'], message: 'the payments add up to more than …' }]
 */
export function ledgerIssues(order: OrderSnapshot): Issue[] {
  if (isPlainLedgerSafe(order)) return [];
  const issues: Issue[] = [];
  const paid = overflowAt(
    order.payments.map((p) => p.amount),
    0,
  );
  if (paid >= 0) issues.push({ path: ['payments', paid, 'amount'], message: beyond('the payments') });
  const refunded = refundIssue(order);
  if (refunded !== undefined) issues.push(refunded);
  // A product beyond the safe range is at least 2^53 as a float, so the running sum catches it too.
  const line = overflowAt(
    order.items.map((item) => item.quantity * item.unitPrice),
    0,
  );
  if (line >= 0) issues.push({ path: ['items', line], message: beyond('the lines (quantity × unitPrice)') });
  const { items, shipping, tax } = order.totals;
  if (overflowAt([items, shipping, tax ?? 0], 0) >= 0) issues.push({ path: ['totals'], message: beyond('totals.items, shipping and tax') });
  return issues;
}

/**
 * True when an order without refunds or actions taken (most orders) keeps every sum ledgerIssues
 * checks in the safe range: the same running sums, in the same order, read without building the
 * lists. False sends the order to the full reading, which names the record at which a sum leaves it.
 */
function isPlainLedgerSafe(order: OrderSnapshot): boolean {
  if ((order.refunds !== undefined && order.refunds.length > 0) || (order.actionsTaken !== undefined && order.actionsTaken.length > 0)) return false;
  let paid = 0;
  for (const payment of order.payments) {
    paid += payment.amount;
    if (!Number.isSafeInteger(paid)) return false;
  }
  let lines = 0;
  for (const item of order.items) {
    lines += item.quantity * item.unitPrice;
    if (!Number.isSafeInteger(lines)) return false;
  }
  const { items, shipping, tax } = order.totals;
  return Number.isSafeInteger(items + shipping) && Number.isSafeInteger(items + shipping + (tax ?? 0));
}
