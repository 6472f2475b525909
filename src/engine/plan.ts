import type { Issue } from '../errors.js';
import type { FactContext, OrderFactRecord } from '../facts/derive-facts.js';
import type { Finding } from '../findings/finding.js';
import type { MessageCatalogue } from '../messages/catalogue.js';
import type { MessageKit } from '../messages/message-kit.js';
import type { Action, FindingCode } from '../playbooks/action.js';
import { applyApprovalDecisions, decisionWarnings } from '../playbooks/approval-decisions.js';
import { draftCaseFollowUps } from '../playbooks/case-follow-up.js';
import { returnAwaitedSince } from '../playbooks/closure.js';
import { draftCompensation } from '../playbooks/compensation.js';
import { composeMessage, type Section } from '../playbooks/compose-message.js';
import { latestDecisions } from '../playbooks/decisions.js';
import { type FindingDrafts, finaliseActions, type PlannedAction, recordedAttempts } from '../playbooks/finalise-actions.js';
import { applyOrderApproval } from '../playbooks/order-approval.js';
import { applyPrecedence, type CodeDrafts, type PrecedenceSituation, silencedCodes } from '../playbooks/precedence.js';
import { runTimers } from '../playbooks/timers.js';
import { type Told, toldBefore } from '../playbooks/told.js';
import type { Policy } from '../policy/policy.js';
import type { OrderSnapshot } from '../schema/snapshot.js';
import type { Severity } from '../vocabulary/severity.js';
import type { Hit } from './detect.js';

/** What planning reads of the triage: its policy and messages. */
export interface PlanSettings {
  readonly policy: Policy;
  readonly messages: MessageCatalogue;
}

/** One order's findings and what planning needs to act on them. */
export interface PlanInput {
  readonly order: OrderSnapshot;
  readonly context: FactContext;
  readonly facts: OrderFactRecord;
  /** The hits reported, in the order of `findings`. */
  readonly hits: readonly Hit[];
  readonly findings: readonly Finding[];
  /** The message kit in the order's currency and the options' time zone. */
  readonly kit: MessageKit;
}

/** Each finding's playbook drafts, in the order of the findings. */
function draftPlaybooks(settings: PlanSettings, input: PlanInput): (CodeDrafts & { severity: Severity })[] {
  const { order, context, facts, kit } = input;
  const decisions = latestDecisions(order, context.now);
  return input.hits.map((hit) => ({
    code: hit.entry.code,
    severity: hit.entry.compiled.detector.severity,
    drafts: hit.entry.playbook({
      order,
      facts,
      thresholds: hit.entry.playbookThresholds ?? hit.scoped.thresholds,
      policy: settings.policy,
      messages: settings.messages,
      kit,
      now: context.now,
      context,
      decision: decisions.get(hit.entry.code),
    }),
  }));
}

/** One order's plan: its actions, what was tolerated, and what the case record needs. */
export interface Plan {
  readonly actions: Action[];
  readonly warnings: Issue[];
  /** The sections the findings contributed: their topics, and whether they ask the customer to choose. */
  readonly sections: readonly Section[];
  /** Codes whose customer stayed silent past the last reminder. */
  readonly silent: readonly FindingCode[];
  /** What earlier messages told (read once, for the case record too). */
  readonly told: Told;
}

/**
 * Turns one order's findings into one plan (docs/playbooks.md): each finding's playbook drafts
 * (following the decisions on record); the precedence table silences or trims what other
 * findings make pointless; the plan adds the order's one compensation; actions are finalised
 * (keys, `dueBy`, merging, dropping what `actionsTaken` did, retrying what failed); every money
 * action needs the approval the order's total money out calls for, unless a person approved it;
 * and the sections the findings contribute become one message, with the timers' reminders and
 * updates (docs/lifecycle.md). Case follow-ups (escalation, the survey) come last.
 *
 * @example
 * planActions({ policy, messages }, { order, context, facts, hits, findings, kit }).actions
 * //=> [{ kind: 'urge_carrier', ... }, { kind: 'contact_customer', params: { describes: [...] }, customerMessage: { ... } }]
 */
export function planActions(settings: PlanSettings, input: PlanInput): Plan {
  const { policy, messages } = settings;
  const { order, facts, kit, context } = input;
  const situation = { found: new Set<string>(input.hits.map((h) => h.entry.code)), captured: facts['payments.succeededCount'] > 0 };
  const { sections, work } = draftWork(settings, input, situation);
  const told = toldBefore(order);
  const attempts = recordedAttempts(order);
  const timers = runTimers(sections, told, policy, context.now);
  const decided = applyApprovalDecisions(
    applyOrderApproval(finaliseActions(order, work, policy, messages, kit, context.now, attempts), order, policy, context.now),
    order,
    context.now,
  );
  const actions = [...decided.actions, ...finaliseActions(order, decided.rejected, policy, messages, kit, context.now, attempts)];
  const message = composeMessage({ order, facts, policy, messages, kit, sections, actions, found: situation.found, told, timers });
  const spoken = message === undefined ? [] : finaliseActions(order, [message], policy, messages, kit, context.now, attempts);
  // Waiting on the customer's answer (reminders run) or on goods coming back: not escalated meanwhile.
  const asked = sections.filter((s) => (s.draft.params.options?.length ?? 0) > 0 && told.topics.has(s.draft.params.reason)).map((s) => s.code as string);
  const awaited = context.now - returnAwaitedSince(order) < policy.followUp.resultDueHours * 3_600_000;
  const returning = awaited && situation.found.has('DELIVERY_REFUSED') && !actions.some((a) => a.because.includes('DELIVERY_REFUSED')) ? ['DELIVERY_REFUSED'] : [];
  const waiting = new Set([...asked, ...returning].filter((code) => !timers.silent.includes(code as FindingCode)));
  const followUps = draftCaseFollowUps(order, input.findings, policy, messages, context.now, { silent: timers.silent, planned: actions, waiting });
  const later = finaliseActions(
    order,
    followUps.filter((f) => spoken.length === 0 || f.drafts.every((d) => d.kind !== 'follow_up_survey')),
    policy,
    messages,
    kit,
    context.now,
    attempts,
  );
  const all = merge([...actions, ...spoken], later);
  return {
    actions: all.map(({ severity: _severity, ...action }) => action as Action),
    warnings: [...decided.warnings, ...decisionWarnings(order, situation.found, all, context.now, policy.followUp.customerReplyHours * 3_600_000)],
    sections,
    silent: timers.silent,
    told,
  };
}

/** The playbooks' drafts after precedence and the one compensation: sections apart, the rest to finalise. */
function draftWork(settings: PlanSettings, input: PlanInput, situation: PrecedenceSituation): { sections: Section[]; work: FindingDrafts[] } {
  const drafted = draftPlaybooks(settings, input);
  const silenced = silencedCodes(situation);
  const compensation = draftCompensation(
    input.order,
    settings.policy,
    drafted.filter((d) => !silenced.has(d.code)),
  );
  const planned: CodeDrafts[] = [...drafted, ...(compensation === undefined ? [] : [{ code: compensation.because[0] as string, drafts: [compensation.draft] }])];
  const kept = applyPrecedence(planned, situation);
  const severityOf = new Map(drafted.map((d) => [d.code as string, d.severity]));
  const sections: Section[] = [];
  const work: FindingDrafts[] = [];
  kept.forEach(({ code, drafts }, i) => {
    const severity = severityOf.get(code) ?? 'low';
    const own = i === drafted.length && compensation !== undefined ? compensation.because : [code];
    for (const draft of drafts) if (draft.kind === 'contact_customer') sections.push({ code, severity, draft });
    work.push({ codes: own, severity, drafts: drafts.filter((d) => d.kind !== 'contact_customer') });
  });
  return { sections, work };
}

/** Appends follow-ups, merging one whose key the plan already has (an escalation twice). */
function merge(actions: PlannedAction[], followUps: readonly PlannedAction[]): PlannedAction[] {
  const keys = new Set(actions.map((a) => a.idempotencyKey));
  return [...actions, ...followUps.filter((f) => !keys.has(f.idempotencyKey))];
}
