import type { Owner } from '../detectors/detector.js';
import type { DetectorCode } from '../detectors/registry.js';
import type { ApprovalRole } from '../policy/approval.js';
import type { OrderStatus } from '../schema/snapshot.js';

/** Every kind of action a playbook may recommend (docs/playbooks.md). */
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
export type RefundReason = 'duplicate_payment' | 'overpayment' | 'package_lost' | 'refused_not_quality' | 'refused_quality_issue';

/** Why the customer is contacted. */
export type ContactReason =
  | 'oversold_choice'
  | 'ship_delay'
  | 'tracking_stalled'
  | 'delivery_delayed'
  | 'package_damaged'
  | 'package_lost'
  | 'refusal_reason'
  | 'confirm_address'
  | 'confirm_phone';

/** Why a shipment is held. */
export type HoldReason = 'balance_due' | 'address_unverified' | 'phone_unverified' | 'fraud_review';

/** What a person is asked to review. */
export type ReviewReason =
  | 'refund_ledger_unclear'
  | 'remark_requests'
  | 'reservation_failed'
  | 'blacklisted'
  | 'suspicious_new_account'
  | 'abnormal_quantity'
  | 'rule_matched'
  | 'shared_address_cluster'
  | 'shared_contact_cluster'
  | 'rapid_repeat_orders';

/** The parcel an action is about. */
export interface ParcelRef {
  shipmentId: string;
  carrier: string;
  trackingNumber: string;
}

/** The parameters of each action kind, for the kinds whose parameters are fixed. */
export interface ActionParamsByKind {
  /** Return `amount` of payment `paymentId` to its original `method`. */
  refund: { paymentId: string; amount: number; currency: string; method: string; reason: RefundReason };
  /** Send the customer a link to pay `amount`: the whole order, or the balance still owed. */
  send_payment_link: { amount: number; currency: string; purpose: 'order' | 'balance'; expiresAt?: string };
  /** Invite the customer to retry a failed payment or use another method. */
  suggest_payment_retry: { paymentId: string; failureReason?: string; holdUntil: string; otherMethods: string[] };
  /** Cancel the order. */
  cancel_order: { reason: 'unpaid_timeout' | 'blacklisted' | 'coupon_abuse' };
  /** Do not ship until the reason is cleared. */
  hold_shipment: { reason: HoldReason; amount?: number; currency?: string };
  /** Move the order to another status. */
  update_order_status: { from: OrderStatus; to: OrderStatus; paymentIds: string[] };
  /** Open an incident for the tech team. */
  tech_incident: { system: string; reason: 'payment_callback' | 'order_creation' | 'sync_failures' | 'kpi_collapse'; paymentIds?: string[]; minutesLate?: number; failuresInARow?: number };
  /** Ask a person to review the order before anything else happens. */
  manual_review: { reason: ReviewReason; details?: string[] };
  /** Get more of a SKU in, fast. */
  urgent_restock: { sku: string; units: number };
  /** Move stock of a SKU from a warehouse that has it. */
  transfer_stock: { sku: string; units: number; fromWarehouse: string };
  /** Reach the customer; `options` are the choices offered, if any. */
  contact_customer: { reason: ContactReason; channels: ('phone' | 'sms' | 'email')[]; options?: string[] };
  /** Reserve stock again (releasing a failed or partial reservation first). */
  release_or_retry_reservation: { skus: string[] };
  /** Re-sync stock figures between the warehouse and the sales channels. */
  resync_inventory: { skus: string[] };
  /** Retry the order's sync to a system. */
  retry_sync: { system: string };
  /** Raise the matter: to a team (not shipped on time), or up the escalation levels (open too long). */
  escalate: {
    to: 'warehouse' | 'logistics' | 'customer_service' | 'finance' | 'tech' | 'risk' | 'supervisor' | 'manager' | 'executive';
    reason: string;
    openMinutes?: number;
  };
  /** Chase the carrier about a parcel. */
  urge_carrier: ParcelRef;
  /** Claim compensation from the carrier; never delays the customer's remedy. */
  carrier_claim: ParcelRef & { reason: 'lost' | 'damaged' };
  /** Send the goods again. */
  reship: { items: { sku: string; quantity: number }[]; reason: 'package_lost' };
  /** Correct the address before the parcel leaves. */
  correct_address: { reason: 'address_invalid' };
  /** Stop a parcel already on its way, to redirect it (any fee agreed with the customer). */
  intercept_shipment: ParcelRef & { reason: 'address_invalid' };
  /** Create the order again from the snapshot (the customer's payment stays with it). */
  recreate_order: { paymentIds: string[] };
  /** An apology coupon for the finding `reason`. */
  coupon: { amount: number; currency: string; validDays: number; reason: string };
  /** Add the buyer's identifiers to the blacklist (repeat offenders). */
  add_to_blacklist: { customerIds?: string[]; phones?: string[]; addresses?: string[]; devices?: string[] };
  /** Report the order to the authorities (severe fraud only). */
  report_to_authorities: { reason: 'blacklisted_high_value'; amount: number; currency: string };
  /** Ask the customer how the handling went, after resolution. */
  follow_up_survey: { resolved: string[]; surveyAt: string };
}

/** Parameters of an action kind. */
export type ActionParams<K extends ActionKind> = K extends keyof ActionParamsByKind
  ? ActionParamsByKind[K]
  : Readonly<Record<string, unknown>>;

/** A finding code: a built-in one, or one the caller's own records or rules name. */
export type FindingCode = DetectorCode | (string & {});

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
