import type { Owner } from '../detectors/detector.js';
import type { FactContext, OrderFactRecord } from '../facts/derive-facts.js';
import type { MessageCatalogue } from '../messages/catalogue.js';
import type { MessageKit } from '../messages/message-kit.js';
import type { Policy } from '../policy/policy.js';
import type { OrderSnapshot } from '../schema/snapshot.js';
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
}

interface DraftFields<K extends ActionKind> {
  readonly kind: K;
  readonly params: ActionParams<K>;
  readonly owner: Owner;
  /** What tells this action apart from others of its kind on the order (payment id, amount). */
  readonly key: readonly (string | number)[];
  /** Whether it may run without a person, before authority limits are applied. */
  readonly automatable: boolean;
  /** Money it moves, in the order's currency: decides `requiresApproval`. */
  readonly amount?: number;
  readonly customerText?: string;
  readonly note?: string;
}

/** An action before keys, due dates and approvals are filled in. */
export type ActionDraft = { [K in ActionKind]: DraftFields<K> }[ActionKind];

/** Turns one finding into the actions that resolve it. */
export type Playbook<T> = (input: PlaybookInput<T>) => ActionDraft[];
