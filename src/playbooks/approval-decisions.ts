import { buildIdempotencyKey } from '../_lib/idempotency-key.js';
import { parseTimestamp } from '../_lib/timestamp.js';
import type { Issue } from '../errors.js';
import type { OrderSnapshot } from '../schema/snapshot.js';
import { APPROVAL_ROLES } from '../vocabulary/approval-role.js';
import { authorityRank, latestDecisions } from './decisions.js';
import type { FindingDrafts, PlannedAction } from './finalise-actions.js';

/** The plan after the approvals and rejections on record. */
export interface ApprovalOutcome {
  readonly actions: PlannedAction[];
  /** What a rejected refund is replaced by: finance agrees another remedy with the customer. */
  readonly rejected: FindingDrafts[];
  readonly warnings: Issue[];
}

/**
 * Applies the decisions about actions that need approval (`about` the action's idempotency key;
 * docs/lifecycle.md, "Decisions"): `approve` by a role whose authority covers it makes the action
 * proceed (no approval left, automatable); `reject` drops it, a refund going to finance to agree
 * another remedy. An approval by too junior a role is ignored with a warning.
 *
 * @example
 * applyApprovalDecisions([refund], { ...order, decisions: [{ at, by: 'manager', about: refund.idempotencyKey, choice: 'approve' }] })
 * //=> { actions: [{ ...refund, requiresApproval: 'none', automatable: true }], rejected: [], warnings: [] }
 */
export function applyApprovalDecisions(actions: readonly PlannedAction[], order: OrderSnapshot, now: number): ApprovalOutcome {
  const latest = latestDecisions(order, now);
  const kept: PlannedAction[] = [];
  const rejected: FindingDrafts[] = [];
  const warnings: Issue[] = [];
  for (const action of actions) {
    const decision = action.requiresApproval === 'none' ? undefined : latest.get(action.idempotencyKey);
    if (decision === undefined || (decision.choice !== 'approve' && decision.choice !== 'reject')) {
      kept.push(action);
      continue;
    }
    if (authorityRank(decision.by) < APPROVAL_ROLES.indexOf(action.requiresApproval)) {
      warnings.push({
        path: ['decisions', decision.index, 'by'],
        message: `a ${decision.by} cannot decide on ${action.idempotencyKey}, which needs ${action.requiresApproval} approval: ignored`,
      });
      kept.push(action);
    } else if (decision.choice === 'approve') {
      kept.push({ ...action, requiresApproval: 'none', automatable: true } as PlannedAction);
    } else if (action.kind === 'refund') {
      rejected.push({
        codes: action.because,
        severity: action.severity,
        drafts: [
          {
            kind: 'manual_review',
            params: { reason: 'approval_rejected', details: [action.idempotencyKey] },
            owner: 'finance',
            key: ['approval_rejected', action.idempotencyKey],
            automatable: false,
          },
        ],
      });
    }
  }
  return { actions: kept, rejected, warnings };
}

/**
 * Decisions about nothing open (docs/lifecycle.md): neither a code found now or held open by the
 * case record, nor an action planned now or recorded. They are ignored; each recent one (taken
 * within `recentMs` of now; older ones are the case's history) gives a warning naming its path.
 *
 * @example
 * decisionWarnings(order, found, actions) //=> [{ path: ['decisions', 0, 'about'], message: '"PACKAGE_LOST" is not open: the decision is ignored' }]
 */
export function decisionWarnings(order: OrderSnapshot, found: ReadonlySet<string>, actions: readonly PlannedAction[], now: number, recentMs: number): Issue[] {
  const known = new Set<string>([...found, ...actions.map((a) => a.idempotencyKey), ...(order.actionsTaken ?? []).map((a) => a.idempotencyKey)]);
  for (const open of order.openFindings ?? []) known.add(open.code);
  const warnings: Issue[] = [];
  // An approval or rejection of an action of ours was applied when it was taken: it is history, not news.
  const ours = `${buildIdempotencyKey([order.id])}/`;
  (order.decisions ?? []).forEach((decision, i) => {
    const applied = (decision.choice === 'approve' || decision.choice === 'reject') && decision.about.startsWith(ours);
    const recent = now - parseTimestamp(decision.at) <= recentMs;
    if (recent && !known.has(decision.about) && !applied) warnings.push({ path: ['decisions', i, 'about'], message: `"${decision.about}" is not open: the decision is ignored` });
  });
  return warnings;
}
