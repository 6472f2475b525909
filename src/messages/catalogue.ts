import type { DetectorCode } from '../detectors/registry.js';
import type { OrderFactRecord } from '../facts/derive-facts.js';
import type { OrderSnapshot } from '../schema/snapshot.js';
import type { BatchCode } from '../vocabulary/batch-code.js';
import type { CustomerTexts } from './customer-texts.js';
import type { LabelValue, LabelVocabulary } from './labels.js';
import type { MessageKit } from './message-kit.js';
import type { CountUnit } from './units.js';

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
  /**
   * A carrier as people know it, looked up case-insensitively; an unknown carrier is shown as
   * given. The triage's `carrierNames` option is looked up first.
   *
   * @example
   * messageCatalogues['zh-CN'].carrierName('sf') //=> '顺丰速运'
   * messageCatalogues.en.carrierName('ZTO') //=> 'ZTO Express'
   * messageCatalogues.en.carrierName('XYZ') //=> 'XYZ'
   */
  readonly carrierName: (carrier: string) => string;
  /**
   * A product's name set off from the sentence around it, as this locale does.
   *
   * @example
   * messageCatalogues['zh-CN'].productName('纯棉T恤 M') //=> '「纯棉T恤 M」'
   * messageCatalogues.en.productName('Cotton T-shirt M') //=> '“Cotton T-shirt M”'
   */
  readonly productName: (name: string) => string;
  /**
   * A span of minutes in the largest units that read naturally: minutes under an hour, hours
   * (and minutes) under a day, then days (and hours). Never "2975 minutes".
   *
   * @example
   * messageCatalogues.en.duration(2975) //=> '2 days 1 hour'
   * messageCatalogues['zh-CN'].duration(45) //=> '45分钟'
   */
  readonly duration: (minutes: number) => string;
  /**
   * `n` of a unit, with this locale's plural (en, by `Intl.PluralRules`) or measure word (zh-CN).
   *
   * @example
   * messageCatalogues.en.count(1, 'item') //=> '1 item'
   * messageCatalogues['zh-CN'].count(2, 'unit') //=> '2 件'
   */
  readonly count: (n: number, unit: CountUnit) => string;
  /**
   * An exception code's name (per-order and cross-order codes); an unknown code (a user rule's)
   * is shown as given.
   *
   * @example
   * messageCatalogues['zh-CN'].codeName('DUPLICATE_PAYMENT') //=> '重复扣款'
   * messageCatalogues.en.codeName('MY_RULE') //=> 'MY_RULE'
   */
  readonly codeName: (code: string) => string;
  /**
   * The name of a vocabulary value (a hold or review reason, a role, a team, a status, a
   * channel, an option, a system); an unknown value is shown as given.
   *
   * @example
   * messageCatalogues.en.label('holdReason', 'address_unverified') //=> 'the address is not verified'
   * messageCatalogues['zh-CN'].label('escalationRole', 'manager') //=> '经理'
   */
  readonly label: <V extends LabelVocabulary>(vocabulary: V, value: LabelValue<V>) => string;
  /** The order's one message to the customer, in parts (docs/messages.md). */
  readonly customer: CustomerTexts;
  /**
   * A note for the staff who carry out an action, from its kind and parameters (money already
   * formatted by `kit`). Used when the playbook gives no more specific note.
   */
  readonly staffNote: (action: { orderId: string; kind: string; params: Readonly<Record<string, unknown>>; kit: MessageKit }) => string;
  readonly internal: {
    /** Money the case waits to see back (a refund not settled, a cancelled order's money) is overdue: finance chases it. */
    readonly refundUnsettled: (m: { orderId: string }) => string;
    /** The customer has not answered `code`'s question through every reminder: a person takes it up. */
    readonly customerSilent: (m: { orderId: string; code: string }) => string;
    /** A claim the data cannot confirm, checked before money moves: `not_received` (carrier shows delivered), or `damaged`, `wrong_item`, `missing_item` (only the customer reports it). */
    readonly verifyClaim: (m: { orderId: string; claim: 'not_received' | 'damaged' | 'wrong_item' | 'missing_item' }) => string;
    readonly holdForBalance: (m: { orderId: string; shortfall: string }) => string;
    readonly callbackIncident: (m: { orderId: string; paymentIds: string; minutes: number }) => string;
    readonly statusUpdate: (m: { orderId: string; paymentIds: string }) => string;
    readonly restock: (m: { orderId: string; sku: string; units: number }) => string;
    readonly shipLate: (m: { orderId: string }) => string;
    /** `requests`: each request read, `kind: phrase` (as in the review's details). */
    readonly remark: (m: { orderId: string; remark: string; requests?: readonly string[] }) => string;
    readonly escalation: (m: { orderId: string; code: string; minutes: number; to: string }) => string;
    readonly blacklistRepeater: (m: { orderId: string; matchedOn: string }) => string;
    readonly reportFraud: (m: { orderId: string; amount: string }) => string;
  };
}
