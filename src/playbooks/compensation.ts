import { readOwn } from '../_lib/own-key.js';
import type { DetectorCode } from '../detectors/registry.js';
import type { ActionDraft, CompensationBudget, PlaybookInput } from './playbook.js';

/** The budget for an order: the currency's cap less coupons and points already in `actionsTaken`. */
export function openCompensationBudget(input: Pick<PlaybookInput<unknown>, 'order' | 'policy'>): CompensationBudget {
  const compensation = readOwn(input.policy.compensation, input.order.currency);
  if (compensation === undefined) return { remaining: null };
  let given = 0;
  for (const action of input.order.actionsTaken ?? []) if (action.kind === 'coupon' || action.kind === 'points') given += action.amount ?? 0;
  return { remaining: Math.max(0, compensation.maxPerOrder - given) };
}

/**
 * A coupon for `code` at the customer's tier (regular when the tier is unknown or has no amount),
 * within what is left of the order's compensation cap; undefined when the policy gives none.
 * Takes the amount from the budget, so every later coupon on the order sees less.
 */
export function draftCoupon(input: PlaybookInput<unknown>, code: DetectorCode): Extract<ActionDraft, { kind: 'coupon' }> | undefined {
  const { order, policy, compensation } = input;
  const table = readOwn(policy.compensation, order.currency);
  const tiers = readOwn(table?.coupons, code);
  if (table === undefined || tiers === undefined || compensation.remaining === null) return undefined;
  const tier = order.customer.tier ?? 'regular';
  const wanted = readOwn(tiers, tier) ?? tiers.regular ?? 0;
  const amount = Math.min(wanted, compensation.remaining);
  if (amount <= 0) return undefined;
  compensation.remaining -= amount;
  return {
    kind: 'coupon',
    params: { amount, currency: order.currency, validDays: table.couponValidDays, reason: code },
    owner: 'customer_service',
    key: [code],
    automatable: true,
    amount,
  };
}
