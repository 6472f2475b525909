import { parseTimestamp } from '../_lib/timestamp.js';
import type { Decision, OrderSnapshot } from '../schema/snapshot.js';
import { ESCALATION_ROLES } from '../vocabulary/approval-role.js';

/** Roles whose word settles a claim or approves money, lowest first. */
const STAFF: readonly Decision['by'][] = ['agent', ...ESCALATION_ROLES];

/**
 * The latest decision about each thing (a finding code, an action's idempotency key): a later
 * decision replaces an earlier one; on the same instant, the later entry in the list wins.
 *
 * @example
 * latestDecisions(order).get('PACKAGE_LOST') //=> { at, by: 'customer', about: 'PACKAGE_LOST', choice: 'refund' }
 */
export function latestDecisions(order: OrderSnapshot, now = Infinity): Map<string, Decision & { readonly index: number }> {
  const latest = new Map<string, Decision & { readonly index: number }>();
  (order.decisions ?? []).forEach((decision, index) => {
    // A decision dated after now has not been taken yet.
    if (parseTimestamp(decision.at) > now) return;
    const known = latest.get(decision.about);
    if (known === undefined || parseTimestamp(decision.at) >= parseTimestamp(known.at)) latest.set(decision.about, { ...decision, index });
  });
  return latest;
}

/** The customer's choice among the options offered for a finding (given by them, or by an agent for them). */
export function customerChoice(decision: Decision | undefined): Decision['choice'] | undefined {
  if (decision === undefined || decision.by === 'system') return undefined;
  return decision.choice === 'approve' || decision.choice === 'reject' ? undefined : decision.choice;
}

/** A person's verdict on a claim under verification: the remedy they settled on, or `reject`. */
export function staffVerdict(decision: Decision | undefined): Decision['choice'] | undefined {
  return decision !== undefined && STAFF.includes(decision.by) ? decision.choice : undefined;
}

/**
 * The rank of a decider's authority, comparable with approval roles: an agent approves what
 * needs no approval, a supervisor what needs a supervisor, a manager what needs a manager.
 */
export function authorityRank(by: Decision['by']): number {
  return STAFF.indexOf(by);
}
