import { buildIdempotencyKey } from '../_lib/idempotency-key.js';
import { isoInstant } from '../_lib/iso-instant.js';
import type { MessageCatalogue } from '../messages/catalogue.js';
import type { MessageKit } from '../messages/message-kit.js';
import { plainText } from '../messages/plain-text.js';
import { gatewayFailedRefunds } from '../money/refund-key.js';
import { requiredApproval } from '../policy/approval.js';
import type { Policy } from '../policy/policy.js';
import { doneActions, isDone } from '../schema/recorded-actions.js';
import type { OrderSnapshot } from '../schema/snapshot.js';
import { APPROVAL_ROLES, type ApprovalRole } from '../vocabulary/approval-role.js';
import { SEVERITIES, type Severity } from '../vocabulary/severity.js';
import type { Action, FindingCode } from './action.js';
import type { ActionDraft } from './playbook.js';

/** The drafts one finding's playbook produced (or the plan's own: compensation, the message). */
export interface FindingDrafts {
  /** The codes behind the drafts: one finding's, or several for what the plan drafts for the order. */
  readonly codes: readonly FindingCode[];
  readonly severity: Severity;
  readonly drafts: readonly ActionDraft[];
  /** A due time that is not SLA-based (a follow-up survey is due when it is to be sent). */
  readonly dueAt?: number;
}

/** An action with the severity its `dueBy` was computed from, until the plan is done with it. */
export type PlannedAction = Action & { readonly severity: Severity };

/** Ranks follow the order of the vocabulary lists: `low` < ... < `critical`, `none` < ... < `executive`. */
export const severityRank = (severity: Severity): number => SEVERITIES.indexOf(severity);
/** The rank of an approval role: `none` lowest, `executive` highest. */
export const approvalRank = (role: ApprovalRole): number => APPROVAL_ROLES.indexOf(role);

function bump(severity: Severity): Severity {
  return SEVERITIES[Math.min(severityRank(severity) + 1, SEVERITIES.length - 1)] as Severity;
}

interface Sourced {
  readonly draft: ActionDraft;
  readonly codes: FindingCode[];
  severity: Severity;
  readonly dueAt: number | undefined;
}

type MutableAction = { -readonly [K in keyof PlannedAction]: PlannedAction[K] };

/** Every draft with its own copy of the codes behind it (refunds on one payment merge theirs). */
function sourcedDrafts(perFinding: readonly FindingDrafts[]): Sourced[] {
  const sourced: Sourced[] = [];
  for (const { codes, severity, drafts, dueAt } of perFinding) for (const draft of drafts) sourced.push({ draft, codes: [...codes], severity, dueAt });
  return sourced;
}

/**
 * Refunds planned by different findings on one payment (a duplicate payment on a lost parcel)
 * each respect the payment's refundable balance, but together they could exceed it. Every
 * planner draws on the same balance, so the largest refund on a payment contains the others
 * (a full refund contains the surplus): keep it alone, naming every finding behind them.
 */
function collapseRefunds(sourced: Sourced[]): Sourced[] {
  if (!sourced.some((s) => s.draft.kind === 'refund')) return sourced;
  const largest = new Map<string, Sourced>();
  for (const s of sourced) {
    if (s.draft.kind !== 'refund') continue;
    const current = largest.get(s.draft.params.paymentId);
    if (current === undefined || s.draft.params.amount > (current.draft as typeof s.draft).params.amount) {
      largest.set(s.draft.params.paymentId, s);
    }
  }
  const kept: Sourced[] = [];
  for (const s of sourced) {
    if (s.draft.kind !== 'refund') {
      kept.push(s);
      continue;
    }
    const winner = largest.get(s.draft.params.paymentId) as Sourced;
    if (winner === s) kept.push(s);
    else {
      for (const code of s.codes) if (!winner.codes.includes(code)) winner.codes.push(code);
      if (severityRank(s.severity) > severityRank(winner.severity)) winner.severity = s.severity;
    }
  }
  return kept;
}

/**
 * Turns drafts into actions: a key per action from the order id, kind and what distinguishes
 * it; `dueBy` from the SLA of the most severe finding behind it; `requiresApproval` from the
 * policy's authority for money it moves (the plan raises it to the order's total afterwards).
 * Two findings asking for the same action (same key) get one action naming both; refunds on one
 * payment never add up past its balance. Actions whose key is in `actionsTaken` are left out:
 * they are done.
 */
export function finaliseActions(
  order: OrderSnapshot,
  perFinding: readonly FindingDrafts[],
  policy: Policy,
  messages: MessageCatalogue,
  kit: MessageKit,
  now: number,
  attempts: RecordedAttempts = recordedAttempts(order),
): PlannedAction[] {
  const sourced = collapseRefunds(sourcedDrafts(perFinding));
  const { taken, failed } = attempts;
  const byKey = new Map<string, MutableAction>();
  for (const { draft, codes, severity: found, dueAt } of sourced) {
    // Priority orders (VIP, high value) are due on the SLA of the next severity up.
    const severity = draft.priority === 'high' ? bump(found) : found;
    const { idempotencyKey, retry } = attemptKey(order.id, draft, failed);
    if (taken.has(idempotencyKey)) continue;
    const existing = byKey.get(idempotencyKey);
    if (existing !== undefined) {
      for (const code of codes) if (!existing.because.includes(code)) existing.because.push(code);
      if (dueAt === undefined && severityRank(severity) > severityRank(existing.severity)) {
        existing.severity = severity;
        existing.dueBy = dueBy(now, severity, policy);
      }
      continue;
    }
    const byAmount = draft.amount === undefined ? 'none' : requiredApproval(draft.amount, order.currency, policy);
    const requiresApproval = draft.approval !== undefined && approvalRank(draft.approval) > approvalRank(byAmount) ? draft.approval : byAmount;
    byKey.set(idempotencyKey, {
      kind: draft.kind,
      params: draft.params,
      owner: draft.owner,
      dueBy: dueAt === undefined ? dueBy(now, severity, policy) : isoInstant(dueAt),
      requiresApproval,
      idempotencyKey,
      // The draft's own copy of its codes (sourcedDrafts): nothing else holds it.
      because: codes,
      // A retry after a failure goes to a person: money to finance (docs/lifecycle.md).
      automatable: draft.automatable && requiresApproval === 'none' && !(retry && MONEY.has(draft.kind)),
      ...(draft.customerText === undefined ? {} : { customerMessage: { locale: messages.locale, text: plainText(draft.customerText) } }),
      note: plainText(draft.note ?? messages.staffNote({ orderId: order.id, kind: draft.kind, params: draft.params as Readonly<Record<string, unknown>>, kit })),
      severity,
    } as MutableAction);
  }
  return [...byKey.values()] as PlannedAction[];
}

const MONEY: ReadonlySet<string> = new Set(['refund', 'coupon', 'points']);

/** The keys of attempts an order records done (taken) and failed: read once per plan, not per finaliseActions call. */
export interface RecordedAttempts {
  readonly taken: ReadonlySet<string>;
  readonly failed: ReadonlySet<string>;
}

/**
 * What `actionsTaken` says was done and what failed; a refund the gateway reports failed counts
 * as failed, whatever the backend recorded. A plan finalises up to four groups of drafts for one
 * order (docs/playbooks.md) and reads this once for all of them.
 *
 * @example
 * recordedAttempts(order).taken.has('ORD-1/refund/pay_2/20900') //=> true when that refund is recorded done
 */
export function recordedAttempts(order: Pick<OrderSnapshot, 'id' | 'refunds' | 'actionsTaken'>): RecordedAttempts {
  const bounced = gatewayFailedRefunds(order);
  const taken = new Set(
    doneActions(order)
      .map((a) => a.idempotencyKey)
      .filter((key) => !bounced.has(key)),
  );
  const failed = new Set([...(order.actionsTaken ?? []).filter((a) => !isDone(a)).map((a) => a.idempotencyKey), ...bounced]);
  return { taken, failed };
}

/**
 * The key of the attempt to make now: the action's own key, or, after attempts recorded failed,
 * `…/retry/2`, `…/retry/3`: a retry is a new request (a gateway remembers the failed one).
 */
function attemptKey(orderId: string, draft: ActionDraft, failed: ReadonlySet<string>): { idempotencyKey: string; retry: boolean } {
  const parts = [orderId, draft.kind, ...draft.key];
  const first = buildIdempotencyKey(parts);
  let key = first;
  for (let attempt = 2; failed.has(key); attempt++) key = buildIdempotencyKey([...parts, 'retry', attempt]);
  return { idempotencyKey: key, retry: key !== first };
}

/** When an action of `severity` is due: now + the policy's SLA for it. */
export function dueBy(now: number, severity: Severity, policy: Policy): string {
  return isoInstant(now + policy.sla[severity] * 60_000);
}
