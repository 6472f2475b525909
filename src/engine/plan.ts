import type { FactContext, OrderFactRecord } from '../facts/derive-facts.js';
import type { Finding } from '../findings/finding.js';
import type { MessageCatalogue } from '../messages/catalogue.js';
import type { MessageKit } from '../messages/message-kit.js';
import type { Action } from '../playbooks/action.js';
import { draftCaseFollowUps } from '../playbooks/case-follow-up.js';
import { draftCompensation } from '../playbooks/compensation.js';
import { latestDecisions } from '../playbooks/decisions.js';
import { composeMessage, type Section } from '../playbooks/compose-message.js';
import { type FindingDrafts, finaliseActions, type PlannedAction } from '../playbooks/finalise-actions.js';
import { applyOrderApproval } from '../playbooks/order-approval.js';
import { applyPrecedence, type CodeDrafts, silencedCodes } from '../playbooks/precedence.js';
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
  const decisions = latestDecisions(order);
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

/**
 * Turns one order's findings into one plan (docs/playbooks.md): each finding's playbook drafts;
 * the precedence table silences or trims what other findings make pointless; the plan adds the
 * order's one compensation; actions are finalised (keys, `dueBy`, merging, dropping what
 * `actionsTaken` already did); every money action needs the approval the order's total money
 * out calls for; and the sections the findings contribute become one message to the customer,
 * announcing the plan's remedies with their own figures. Case follow-ups (escalation, the
 * survey) come last; a survey never goes out beside a message about an open problem.
 *
 * @example
 * planActions({ policy, messages }, { order, context, facts, hits, findings, kit })
 * //=> [{ kind: 'urge_carrier', ... }, { kind: 'contact_customer', params: { describes: [...] }, customerMessage: { ... } }]
 */
export function planActions(settings: PlanSettings, input: PlanInput): Action[] {
  const { policy, messages } = settings;
  const { order, facts, kit, context } = input;
  const situation = { found: new Set<string>(input.hits.map((h) => h.entry.code)), captured: facts['payments.succeededCount'] > 0 };
  const drafted = draftPlaybooks(settings, input);
  const silenced = silencedCodes(situation);
  const compensation = draftCompensation(
    order,
    policy,
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
  const followUps = draftCaseFollowUps(order, input.findings, policy, messages, context.now);
  const actions = applyOrderApproval(finaliseActions(order, work, policy, messages, kit, context.now), order, policy, context.now);
  const message = composeMessage({ order, facts, policy, messages, kit, sections, actions, found: situation.found });
  const told = message === undefined ? [] : finaliseActions(order, [message], policy, messages, kit, context.now);
  const later = finaliseActions(
    order,
    followUps.filter((f) => told.length === 0 || f.drafts.every((d) => d.kind !== 'follow_up_survey')),
    policy,
    messages,
    kit,
    context.now,
  );
  return merge([...actions, ...told], later).map(({ severity: _severity, ...action }) => action as Action);
}

/** Appends follow-ups, merging one whose key the plan already has (an escalation twice). */
function merge(actions: PlannedAction[], followUps: readonly PlannedAction[]): PlannedAction[] {
  const keys = new Set(actions.map((a) => a.idempotencyKey));
  return [...actions, ...followUps.filter((f) => !keys.has(f.idempotencyKey))];
}
