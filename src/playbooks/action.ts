import type { Owner } from '../detectors/detector.js';
import type { DetectorCode } from '../detectors/registry.js';
import type { ApprovalRole } from '../policy/approval.js';
import type { OrderStatus } from '../schema/snapshot.js';

/** Every kind of action a playbook may recommend (SPEC §2). */
export const ACTION_KINDS = [
  'send_payment_link',
  'suggest_payment_retry',
  'refund',
  'update_order_status',
  'hold_shipment',
  'reship',
  'coupon',
  'points',
  'contact_customer',
  'correct_address',
  'intercept_shipment',
  'urge_carrier',
  'carrier_claim',
  'urgent_restock',
  'transfer_stock',
  'release_or_retry_reservation',
  'resync_inventory',
  'retry_sync',
  'recreate_order',
  'cancel_order',
  'manual_review',
  'add_to_blacklist',
  'report_to_authorities',
  'escalate',
  'tech_incident',
  'follow_up_survey',
] as const;

/** A kind of action. */
export type ActionKind = (typeof ACTION_KINDS)[number];

/** Why a refund is recommended. */
export type RefundReason = 'duplicate_payment' | 'overpayment';

/** The parameters of each action kind, for the kinds whose parameters are fixed. */
export interface ActionParamsByKind {
  /** Return `amount` of payment `paymentId` to its original `method`. */
  refund: { paymentId: string; amount: number; currency: string; method: string; reason: RefundReason };
  /** Send the customer a link to pay `amount`: the whole order, or the balance still owed. */
  send_payment_link: { amount: number; currency: string; purpose: 'order' | 'balance'; expiresAt?: string };
  /** Invite the customer to retry a failed payment or use another method. */
  suggest_payment_retry: { paymentId: string; failureReason?: string; holdUntil: string; otherMethods: string[] };
  /** Cancel the order. */
  cancel_order: { reason: 'unpaid_timeout' };
  /** Do not ship until the condition is met. */
  hold_shipment: { reason: 'balance_due'; amount: number; currency: string };
  /** Move the order to another status. */
  update_order_status: { from: OrderStatus; to: OrderStatus; paymentIds: string[] };
  /** Open an incident for the tech team. */
  tech_incident: { system: 'payment_callback'; paymentIds: string[]; minutesLate: number };
  /** Ask a person to review the order before anything else happens. */
  manual_review: { reason: 'refund_ledger_unclear' };
}

/** Parameters of an action kind. */
export type ActionParams<K extends ActionKind> = K extends keyof ActionParamsByKind
  ? ActionParamsByKind[K]
  : Readonly<Record<string, unknown>>;

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
  /** The finding codes it resolves. */
  readonly because: DetectorCode[];
  /** Whether a backend may run it without a person deciding. */
  readonly automatable: boolean;
  /** What to tell the customer, when the action tells them anything. */
  readonly customerMessage?: CustomerMessage;
  /** A note for the staff who carry it out. */
  readonly note?: string;
}

/** One playbook step, discriminated by `kind` so `params` narrows. */
export type Action = { [K in ActionKind]: ActionFields<K> }[ActionKind];
