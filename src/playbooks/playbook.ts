import { readOwn } from '../_lib/own-key.js';
import type { FactContext, OrderFactRecord } from '../facts/derive-facts.js';
import type { MessageCatalogue } from '../messages/catalogue.js';
import type { MessageKit } from '../messages/message-kit.js';
import type { Policy } from '../policy/policy.js';
import type { Decision, OrderSnapshot } from '../schema/snapshot.js';
import type { EscalationRole } from '../vocabulary/approval-role.js';
import type { Owner } from '../vocabulary/owner.js';
import type { ActionKind, ActionParams } from './action.js';

/** What a playbook decides from: the order, its facts, the detector's thresholds, the policy. */
export interface PlaybookInput<T> {
  readonly order: OrderSnapshot;
  readonly facts: OrderFactRecord;
  readonly thresholds: T;
  readonly policy: Policy;
  readonly messages: MessageCatalogue;
  readonly kit: MessageKit;
  /** Epoch milliseconds. */
  readonly now: number;
  /** What the facts were derived with: settings, calendar, the prepared blacklist. */
  readonly context: FactContext;
  /** The latest decision about this finding's code (the customer's choice, a person's verdict), if any. */
  readonly decision?: Decision | undefined;
}

/**
 * What a playbook writes in an action's parameters: all of them, except what the plan stage
 * fills in for the whole order (a message's topics and the actions it describes).
 */
export type DraftParams<K extends ActionKind> = K extends 'contact_customer' ? Omit<ActionParams<K>, 'topics' | 'describes'> : ActionParams<K>;

interface DraftFields<K extends ActionKind> {
  readonly kind: K;
  readonly params: DraftParams<K>;
  readonly owner: Owner;
  /** What tells this action apart from others of its kind on the order (payment id, amount). */
  readonly key: readonly (string | number)[];
  /** Whether it may run without a person, before authority limits are applied. */
  readonly automatable: boolean;
  /** Money it moves, in the order's currency: decides `requiresApproval`. */
  readonly amount?: number;
  /** The whole message to the customer: set by the plan when it composes the order's one message, never by a playbook. */
  readonly customerText?: string;
  /** A note for staff; when absent, the locale's note for the kind is used. */
  readonly note?: string;
  /** Handle first: due on the SLA of the next severity up (VIP and high-value orders). */
  readonly priority?: 'high';
  /** A role whose approval the action needs whatever its amount (reporting to the police). */
  readonly approval?: EscalationRole;
}

/**
 * What a `contact_customer` draft adds: its section of the order's one message (what happened
 * and what we will do; no greeting, apology or remedy figures: the plan composes those).
 */
interface SectionFields {
  readonly section: string;
  /** The section only explains the finding's remedies (a refund, a reshipment): it goes when they are all done. */
  readonly withRemedies?: true;
}

/** An action before keys, due dates and approvals are filled in. */
export type ActionDraft = { [K in ActionKind]: DraftFields<K> & (K extends 'contact_customer' ? SectionFields : unknown) }[ActionKind];

/** True for orders handled first: VIP customers, and orders above the policy's high-value line. */
export function isPriorityOrder(input: Pick<PlaybookInput<unknown>, 'order' | 'policy'>): boolean {
  const line = readOwn(input.policy.priority.highValue, input.order.currency);
  return input.order.customer.tier === 'vip' || (line !== undefined && input.order.totals.payable >= line);
}

/** Turns one finding into the actions that resolve it. */
export type Playbook<T> = (input: PlaybookInput<T>) => ActionDraft[];
