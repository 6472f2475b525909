import { isoInstant } from '../_lib/iso-instant.js';
import { parseTimestamp } from '../_lib/timestamp.js';
import type { Finding } from '../findings/finding.js';
import type { Policy } from '../policy/policy.js';
import { doneActions } from '../schema/recorded-actions.js';
import type { OrderSnapshot } from '../schema/snapshot.js';
import type { Action } from './action.js';
import { openSince, pausedUntil } from './case-follow-up.js';
import { stillOwed } from './closure.js';
import type { Section } from './compose-message.js';
import type { Told } from './told.js';

/** Where a finding stands in its case (docs/lifecycle.md). */
export type CaseFindingState = 'new' | 'acting' | 'waiting_customer' | 'waiting_approval' | 'waiting_carrier' | 'waiting_return' | 'resolved';

/** One finding in the case record: since when, where it stands, what it waits on, when to look again. */
export type CaseFinding = {
  readonly code: string;
  readonly since: string;
  readonly state: CaseFindingState;
  readonly waitingOn?: string;
  /** When the case should be evaluated again for it (a timer, a due action, the next escalation level). */
  readonly nextCheckAt?: string;
  /** For a `resolved` entry: when it resolved (this evaluation). */
  readonly resolvedAt?: string;
};

const LOGISTICS_WAITS: ReadonlySet<string> = new Set(['TRACKING_STALLED', 'DELIVERY_DELAYED', 'PACKAGE_LOST', 'PACKAGE_DAMAGED', 'NOT_PICKED_UP', 'CARRIER_EXCEPTION']);

/** What the case record is built from. */
export interface CaseInput {
  readonly order: OrderSnapshot;
  readonly findings: readonly Finding[];
  readonly actions: readonly Action[];
  readonly sections: readonly Section[];
  readonly told: Told;
  readonly policy: Policy;
  readonly now: number;
}

const iso = isoInstant;

/** The earliest of `times` still ahead of now, if any. */
function earliest(times: readonly number[], now: number): number | undefined {
  let best: number | undefined;
  for (const t of times) if (t > now && (best === undefined || t < best)) best = t;
  return best;
}

/** What one open finding waits on, and the timer that goes with it. */
function waiting(input: CaseInput, finding: Finding, mine: readonly Action[]): { state: CaseFindingState; waitingOn?: string; at?: number } | undefined {
  const { order, sections, told, policy } = input;
  const approval = mine.find((a) => a.requiresApproval !== 'none');
  if (approval !== undefined) return { state: 'waiting_approval', waitingOn: `${approval.requiresApproval} approval of ${approval.idempotencyKey}` };
  const asked = sections.find((s) => s.code === finding.code && (s.draft.params.options?.length ?? 0) > 0);
  const askedAt = asked === undefined ? undefined : told.topics.get(asked.draft.params.reason)?.last;
  if (askedAt !== undefined) return { state: 'waiting_customer', waitingOn: 'customer', at: askedAt + policy.followUp.customerReplyHours * 3_600_000 };
  if (finding.code === 'DELIVERY_REFUSED' && mine.length === 0) return { state: 'waiting_return', waitingOn: 'return' };
  const chased = doneActions(order).filter((a) => a.kind === 'urge_carrier' || a.kind === 'carrier_claim');
  if (LOGISTICS_WAITS.has(finding.code) && mine.length === 0 && chased.length > 0) {
    const last = chased.reduce((max, a) => Math.max(max, parseTimestamp(a.at)), -Infinity);
    return { state: 'waiting_carrier', waitingOn: 'carrier', at: last + policy.followUp.updateEveryHours * 3_600_000 };
  }
  return undefined;
}

/**
 * The case record's findings (docs/lifecycle.md, "Lifecycle"): each open finding with since when,
 * its state (`new` when first seen; waiting on an approval, the customer, the return or the
 * carrier; else `acting`), what it waits on and `nextCheckAt`; then one `resolved` entry for each
 * code the snapshot's case record held open that is no longer found. A code on a cancelled order
 * whose captured money has not all gone back stays open (`acting`, waiting on the refund).
 *
 * @example
 * caseFindings({ order, findings, actions, sections, told, policy, now })
 * //=> [{ code: 'PACKAGE_DAMAGED', since: '…', state: 'waiting_customer', waitingOn: 'customer', nextCheckAt: '…' }]
 */
export function caseFindings(input: CaseInput): CaseFinding[] {
  const { order, findings, actions, policy, now } = input;
  const since = openSince(order);
  const levels = policy.escalation.map((l) => l.afterMinutes * 60_000);
  const entries: CaseFinding[] = findings.map((finding) => {
    const opened = since.get(finding.code) ?? now;
    const mine = actions.filter((a) => a.because.includes(finding.code));
    const wait = since.has(finding.code) ? waiting(input, finding, mine) : undefined;
    const paused = pausedUntil(order, opened, policy);
    const timers = [
      ...mine.map((a) => Date.parse(a.dueBy)),
      ...levels.map((l) => opened + l),
      ...(wait?.at === undefined ? [] : [wait.at]),
      ...(paused === undefined ? [] : [paused]),
    ];
    const next = earliest(timers, now);
    return {
      code: finding.code,
      since: iso(opened),
      state: since.has(finding.code) ? (wait?.state ?? 'acting') : 'new',
      ...(wait?.waitingOn === undefined ? {} : { waitingOn: wait.waitingOn }),
      ...(next === undefined ? {} : { nextCheckAt: iso(next) }),
    };
  });
  const found = new Set(findings.map((f) => f.code as string));
  const owed = stillOwed(order);
  for (const [code, opened] of since) {
    if (found.has(code)) continue;
    entries.push(owed !== undefined ? { code, since: iso(opened), state: 'acting', waitingOn: owed } : { code, since: iso(opened), state: 'resolved', resolvedAt: iso(now) });
  }
  // Resolved earlier while others stayed open: carried until the whole incident closes (one survey names them all).
  if (entries.some((e) => e.state !== 'resolved')) {
    const listed = new Set(entries.map((e) => e.code));
    for (const open of order.openFindings ?? []) {
      if (open.state === 'resolved' && !found.has(open.code) && !listed.has(open.code)) {
        listed.add(open.code);
        entries.push({ code: open.code, since: open.since, state: 'resolved', ...(open.resolvedAt === undefined ? {} : { resolvedAt: open.resolvedAt }) });
      }
    }
  }
  return entries;
}
