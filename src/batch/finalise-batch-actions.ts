import { buildIdempotencyKey } from '../_lib/idempotency-key.js';
import type { MessageCatalogue } from '../messages/catalogue.js';
import type { MessageKit } from '../messages/message-kit.js';
import { plainText } from '../messages/plain-text.js';
import type { Action } from '../playbooks/action.js';
import { requiredApproval } from '../policy/approval.js';
import type { Policy } from '../policy/policy.js';
import { APPROVAL_ROLES, type ApprovalRole } from '../vocabulary/approval-role.js';
import type { BatchActionDraft, DetectedCluster } from './batch-detector.js';

/** An action on several orders (or on one of a cluster's). */
export type BatchAction = Action & { readonly orderIds: string[] };

/** What finalising batch actions reads of the triage. */
export interface BatchActionSettings {
  readonly policy: Policy;
  readonly messages: MessageCatalogue;
  /** The message kit in one currency. */
  readonly kitFor: (currency: string) => MessageKit;
}

const approvalRank = (role: ApprovalRole): number => APPROVAL_ROLES.indexOf(role);

/**
 * The approval a batch action needs, as for one order's actions: the lowest role whose
 * `policy.authority` in the currency covers the money it moves (`none` when it moves none),
 * raised to the role the detector asks for.
 *
 * @example
 * batchApproval({ kind: 'add_to_blacklist', ..., approval: 'manager' }, 'CNY', policy) //=> 'manager'
 */
export function batchApproval(draft: BatchActionDraft, currency: string, policy: Policy): ApprovalRole {
  const byAmount = draft.amount === undefined ? 'none' : requiredApproval(draft.amount, currency, policy);
  return draft.approval !== undefined && approvalRank(draft.approval) > approvalRank(byAmount) ? draft.approval : byAmount;
}

/**
 * Turns one cross-order finding's drafts into actions, the way one order's are finalised
 * (src/playbooks/finalise-actions.ts): a key from the code, what the orders share and the
 * draft's own key (not who is in the cluster, so the same cluster growing keeps its key);
 * `dueBy` from the finding's SLA; `requiresApproval` from {@link batchApproval} in the currency
 * of the action's first order, and `automatable` only without approval; a staff note in that
 * currency. An action whose key is in the `actionsTaken` of any order it names is done and left
 * out. The owner is risk.
 *
 * @example
 * finaliseBatchActions({ code: 'COUPON_ABUSE', respondBy }, cluster, drafts, { policy, messages, kitFor })
 * //=> [{ kind: 'cancel_order', ..., idempotencyKey: 'batch/COUPON_ABUSE/phone/+8613600000000/cancel_order/NEW-2' }, ...]
 */
export function finaliseBatchActions(
  finding: { readonly code: string; readonly respondBy: string },
  cluster: DetectedCluster,
  drafts: readonly BatchActionDraft[],
  settings: BatchActionSettings,
): BatchAction[] {
  const byId = new Map(cluster.entries.map((entry) => [entry.orderId, entry]));
  const actions: BatchAction[] = [];
  for (const draft of drafts) {
    const idempotencyKey = buildIdempotencyKey(['batch', finding.code, cluster.on, cluster.key, draft.kind, ...draft.key]);
    if (draft.orderIds.some((id) => byId.get(id)?.batchKeysTaken.includes(idempotencyKey) === true)) continue;
    const currency = byId.get(draft.orderIds[0] as string)?.currency ?? (cluster.entries[0]?.currency as string);
    const requiresApproval = batchApproval(draft, currency, settings.policy);
    const params = draft.params as Readonly<Record<string, unknown>>;
    actions.push({
      kind: draft.kind,
      params: draft.params,
      because: [finding.code],
      automatable: draft.automatable && requiresApproval === 'none',
      orderIds: draft.orderIds,
      owner: 'risk',
      dueBy: finding.respondBy,
      requiresApproval,
      idempotencyKey,
      note: plainText(settings.messages.staffNote({ orderId: draft.orderIds.join(', '), kind: draft.kind, params, kit: settings.kitFor(currency) })),
    } as BatchAction);
  }
  return actions;
}
