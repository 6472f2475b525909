import { readOwn } from '../_lib/own-key.js';
import type { DetectorCode } from '../detectors/registry.js';
import type { FindingCode } from '../findings/finding.js';
import type { Policy } from '../policy/policy.js';
import { doneActions } from '../schema/recorded-actions.js';
import type { OrderSnapshot } from '../schema/snapshot.js';
import type { ActionDraft } from './playbook.js';
import type { CodeDrafts } from './precedence.js';

/** Codes the customer never saw (internal systems): they earn no compensation whatever the policy says. */
export const INTERNAL_CODES: ReadonlySet<string> = new Set<DetectorCode>(['SYNC_FAILED', 'RESERVATION_FAILED', 'STOCK_SYNC_LAG']);

/** Coupons and points already given to the order (`actionsTaken`), in minor units. */
export function compensationGiven(order: OrderSnapshot): number {
  let given = 0;
  for (const action of doneActions(order)) if (action.kind === 'coupon' || action.kind === 'points') given += action.amount ?? 0;
  return given;
}

/** A claim still being verified earns nothing until it is confirmed. */
const underVerification = (drafts: readonly ActionDraft[]) => drafts.some((d) => d.kind === 'manual_review' && d.params.reason === 'claim_unverified');

/**
 * The order's one compensation (docs/playbooks.md, "One budget"): the largest coupon the
 * policy gives, at the customer's tier, among the codes whose playbooks still act (not
 * internal, not under verification), less what the order was already given, within
 * `maxPerOrder` less the same. The key names the total the order will have received, so a
 * top-up after a larger problem is a new action and a repeat is not. Precedence removes it
 * afterwards when nothing was captured, fraud is under review or the order is cancelled.
 *
 * @example
 * draftCompensation(order, policy, [{ code: 'DELIVERY_DELAYED', drafts }, { code: 'PACKAGE_DAMAGED', drafts }])
 * //=> { code: 'PACKAGE_DAMAGED', because: ['DELIVERY_DELAYED', 'PACKAGE_DAMAGED'], draft: { kind: 'coupon', params: { amount: 1000, ... } } }
 */
export function draftCompensation(order: OrderSnapshot, policy: Policy, planned: readonly CodeDrafts[]): { because: FindingCode[]; draft: ActionDraft } | undefined {
  const table = readOwn(policy.compensation, order.currency);
  if (table === undefined) return undefined;
  const tier = order.customer.tier ?? 'regular';
  let best: { code: FindingCode; amount: number } | undefined;
  const because: FindingCode[] = [];
  for (const { code, drafts } of planned) {
    if (INTERNAL_CODES.has(code) || drafts.length === 0 || underVerification(drafts)) continue;
    const tiers = readOwn(table.coupons, code);
    const due = tiers === undefined ? 0 : (readOwn(tiers, tier) ?? tiers.regular ?? 0);
    if (due <= 0) continue;
    because.push(code);
    if (best === undefined || due > best.amount) best = { code, amount: due };
  }
  if (best === undefined) return undefined;
  const given = compensationGiven(order);
  const amount = Math.min(best.amount - given, table.maxPerOrder - given);
  if (amount <= 0) return undefined;
  return {
    because,
    draft: {
      kind: 'coupon',
      params: { amount, currency: order.currency, validDays: table.couponValidDays, reason: best.code },
      owner: 'customer_service',
      key: ['compensation', given + amount],
      automatable: true,
      amount,
    },
  };
}
