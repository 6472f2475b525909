import { addMinutes } from 'date-fns';
import { buildIdempotencyKey } from '../_lib/idempotency-key.js';
import type { MessageCatalogue } from '../messages/catalogue.js';
import type { MessageKit } from '../messages/message-kit.js';
import { plainText } from '../messages/plain-text.js';
import { requiredApproval } from '../policy/approval.js';
import type { Policy } from '../policy/policy.js';
import type { OrderSnapshot } from '../schema/snapshot.js';
import type { ActionKind } from '../vocabulary/action-kind.js';
import type { RefundReason } from '../vocabulary/action-params.js';
import { APPROVAL_ROLES, type ApprovalRole } from '../vocabulary/approval-role.js';
import { SEVERITIES, type Severity } from '../vocabulary/severity.js';
import type { Action, FindingCode } from './action.js';
import type { ActionDraft } from './playbook.js';

/** The drafts one finding's playbook produced. */
export interface FindingDrafts {
  readonly code: FindingCode;
  readonly severity: Severity;
  readonly drafts: readonly ActionDraft[];
  /** A due time that is not SLA-based (a follow-up survey is due when it is to be sent). */
  readonly dueAt?: number;
}

/**
 * What a cancellation makes pointless. A cancelled order is not chased for payment, shipped,
 * restocked, compensated or messaged about anything but the cancellation itself; money still
 * goes back (refunds) and staff work (reviews, incidents, the blacklist) still happens.
 */
export const CANCELLATION_DROPS: ReadonlySet<ActionKind> = new Set<ActionKind>([
  'send_payment_link',
  'suggest_payment_retry',
  'update_order_status',
  'hold_shipment',
  'reship',
  'coupon',
  'points',
  'contact_customer',
  'correct_address',
  'urgent_restock',
  'transfer_stock',
  'release_or_retry_reservation',
  'urge_carrier',
  'follow_up_survey',
]);

/** Refund reasons that return the whole order: the goods are not sent again as well. */
const WHOLE_ORDER_REFUNDS: ReadonlySet<RefundReason> = new Set<RefundReason>(['package_lost', 'refused_not_quality', 'refused_quality_issue']);

/**
 * Precedence between actions two findings call for, so a playbook never does both:
 * 1. a cancellation drops what {@link CANCELLATION_DROPS} lists;
 * 2. a refund of the whole order drops any reshipment;
 * 3. refunds on one payment collapse into the largest (see collapseRefunds).
 */
function resolveConflicts(sourced: Sourced[]): Sourced[] {
  const cancelled = sourced.some((s) => s.draft.kind === 'cancel_order');
  const refundedWhole = sourced.some((s) => s.draft.kind === 'refund' && WHOLE_ORDER_REFUNDS.has(s.draft.params.reason));
  return collapseRefunds(sourced.filter((s) => !(cancelled && CANCELLATION_DROPS.has(s.draft.kind)) && !(refundedWhole && s.draft.kind === 'reship')));
}

/** Ranks follow the order of the vocabulary lists: `low` < ... < `critical`, `none` < ... < `executive`. */
const severityRank = (severity: Severity): number => SEVERITIES.indexOf(severity);
const approvalRank = (role: ApprovalRole): number => APPROVAL_ROLES.indexOf(role);

function bump(severity: Severity): Severity {
  return SEVERITIES[Math.min(severityRank(severity) + 1, SEVERITIES.length - 1)] as Severity;
}

interface Sourced {
  readonly draft: ActionDraft;
  readonly codes: FindingCode[];
  severity: Severity;
  readonly dueAt: number | undefined;
}

type MutableAction = { -readonly [K in keyof Action]: Action[K] } & { severity: Severity };

/**
 * Refunds planned by different findings on one payment (a duplicate payment on a lost parcel)
 * each respect the payment's refundable balance, but together they could exceed it. Every
 * planner draws on the same balance, so the largest refund on a payment contains the others
 * (a full refund contains the surplus): keep it alone, naming every finding behind them.
 */
function collapseRefunds(sourced: Sourced[]): Sourced[] {
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
 * policy's authority for money it moves. Two findings asking for the same action (same key)
 * get one action naming both; refunds on one payment never add up past its balance. Actions
 * whose key is in `actionsTaken` are left out: they are done.
 */
export function finaliseActions(order: OrderSnapshot, perFinding: readonly FindingDrafts[], policy: Policy, messages: MessageCatalogue, kit: MessageKit, now: number): Action[] {
  const sourced = resolveConflicts(perFinding.flatMap(({ code, severity, drafts, dueAt }) => drafts.map((draft): Sourced => ({ draft, codes: [code], severity, dueAt }))));
  const taken = new Set((order.actionsTaken ?? []).map((a) => a.idempotencyKey));
  const byKey = new Map<string, MutableAction>();
  for (const { draft, codes, severity: found, dueAt } of sourced) {
    // Priority orders (VIP, high value) are due on the SLA of the next severity up.
    const severity = draft.priority === 'high' ? bump(found) : found;
    const idempotencyKey = buildIdempotencyKey([order.id, draft.kind, ...draft.key]);
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
      params: draft.kind === 'contact_customer' ? { ...draft.params, topics: [draft.params.reason], describes: [] } : draft.params,
      owner: draft.owner,
      dueBy: dueAt === undefined ? dueBy(now, severity, policy) : new Date(dueAt).toISOString(),
      requiresApproval,
      idempotencyKey,
      because: [...codes],
      automatable: draft.automatable && requiresApproval === 'none',
      ...(draft.customerText === undefined ? {} : { customerMessage: { locale: messages.locale, text: plainText(draft.customerText) } }),
      note: plainText(draft.note ?? messages.staffNote({ orderId: order.id, kind: draft.kind, params: draft.params as Readonly<Record<string, unknown>>, kit })),
      severity,
    } as MutableAction);
  }
  return [...byKey.values()].map(({ severity: _severity, ...action }) => action as Action);
}

function dueBy(now: number, severity: Severity, policy: Policy): string {
  return addMinutes(now, policy.sla[severity]).toISOString();
}
