import type { FindingCode } from '../findings/finding.js';
import type { ActionKind } from '../vocabulary/action-kind.js';
import type { ActionParams } from '../vocabulary/action-params.js';
import type { ApprovalRole } from '../vocabulary/approval-role.js';
import type { Owner } from '../vocabulary/owner.js';

export type { FindingCode } from '../findings/finding.js';
export { ACTION_KINDS, type ActionKind } from '../vocabulary/action-kind.js';
export type {
  ActionParams,
  ActionParamsByKind,
  ContactReason,
  HoldReason,
  ParcelRef,
  RefundReason,
  ReviewReason,
} from '../vocabulary/action-params.js';

/** A text for the customer, in the triage's locale. */
export interface CustomerMessage {
  readonly locale: string;
  readonly text: string;
}

interface ActionFields<K extends ActionKind> {
  readonly kind: K;
  readonly params: ActionParams<K>;
  /** The team that carries it out. */
  readonly owner: Owner;
  /** When it must be done by (ISO 8601, UTC): now + the SLA of the most severe finding behind it. */
  readonly dueBy: string;
  /** The role whose approval it needs, or `none`. */
  readonly requiresApproval: ApprovalRole;
  /** Stable for the same order state; distinct for distinct actions. Store it with what you did. */
  readonly idempotencyKey: string;
  /** The finding codes it resolves (for a follow-up survey: the codes that were resolved). */
  readonly because: FindingCode[];
  /** Whether a backend may run it without a person deciding. */
  readonly automatable: boolean;
  /** What to tell the customer, when the action tells them anything. */
  readonly customerMessage?: CustomerMessage;
  /** A note for the staff who carry it out, in the triage's locale, with the action's real figures. */
  readonly note: string;
}

/** One playbook step, discriminated by `kind` so `params` narrows. */
export type Action = { [K in ActionKind]: ActionFields<K> }[ActionKind];
