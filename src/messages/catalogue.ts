import type { DetectorCode } from '../detectors/registry.js';
import type { OrderFactRecord } from '../facts/derive-facts.js';
import type { OrderSnapshot } from '../schema/snapshot.js';
import type { BatchCode } from '../vocabulary/batch-code.js';
import type { CustomerTexts } from './customer-texts.js';
import type { MessageKit } from './message-kit.js';

/** What a finding's summary is written from. */
export interface SummaryInput {
  readonly order: OrderSnapshot;
  readonly facts: OrderFactRecord;
  readonly kit: MessageKit;
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
  /** A carrier's name as people know it (SF → 顺丰速运); unknown carriers are shown as given. */
  readonly carrierName: (carrier: string) => string;
  /** A product name set off in running text: 「纯棉T恤 M」, “Cotton T-shirt M”. */
  readonly productName: (name: string) => string;
  /** A span of minutes in hours or days: "2 days 1 hour", "2天1小时". */
  readonly duration: (minutes: number) => string;
  /** The order's one message to the customer, in parts (docs/messages.md). */
  readonly customer: CustomerTexts;
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
