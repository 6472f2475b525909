import { addHours } from 'date-fns';
import { readOwn } from '../_lib/own-key.js';
import { parseTimestamp } from '../_lib/timestamp.js';
import type { DetectorCode } from '../detectors/registry.js';
import type { Finding } from '../findings/finding.js';
import type { MessageCatalogue } from '../messages/catalogue.js';
import { computeRefundableBalances } from '../money/refundable-balance.js';
import type { Policy } from '../policy/policy.js';
import { doneActions } from '../schema/recorded-actions.js';
import type { OrderSnapshot } from '../schema/snapshot.js';
import type { FindingCode } from './action.js';
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
  plan: { readonly silent: readonly string[]; readonly planned: readonly PlannedAction[] } = { silent: [], planned: [] },
): FindingDrafts[] {
  const since = openSince(order);
  const result: FindingDrafts[] = [];
  for (const finding of findings) {
    if (plan.silent.includes(finding.code)) result.push(silentCustomer(finding, messages, order.id));
    const opened = since.get(finding.code);
    if (opened === undefined || answered(order, opened, now, policy)) continue;
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
  const resolved = [...since.keys()].filter((code) => !found.has(code)).sort();
  const survey = settled(order, plan.planned) ? draftSurvey(order, resolved, found, policy, messages, now) : undefined;
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
  const seen = resolved.filter((code) => !INTERNAL_CODES.has(code) && !FRAUD_CODES.includes(code as DetectorCode) && readOwn(messages.customer.problems, code) !== undefined);
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

/**
 * Escalation pauses while the backend is acting (docs/lifecycle.md): an action recorded done
 * since the finding opened whose result is not yet due (`policy.followUp.resultDueHours`: a
 * refund settling at the gateway, a carrier answering a chase).
 */
function answered(order: OrderSnapshot, opened: number, now: number, policy: Policy): boolean {
  const due = policy.followUp.resultDueHours * 3_600_000;
  return doneActions(order).some((a) => {
    const at = parseTimestamp(a.at);
    return at >= opened && now - at < due;
  });
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
  if (order.status !== 'cancelled' && order.status !== 'closed' && order.status !== 'failed') return true;
  const ledger = computeRefundableBalances(order);
  return !ledger.blocked && ledger.payments.every((b) => b.refundable === 0);
}
