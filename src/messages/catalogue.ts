import type { DetectorCode } from '../detectors/registry.js';
import type { OrderFactRecord } from '../facts/derive-facts.js';
import type { OrderSnapshot } from '../schema/snapshot.js';
import type { BatchCode } from '../vocabulary/batch-code.js';
import type { MessageKit } from './message-kit.js';

/** What a finding's summary is written from. */
export interface SummaryInput {
  readonly order: OrderSnapshot;
  readonly facts: OrderFactRecord;
  readonly kit: MessageKit;
}

/** Figures of a refund message. */
export interface RefundMessageInput {
  readonly orderId: string;
  readonly amount: string;
  readonly method: string;
  readonly paidAt: string;
  readonly payable: string;
  readonly paid: string;
  readonly etaMinDays: number;
  readonly etaMaxDays: number;
  readonly reason: 'duplicate_payment' | 'overpayment';
}

/**
 * Every text order-triage writes in one locale: finding summaries, investigation checklists
 * (准), customer messages (暖: first notice, explanation, what we do, by when,
 * an apology) and internal notes for staff.
 */
export interface MessageCatalogue {
  /** BCP 47 tag, used for number and date formatting too. */
  readonly locale: string;
  readonly summaries: { readonly [C in DetectorCode]: (input: SummaryInput) => string };
  readonly checklists: { readonly [C in DetectorCode]: readonly string[] };
  /** Cross-order findings: a summary and where to look first, per code. */
  readonly batch: {
    readonly summaries: { readonly [C in BatchCode]: (m: { orders: number; accounts: number; on: string; value: string }) => string };
    readonly checklists: { readonly [C in BatchCode]: readonly string[] };
  };
  /** The summary of a user rule's finding when the rule gives none for this locale. */
  readonly ruleSummary: (m: { orderId: string; code: string; ruleName: string }) => string;
  /** A payment method's name as customers know it; unknown methods are shown as given. */
  readonly paymentMethod: (method: string) => string;
  /** A list joined the way this locale joins lists ("A, B and C"; "A、B和C"). */
  readonly list: (items: readonly string[]) => string;
  /** "another method such as X or Y", from method names already in this locale. */
  readonly alternatives: (methodNames: readonly string[]) => string;
  /** A gateway failure reason in plain words, or undefined when it is not one we know. */
  readonly failureReason: (reason: string) => string | undefined;
  readonly customer: {
    readonly paymentRetry: (m: { orderId: string; amount: string; failedAt: string; reason: string | undefined; holdUntil: string; otherMethods: string }) => string;
    readonly paymentLink: (m: { orderId: string; amount: string; holdUntil: string }) => string;
    readonly unpaidCancelled: (m: { orderId: string; amount: string; hours: number }) => string;
    readonly refund: (m: RefundMessageInput) => string;
    readonly balanceDue: (m: { orderId: string; payable: string; paid: string; shortfall: string }) => string;
    readonly paymentConfirmed: (m: { orderId: string; amount: string }) => string;
    readonly oversoldChoice: (m: { orderId: string; items: string; coupon: string | undefined }) => string;
    readonly shipDelay: (m: { orderId: string; coupon: string | undefined }) => string;
    readonly trackingStalled: (m: { orderId: string; carrier: string; trackingNumber: string }) => string;
    readonly deliveryDelayed: (m: { orderId: string; carrier: string; trackingNumber: string; coupon: string | undefined }) => string;
    readonly lostReship: (m: { orderId: string; coupon: string | undefined }) => string;
    readonly lostChoice: (m: { orderId: string; coupon: string | undefined }) => string;
    readonly lostRefund: (m: { orderId: string; amount: string; method: string; coupon: string | undefined }) => string;
    readonly damaged: (m: { orderId: string; coupon: string | undefined }) => string;
    readonly refusalReason: (m: { orderId: string }) => string;
    readonly confirmAddress: (m: { orderId: string; shipped: boolean }) => string;
    readonly confirmPhone: (m: { orderId: string }) => string;
    readonly orderRecreated: (m: { orderId: string; amount: string }) => string;
    readonly cannotFulfil: (m: { orderId: string }) => string;
    readonly refusedRefund: (m: { orderId: string; amount: string; deduction: string | undefined; quality: boolean }) => string;
    readonly followUpSurvey: (m: { orderId: string }) => string;
  };
  /**
   * A note for the staff who carry out an action, from its kind and parameters (money already
   * formatted by `kit`). Used when the playbook gives no more specific note.
   */
  readonly staffNote: (action: { orderId: string; kind: string; params: Readonly<Record<string, unknown>>; kit: MessageKit }) => string;
  readonly internal: {
    readonly holdForBalance: (m: { orderId: string; shortfall: string }) => string;
    readonly callbackIncident: (m: { orderId: string; paymentIds: string; minutes: number }) => string;
    readonly statusUpdate: (m: { orderId: string; paymentIds: string }) => string;
    readonly restock: (m: { orderId: string; sku: string; units: number }) => string;
    readonly shipLate: (m: { orderId: string }) => string;
    readonly remark: (m: { orderId: string; remark: string }) => string;
    readonly escalation: (m: { orderId: string; code: string; minutes: number; to: string }) => string;
    readonly blacklistRepeater: (m: { orderId: string; matchedOn: string }) => string;
    readonly reportFraud: (m: { orderId: string; amount: string }) => string;
  };
}
