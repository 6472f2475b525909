import { addHours } from '../_lib/add-time.js';
import { readOwn } from '../_lib/own-key.js';
import { parseTimestamp } from '../_lib/timestamp.js';
import type { DetectorCode } from '../detectors/registry.js';
import type { Finding } from '../findings/finding.js';
import type { MessageCatalogue } from '../messages/catalogue.js';
import type { Policy } from '../policy/policy.js';
import { doneActions } from '../schema/recorded-actions.js';
import type { OrderSnapshot } from '../schema/snapshot.js';
import type { FindingCode } from './action.js';
import { owedSince, stillOwed } from './closure.js';
import { INTERNAL_CODES } from './compensation.js';
import type { FindingDrafts, PlannedAction } from './finalise-actions.js';
import { FRAUD_CODES } from './precedence.js';

/** Since when each code has been open, per the backend's case record (the earliest entry wins). */
export function openSince(order: OrderSnapshot): Map<string, number> {
  const since = new Map<string, number>();
  for (const open of order.openFindings ?? []) {
    if (open.state === 'resolved') continue;
    const at = parseTimestamp(open.since);
    const known = since.get(open.code);
    if (known === undefined || at < known) since.set(open.code, at);
  }
  return since;
}

/**
 * The case's own follow-ups (上报层级 and 售后回访, docs/playbooks.md): a finding still open longer than
 * an escalation level escalates to that level's role; codes the case record held open that are
 * no longer found are resolved, and the customer is surveyed `policy.followUp.afterHours` later.
 */
export function draftCaseFollowUps(
  order: OrderSnapshot,
  findings: readonly Finding[],
  policy: Policy,
  messages: MessageCatalogue,
  now: number,
  plan: { readonly silent: readonly string[]; readonly planned: readonly PlannedAction[]; readonly waiting?: ReadonlySet<string> } = { silent: [], planned: [] },
): FindingDrafts[] {
  const since = openSince(order);
  const result: FindingDrafts[] = [];
  for (const finding of findings) {
    if (plan.silent.includes(finding.code)) result.push(silentCustomer(finding, messages, order.id));
    const opened = since.get(finding.code);
    // Waiting on the customer (their reminders run) or on goods coming back: nobody to chase yet.
    if (opened === undefined || plan.waiting?.has(finding.code) || answered(order, opened, now, policy)) continue;
    const openMinutes = Math.floor((now - opened) / 60_000);
    const level = [...policy.escalation].reverse().find((l) => openMinutes >= l.afterMinutes);
    if (level === undefined) continue;
    result.push({
      codes: [finding.code],
      severity: finding.severity,
      drafts: [
        {
          kind: 'escalate',
          params: { to: level.to, reason: finding.code, openMinutes },
          owner: finding.owner,
          key: [finding.code, level.to],
          automatable: true,
          note: messages.internal.escalation({ orderId: order.id, code: finding.code, minutes: openMinutes, to: level.to }),
        },
      ],
    });
  }
  const found = new Set(findings.map((f) => f.code as string));
  const unsettled = owedTooLong(order, since, found, policy, messages, now);
  if (unsettled !== undefined) result.push(unsettled);
  // This evaluation's resolutions and those carried from earlier in the incident: one survey names them all.
  const carried = (order.openFindings ?? []).filter((o) => o.state === 'resolved').map((o) => o.code);
  const resolved = [...new Set([...since.keys(), ...carried])].filter((code) => !found.has(code)).sort();
  const open = [...found].some((code) => customerSaw(code, messages));
  // One survey per incident: none once a survey was recorded since the incident began.
  const resolvedSet = new Set(resolved);
  const began = (order.openFindings ?? []).filter((o) => resolvedSet.has(o.code)).reduce((min, o) => Math.min(min, parseTimestamp(o.since)), Infinity);
  const surveyed = doneActions(order).some((a) => a.kind === 'follow_up_survey' && parseTimestamp(a.at) >= began);
  const survey = !open && !surveyed && settled(order, plan.planned) ? draftSurvey(order, resolved, found, policy, messages, now) : undefined;
  if (survey !== undefined) result.push(survey);
  return result;
}

/**
 * The follow-up survey (售后回访) for codes just resolved, naming the problems it asks about: only
 * for problems the customer saw (not internal systems, not fraud review, not a user rule's code
 * the catalogue has no name for), never to a buyer under fraud review.
 */
function draftSurvey(
  order: OrderSnapshot,
  resolved: readonly string[],
  found: ReadonlySet<string>,
  policy: Policy,
  messages: MessageCatalogue,
  now: number,
): FindingDrafts | undefined {
  if (FRAUD_CODES.some((code) => found.has(code))) return undefined;
  const seen = resolved.filter((code) => customerSaw(code, messages));
  if (seen.length === 0) return undefined;
  const surveyAt = addHours(now, policy.followUp.afterHours).getTime();
  const problems = messages.list(seen.map((code) => readOwn(messages.customer.problems, code) as string));
  return {
    codes: seen as FindingCode[],
    severity: 'low',
    dueAt: surveyAt,
    drafts: [
      {
        kind: 'follow_up_survey',
        params: { resolved: seen, surveyAt: new Date(surveyAt).toISOString() },
        owner: 'customer_service',
        key: seen,
        automatable: true,
        customerText: messages.customer.followUpSurvey({ orderId: order.id, problems, shopName: policy.shopName }),
      },
    ],
  };
}

/** Actions whose result takes time to show in the snapshot: money settling, goods moving, a system catching up. */
const ANSWERS: ReadonlySet<string> = new Set([
  'refund',
  'reship',
  'request_return',
  'recreate_order',
  'update_order_status',
  'retry_sync',
  'release_or_retry_reservation',
  'resync_inventory',
  'correct_address',
  'intercept_shipment',
  'transfer_stock',
  'urgent_restock',
  'urge_carrier',
  'carrier_claim',
]);

/**
 * When escalation resumes for a finding opened at `opened` (docs/lifecycle.md): a remedy recorded
 * done since then (a refund settling at the gateway, goods on their way back, a carrier asked
 * where the parcel is) pauses it until its result is due (`policy.followUp.resultDueHours`);
 * messages, reviews and escalations do not.
 *
 * @example
 * pausedUntil(order, opened, policy) //=> epoch ms, or undefined when nothing answers the finding
 */
export function pausedUntil(order: OrderSnapshot, opened: number, policy: Policy): number | undefined {
  let until: number | undefined;
  for (const a of doneActions(order)) {
    const at = parseTimestamp(a.at);
    if (!ANSWERS.has(a.kind) || at < opened) continue;
    const due = at + policy.followUp.resultDueHours * 3_600_000;
    if (until === undefined || due > until) until = due;
  }
  // Goods back since it opened are progress too: the refund they unlock is due next.
  for (const r of order.returns ?? []) {
    const at = parseTimestamp(r.at);
    if (at < opened || (r.status !== 'received' && r.status !== 'inspected')) continue;
    const due = at + policy.followUp.resultDueHours * 3_600_000;
    if (until === undefined || due > until) until = due;
  }
  return until;
}

function answered(order: OrderSnapshot, opened: number, now: number, policy: Policy): boolean {
  const until = pausedUntil(order, opened, policy);
  return until !== undefined && now < until;
}

/** A customer silent past the last reminder: a person takes the case up. */
function silentCustomer(finding: Finding, messages: MessageCatalogue, orderId: string): FindingDrafts {
  return {
    codes: [finding.code],
    severity: finding.severity,
    drafts: [
      {
        kind: 'escalate',
        params: { to: 'supervisor', reason: 'customer_silent' },
        owner: 'customer_service',
        key: [finding.code, 'customer_silent'],
        automatable: true,
        note: messages.internal.customerSilent({ orderId, code: finding.code }),
      },
    ],
  };
}

const REMEDIES: ReadonlySet<string> = new Set([
  'refund',
  'reship',
  'coupon',
  'points',
  'request_return',
  'cancel_order',
  'send_payment_link',
  'suggest_payment_retry',
  'recreate_order',
]);

/**
 * Whether the case is over for the customer: no remedy still planned, and no money captured on
 * a cancelled, closed or failed order still waiting to go back (docs/lifecycle.md, "Closure").
 */
function settled(order: OrderSnapshot, planned: readonly PlannedAction[]): boolean {
  if (planned.some((a) => REMEDIES.has(a.kind))) return false;
  // Never paid: no money, no parcel, nothing to ask how it went. Refunds still settling: not over yet.
  if (!order.payments.some((p) => p.status === 'succeeded' || p.status === 'refunded')) return false;
  if (stillOwed(order) !== undefined) return false;
  return true;
}

/** A problem the customer saw: not an internal system's, not fraud review, one the catalogue can name to them. */
function customerSaw(code: string, messages: MessageCatalogue): boolean {
  return !INTERNAL_CODES.has(code) && !FRAUD_CODES.includes(code as DetectorCode) && code !== 'REMARK_NEEDS_ATTENTION' && readOwn(messages.customer.problems, code) !== undefined;
}

/**
 * Money owed past `policy.followUp.resultDueHours` (a refund that never settled, a cancelled
 * order's money never refunded) keeps the case open: finance is brought in, naming the codes the
 * case holds open for it.
 */
function owedTooLong(
  order: OrderSnapshot,
  since: ReadonlyMap<string, number>,
  found: ReadonlySet<string>,
  policy: Policy,
  messages: MessageCatalogue,
  now: number,
): FindingDrafts | undefined {
  if (stillOwed(order) === undefined) return undefined;
  const held = [...since.keys()].filter((code) => !found.has(code)).sort();
  if (held.length === 0) return undefined;
  const began = held.reduce((min, code) => Math.min(min, since.get(code) as number), Infinity);
  if (now - owedSince(order, began) < policy.followUp.resultDueHours * 3_600_000) return undefined;
  return {
    codes: held as FindingCode[],
    severity: 'high',
    drafts: [
      {
        kind: 'escalate',
        params: { to: 'supervisor', reason: 'refund_unsettled' },
        owner: 'finance',
        key: ['refund_unsettled'],
        automatable: true,
        note: messages.internal.refundUnsettled({ orderId: order.id }),
      },
    ],
  };
}
