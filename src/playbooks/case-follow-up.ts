import { addHours } from 'date-fns';
import { readOwn } from '../_lib/own-key.js';
import { parseTimestamp } from '../_lib/timestamp.js';
import type { DetectorCode } from '../detectors/registry.js';
import type { Finding } from '../findings/finding.js';
import type { MessageCatalogue } from '../messages/catalogue.js';
import type { Policy } from '../policy/policy.js';
import type { OrderSnapshot } from '../schema/snapshot.js';
import type { FindingCode } from './action.js';
import { INTERNAL_CODES } from './compensation.js';
import type { FindingDrafts } from './finalise-actions.js';
import { FRAUD_CODES } from './precedence.js';

/** Since when each code has been open, per the backend's case record (the earliest entry wins). */
export function openSince(order: OrderSnapshot): Map<string, number> {
  const since = new Map<string, number>();
  for (const open of order.openFindings ?? []) {
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
export function draftCaseFollowUps(order: OrderSnapshot, findings: readonly Finding[], policy: Policy, messages: MessageCatalogue, now: number): FindingDrafts[] {
  const since = openSince(order);
  const result: FindingDrafts[] = [];
  for (const finding of findings) {
    const opened = since.get(finding.code);
    if (opened === undefined) continue;
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
  const survey = draftSurvey(order, resolved, found, policy, messages, now);
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
