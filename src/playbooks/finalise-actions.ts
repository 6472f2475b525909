import { addMinutes } from 'date-fns';
import type { Severity } from '../detectors/detector.js';
import type { DetectorCode } from '../detectors/registry.js';
import { requiredApproval } from '../policy/approval.js';
import type { Policy } from '../policy/policy.js';
import type { OrderSnapshot } from '../schema/snapshot.js';
import type { Action } from './action.js';
import { buildIdempotencyKey } from './idempotency-key.js';
import type { ActionDraft } from './playbook.js';

/** The drafts one finding's playbook produced. */
export interface FindingDrafts {
  readonly code: DetectorCode;
  readonly severity: Severity;
  readonly drafts: readonly ActionDraft[];
}

const SEVERITY_RANK: Record<Severity, number> = { low: 0, medium: 1, high: 2, critical: 3 };

interface Sourced {
  readonly draft: ActionDraft;
  readonly codes: DetectorCode[];
  severity: Severity;
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
    if (current === undefined || s.draft.params.amount > (current.draft as typeof s.draft).params.amount) largest.set(s.draft.params.paymentId, s);
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
      if (SEVERITY_RANK[s.severity] > SEVERITY_RANK[winner.severity]) winner.severity = s.severity;
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
export function finaliseActions(
  order: OrderSnapshot,
  perFinding: readonly FindingDrafts[],
  policy: Policy,
  locale: string,
  now: number,
): Action[] {
  const sourced = collapseRefunds(
    perFinding.flatMap(({ code, severity, drafts }) => drafts.map((draft): Sourced => ({ draft, codes: [code], severity }))),
  );
  const taken = new Set((order.actionsTaken ?? []).map((a) => a.idempotencyKey));
  const byKey = new Map<string, MutableAction>();
  for (const { draft, codes, severity } of sourced) {
    const idempotencyKey = buildIdempotencyKey([order.id, draft.kind, ...draft.key]);
    if (taken.has(idempotencyKey)) continue;
    const existing = byKey.get(idempotencyKey);
    if (existing !== undefined) {
      for (const code of codes) if (!existing.because.includes(code)) existing.because.push(code);
      if (SEVERITY_RANK[severity] > SEVERITY_RANK[existing.severity]) {
        existing.severity = severity;
        existing.dueBy = dueBy(now, severity, policy);
      }
      continue;
    }
    const requiresApproval = draft.amount === undefined ? 'none' : requiredApproval(draft.amount, order.currency, policy);
    byKey.set(idempotencyKey, {
      kind: draft.kind,
      params: draft.params,
      owner: draft.owner,
      dueBy: dueBy(now, severity, policy),
      requiresApproval,
      idempotencyKey,
      because: [...codes],
      automatable: draft.automatable && requiresApproval === 'none',
      ...(draft.customerText === undefined ? {} : { customerMessage: { locale, text: draft.customerText } }),
      ...(draft.note === undefined ? {} : { note: draft.note }),
      severity,
    } as MutableAction);
  }
  return [...byKey.values()].map(({ severity: _severity, ...action }) => action as Action);
}

function dueBy(now: number, severity: Severity, policy: Policy): string {
  return addMinutes(now, policy.sla[severity]).toISOString();
}
