import { computeRefundableBalances, type PaymentBalance } from '../money/refundable-balance.js';
import type { OrderSnapshot } from '../schema/snapshot.js';

/** One refund to make: `amount` back to `balance.payment`. */
export interface PlannedRefund {
  readonly balance: PaymentBalance;
  readonly amount: number;
}

/** The refunds that return a surplus, and whether the ledger was too unclear to plan any. */
export interface SurplusRefundPlan {
  readonly refunds: readonly PlannedRefund[];
  readonly blocked: boolean;
}

function paidAt(balance: PaymentBalance): number {
  return Date.parse(balance.payment.paidAt ?? balance.payment.createdAt);
}

/**
 * Plans refunds returning `surplus` minor units, less refund actions already taken, taking from
 * the most recent payments first (the payment that should not have happened) and never more
 * than any payment's refundable balance. One refund per payment.
 *
 * @example
 * planSurplusRefunds(orderPaidTwice, 10000).refunds.map((r) => [r.balance.payment.id, r.amount])
 * //=> [['pay_2', 10000]]
 */
export function planSurplusRefunds(snapshot: OrderSnapshot, surplus: number): SurplusRefundPlan {
  const ledger = computeRefundableBalances(snapshot);
  if (ledger.blocked) return { refunds: [], blocked: true };
  let remaining = surplus - ledger.actionedTotal;
  const latestFirst = ledger.payments
    .map((balance, index) => ({ balance, index }))
    .sort((a, b) => paidAt(b.balance) - paidAt(a.balance) || b.index - a.index);
  const refunds: PlannedRefund[] = [];
  for (const { balance } of latestFirst) {
    if (remaining <= 0) break;
    const amount = Math.min(remaining, balance.refundable);
    if (amount <= 0) continue;
    refunds.push({ balance, amount });
    remaining -= amount;
  }
  return { refunds, blocked: false };
}
