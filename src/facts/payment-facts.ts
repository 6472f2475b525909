import { minutesBetween } from '../_lib/elapsed.js';
import { parseTimestamp } from '../_lib/timestamp.js';
import { addMinorUnits } from '../money/add-minor-units.js';
import { distinctPayments } from '../money/distinct-payments.js';
import { unresolvedFailedRefunds } from '../money/failed-refunds.js';
import { computeRefundableBalances } from '../money/refundable-balance.js';
import { summariseRefunds } from '../money/refunded-by-payment.js';
import type { OrderSnapshot, Payment } from '../schema/snapshot.js';
import type { FactSpec, FactsOf, Writable } from './fact-spec.js';

/** The facts about the order's payments and refunds. */
export const paymentFactCatalogue = {
  'payments.count': { type: 'number', unit: 'count', description: 'Payment attempts of any status, each payment id once.' },
  'payments.succeededCount': { type: 'number', unit: 'count', description: 'Payments with status succeeded, each payment id once.' },
  'payments.failedCount': { type: 'number', unit: 'count', description: 'Payments with status failed.' },
  'payments.pendingCount': { type: 'number', unit: 'count', description: 'Payments with status pending.' },
  'payments.succeededTotal': {
    type: 'number',
    unit: 'minor_units',
    description: "Sum of succeeded payments in the order's currency.",
  },
  'payments.refundedTotal': {
    type: 'number',
    unit: 'minor_units',
    description: 'Pending and succeeded refunds against succeeded payments (in full, even beyond what one captured), plus refunds no succeeded payment accounts for.',
  },
  'payments.netPaid': {
    type: 'number',
    unit: 'minor_units',
    description: 'What the customer has paid and not had back: succeededTotal − refundedTotal (never below 0).',
  },
  'payments.surplus': {
    type: 'number',
    nullable: true,
    unit: 'minor_units',
    description: 'netPaid − payable when positive, else 0; null when a payment is in another currency.',
  },
  'payments.shortfall': {
    type: 'number',
    nullable: true,
    unit: 'minor_units',
    description:
      'payable − succeededTotal when positive, else 0: what the customer has not paid; a refund the shop made is never a shortfall. Null when a payment is in another currency.',
  },
  'payments.foreignCurrencyCount': {
    type: 'number',
    unit: 'count',
    description: "Succeeded or pending payments in a currency other than the order's (amounts not comparable).",
  },
  'payments.isCashOnDelivery': {
    type: 'boolean',
    description: 'A payment uses a cash-on-delivery method (see policy.paymentMethods.cashOnDelivery).',
  },
  'payments.latestAttemptId': {
    type: 'string',
    nullable: true,
    description: 'Id of the most recent payment attempt (by createdAt; on a tie, the later in the list); null without attempts.',
  },
  'payments.latestAttemptStatus': {
    type: 'string',
    nullable: true,
    description: 'Status of the most recent payment attempt (by createdAt); null without attempts.',
  },
  'payments.minutesSinceLatestAttempt': {
    type: 'number',
    nullable: true,
    unit: 'minutes',
    description: 'Whole minutes since the most recent payment attempt was created; null without attempts.',
  },
  'payments.minutesSinceFirstPaid': {
    type: 'number',
    nullable: true,
    unit: 'minutes',
    description: 'Whole minutes since the earliest succeeded payment was paid (paidAt, else createdAt); null if none.',
  },
  'payments.capturedNotRefunded': {
    type: 'number',
    unit: 'minor_units',
    description:
      "What the order's succeeded payments can still refund: captured less refunds and refund actions already taken (each payment's refundable balance); when the refund ledger is unclear, netPaid.",
  },
  'payments.refundLedgerUnclear': {
    type: 'boolean',
    description: 'A refund action of unknown amount was taken, or one payment id is recorded twice differently: nothing can be refunded safely until finance reconciles.',
  },
  'payments.failedRefundCount': {
    type: 'number',
    unit: 'count',
    description:
      "Refunds that failed and were not replaced since: a refunds[] entry 'failed' with no pending or succeeded one for the same payment and amount since, or a refund in actionsTaken recorded 'failed' with no later attempt.",
  },
} as const satisfies Record<string, FactSpec>;

/** Values of the payment facts. */
export type PaymentFacts = FactsOf<typeof paymentFactCatalogue>;

/** Settings that decide how payments are read. */
export interface PaymentFactSettings {
  /** Payment methods that mean cash on delivery: such orders are not "unpaid" before delivery. */
  readonly cashOnDeliveryMethods: ReadonlySet<string>;
}

/** The moment a payment attempt happened, for ordering attempts. */
function attemptTime(payment: Payment): number {
  return parseTimestamp(payment.createdAt);
}

/**
 * Writes the payment facts into `facts`, in one pass over payments. Each payment id counts once
 * (the last record of an id wins, see distinctPayments): one payment recorded twice is one payment.
 */
export function writePaymentFacts(facts: Writable<PaymentFacts>, snapshot: OrderSnapshot, now: number, settings: PaymentFactSettings): void {
  const currency = snapshot.currency;
  const payments = distinctPayments(snapshot).payments;
  const refunded = summariseRefunds(snapshot, payments);
  let succeededCount = 0;
  let failedCount = 0;
  let pendingCount = 0;
  let succeededTotal = 0;
  let refundedTotal = refunded.unattributed;
  let foreignCurrencyCount = 0;
  let isCashOnDelivery = false;
  let latest: Payment | undefined;
  let latestAt = -Infinity;
  let firstPaidAt = Infinity;
  for (const payment of payments) {
    const at = attemptTime(payment);
    // Ties go to the later entry in the list: the backend appended it last.
    if (at >= latestAt) {
      latest = payment;
      latestAt = at;
    }
    if (settings.cashOnDeliveryMethods.has(payment.method)) isCashOnDelivery = true;
    const foreign = payment.currency !== undefined && payment.currency !== currency;
    if (foreign && (payment.status === 'succeeded' || payment.status === 'pending')) foreignCurrencyCount++;
    if (payment.status === 'succeeded') {
      succeededCount++;
      const paidAt = payment.paidAt === undefined ? at : parseTimestamp(payment.paidAt);
      if (paidAt < firstPaidAt) firstPaidAt = paidAt;
      if (!foreign) {
        succeededTotal = addMinorUnits(succeededTotal, payment.amount);
        refundedTotal = addMinorUnits(refundedTotal, refunded.byPayment.get(payment.id) ?? 0);
      }
    } else if (payment.status === 'failed') failedCount++;
    else if (payment.status === 'pending') pendingCount++;
  }
  const netPaid = Math.max(0, succeededTotal - refundedTotal);
  const comparable = foreignCurrencyCount === 0;
  const payable = snapshot.totals.payable;
  facts['payments.count'] = payments.length;
  facts['payments.succeededCount'] = succeededCount;
  facts['payments.failedCount'] = failedCount;
  facts['payments.pendingCount'] = pendingCount;
  facts['payments.succeededTotal'] = succeededTotal;
  facts['payments.refundedTotal'] = refundedTotal;
  facts['payments.netPaid'] = netPaid;
  facts['payments.surplus'] = comparable ? Math.max(0, netPaid - payable) : null;
  // Against what was captured, not net of refunds: a refund the shop made (goodwill, a returned
  // item) is money the shop gave back, never a balance the customer still owes.
  facts['payments.shortfall'] = comparable ? Math.max(0, payable - succeededTotal) : null;
  facts['payments.foreignCurrencyCount'] = foreignCurrencyCount;
  facts['payments.isCashOnDelivery'] = isCashOnDelivery;
  facts['payments.latestAttemptId'] = latest === undefined ? null : latest.id;
  facts['payments.latestAttemptStatus'] = latest === undefined ? null : latest.status;
  facts['payments.minutesSinceLatestAttempt'] = latest === undefined ? null : minutesBetween(now, latestAt);
  facts['payments.minutesSinceFirstPaid'] = firstPaidAt === Infinity ? null : minutesBetween(now, firstPaidAt);
  const ledger = computeRefundableBalances(snapshot);
  facts['payments.refundLedgerUnclear'] = ledger.blocked;
  facts['payments.capturedNotRefunded'] = ledger.blocked ? netPaid : ledger.payments.reduce((sum, b) => addMinorUnits(sum, b.refundable), 0);
  // Failed refunds are read from refunds and actions taken: an order with neither (most) has none.
  const noRefundRecords = (snapshot.refunds === undefined || snapshot.refunds.length === 0) && (snapshot.actionsTaken === undefined || snapshot.actionsTaken.length === 0);
  facts['payments.failedRefundCount'] = noRefundRecords ? 0 : unresolvedFailedRefunds(snapshot).length;
}
