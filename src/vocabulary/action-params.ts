import type { ActionKind } from './action-kind.js';
import type { EscalationRole } from './approval-role.js';
import type { ExactlyKeyedBy } from './exhaustive.js';
import type { OrderStatus } from './order-status.js';
import type { Owner } from './owner.js';

/** Why a refund is recommended. */
export type RefundReason =
  | 'duplicate_payment'
  | 'overpayment'
  | 'package_lost'
  | 'package_damaged'
  | 'oversold'
  | 'refused_not_quality'
  | 'refused_quality_issue'
  | 'missing_item'
  | 'captured_not_refunded';

/** Why the customer is contacted. */
export type ContactReason =
  | 'oversold_choice'
  | 'ship_delay'
  | 'tracking_stalled'
  | 'delivery_delayed'
  | 'not_picked_up'
  | 'carrier_exception'
  | 'awaiting_pickup'
  | 'redelivery'
  | 'package_damaged'
  | 'package_lost'
  | 'wrong_item'
  | 'missing_item'
  | 'refusal_reason'
  | 'confirm_address'
  | 'confirm_phone'
  | 'payment_retry'
  | 'payment_link'
  | 'unpaid_cancelled'
  | 'duplicate_payment'
  | 'overpayment'
  | 'balance_due'
  | 'payment_confirmed'
  | 'claim_check'
  | 'refusal_refund'
  | 'order_recreated'
  | 'cannot_fulfil'
  | 'remedies'
  | 'choice_confirmed'
  | 'reminder'
  | 'captured_refund'
  | 'refund_failed'
  | 'payment_voucher';

/** Channels a customer can be reached on; `in_app` is the shop's app or marketplace chat. */
export type ContactChannel = 'phone' | 'sms' | 'email' | 'in_app';

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
  | 'rapid_repeat_orders'
  | 'claim_unverified'
  | 'approval_rejected'
  | 'refund_failed'
  | 'payment_claimed';

/** The parcel an action is about. */
export interface ParcelRef {
  shipmentId: string;
  carrier: string;
  trackingNumber: string;
}

/**
 * The parameters of each action kind: one entry per kind of {@link ActionKind}, so a new kind
 * is a type error here until its parameters are written down.
 */
export type ActionParamsByKind = ExactlyKeyedBy<
  ActionKind,
  {
    /** Return `amount` of payment `paymentId` to its original `method`. */
    refund: { paymentId: string; amount: number; currency: string; method: string; reason: RefundReason };
    /** Send the customer a link to pay `amount`: the whole order, or the balance still owed. */
    send_payment_link: { amount: number; currency: string; purpose: 'order' | 'balance'; expiresAt?: string };
    /** Invite the customer to retry a failed payment or use another method. */
    suggest_payment_retry: { paymentId: string; failureReason?: string; holdUntil: string; otherMethods: string[] };
    /** Cancel the order. */
    cancel_order: { reason: 'unpaid_timeout' | 'blacklisted' | 'coupon_abuse' | 'customer_cancelled' };
    /** Do not ship until the reason is cleared. */
    hold_shipment: { reason: HoldReason; amount?: number; currency?: string };
    /** Move the order to another status. */
    update_order_status: {
      from: OrderStatus;
      to: OrderStatus;
      paymentIds: string[];
      /** Whether the order may go on to fulfilment: false while another finding holds it (docs/playbooks.md). */
      release: boolean;
    };
    /** Open an incident for the tech team. */
    tech_incident: {
      system: string;
      reason: 'payment_callback' | 'order_creation' | 'sync_failures' | 'kpi_collapse';
      paymentIds?: string[];
      minutesLate?: number;
      failuresInARow?: number;
    };
    /** Ask a person to review the order before anything else happens. */
    manual_review: { reason: ReviewReason; details?: string[] };
    /** Get more of a SKU in, fast. */
    urgent_restock: { sku: string; units: number };
    /** Move stock of a SKU from a warehouse that has it. */
    transfer_stock: { sku: string; units: number; fromWarehouse: string };
    /**
     * The order's one message to the customer (docs/playbooks.md, "One voice"): `reason` is its
     * main topic, `topics` every topic it covers, `channels` where to send it (never one a finding
     * says is broken), `options` the choices offered, if any, and `describes` the idempotency keys
     * of the actions it announces.
     */
    contact_customer: { reason: ContactReason; topics: ContactReason[]; channels: ContactChannel[]; options?: string[]; describes: string[] };
    /** Reserve stock again (releasing a failed or partial reservation first). */
    release_or_retry_reservation: { skus: string[] };
    /** Re-sync stock figures between the warehouse and the sales channels. */
    resync_inventory: { skus: string[] };
    /** Retry the order's sync to a system. */
    retry_sync: { system: string };
    /** Raise the matter: to a team (not shipped on time), or up the escalation levels (open too long). */
    escalate: {
      to: Owner | EscalationRole;
      reason: string;
      openMinutes?: number;
    };
    /** Chase the carrier about a parcel. */
    urge_carrier: ParcelRef;
    /** Claim compensation from the carrier; never delays the customer's remedy. */
    carrier_claim: ParcelRef & { reason: 'lost' | 'damaged' };
    /** Send the goods again. */
    reship: { items: { sku: string; quantity: number }[]; reason: 'package_lost' | 'package_damaged' | 'wrong_item' | 'missing_item' };
    /** Start a return: the goods come back to be inspected before a full refund (a quality refusal), or the wrong item sent comes back (an exchange). */
    request_return: { shipmentId?: string; reason: 'refused_quality_issue' | 'wrong_item' };
    /** Correct the address before the parcel leaves. */
    correct_address: { reason: 'address_invalid' };
    /** Stop a parcel already on its way, to redirect it (any fee agreed with the customer). */
    intercept_shipment: ParcelRef & { reason: 'address_invalid' };
    /** Create the order again from the snapshot (the customer's payment stays with it). */
    recreate_order: { paymentIds: string[] };
    /** Loyalty points worth `amount` minor units (counted against the compensation cap), valid `validDays` when given. */
    points: { amount: number; currency?: string; validDays?: number };
    /** An apology coupon for the finding `reason`. */
    coupon: { amount: number; currency: string; validDays: number; reason: string };
    /** Add the buyer's identifiers to the blacklist (repeat offenders). */
    add_to_blacklist: { customerIds?: string[]; phones?: string[]; addresses?: string[]; devices?: string[] };
    /** Report the order to the authorities (severe fraud only). */
    report_to_authorities: { reason: 'blacklisted_high_value'; amount: number; currency: string };
    /** Ask the customer how the handling went, after resolution. */
    follow_up_survey: { resolved: string[]; surveyAt: string };
  }
>;

/** Parameters of an action kind. */
export type ActionParams<K extends ActionKind> = ActionParamsByKind[K];
