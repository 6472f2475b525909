import { appendAll } from '../_lib/append-all.js';
import type { FactContext, OrderFactRecord } from '../facts/derive-facts.js';
import type { Finding } from '../findings/finding.js';
import type { MessageCatalogue } from '../messages/catalogue.js';
import type { MessageKit } from '../messages/message-kit.js';
import type { Action } from '../playbooks/action.js';
import { draftCaseFollowUps } from '../playbooks/case-follow-up.js';
import { openCompensationBudget } from '../playbooks/compensation.js';
import { type FindingDrafts, finaliseActions } from '../playbooks/finalise-actions.js';
import type { Policy } from '../policy/policy.js';
import type { OrderSnapshot } from '../schema/snapshot.js';
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

/**
 * Turns findings into actions: each finding's playbook drafts (sharing one compensation budget
 * per order), then follow-ups for open cases, all finalised together (idempotency keys, `dueBy`,
 * approval, merging, and dropping what `actionsTaken` already did).
 *
 * @example
 * planActions({ policy, messages }, { order, context, facts, hits, findings, kit })
 * //=> [{ kind: 'contact_customer', owner: 'customer_service', dueBy: '...', ... }]
 */
export function planActions(settings: PlanSettings, input: PlanInput): Action[] {
  const { policy, messages } = settings;
  const { order, context, facts, kit } = input;
  const compensation = openCompensationBudget({ order, policy });
  const drafts: FindingDrafts[] = input.hits.map((hit) => ({
    code: hit.entry.code,
    severity: hit.entry.compiled.detector.severity,
    drafts: hit.entry.playbook({
      order,
      facts,
      thresholds: hit.entry.playbookThresholds ?? hit.scoped.thresholds,
      policy,
      messages,
      kit,
      now: context.now,
      context,
      compensation,
    }),
  }));
  appendAll(drafts, draftCaseFollowUps(order, input.findings, policy, messages, context.now));
  return drafts.length === 0 ? [] : finaliseActions(order, drafts, policy, messages, kit, context.now);
}
