import { parseTimestamp } from '../_lib/timestamp.js';
import { computeRefundableBalances, type PaymentBalance } from '../money/refundable-balance.js';
import type { OrderSnapshot } from '../schema/snapshot.js';
import type { ActionDraft } from './playbook.js';

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
  return parseTimestamp(balance.payment.paidAt ?? balance.payment.createdAt);
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
  return ledger.blocked ? { refunds: [], blocked: true } : allocate(ledger.payments, surplus - ledger.actionedTotal);
}

/**
 * Plans refunding everything still refundable (a lost parcel not reshipped): each payment's
 * whole refundable balance, refunds and refund actions already taken deducted.
 */
export function planFullRefunds(snapshot: OrderSnapshot): SurplusRefundPlan {
  const ledger = computeRefundableBalances(snapshot);
  if (ledger.blocked) return { refunds: [], blocked: true };
  return allocate(
    ledger.payments,
    ledger.payments.reduce((sum, b) => sum + b.refundable, 0),
  );
}

function allocate(payments: readonly PaymentBalance[], amount: number): SurplusRefundPlan {
  let remaining = amount;
  const latestFirst = payments.map((balance, index) => ({ balance, index })).sort((a, b) => paidAt(b.balance) - paidAt(a.balance) || b.index - a.index);
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

/**
 * What every refund-planning playbook recommends when the ledger is blocked (a refund of unknown
 * amount was already taken): finance reconciles by hand instead of anything being refunded.
 */
export function reviewUnclearLedger(): ActionDraft {
  return { kind: 'manual_review', params: { reason: 'refund_ledger_unclear' }, owner: 'finance', key: ['refund_ledger_unclear'], automatable: false };
}
