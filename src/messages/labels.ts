import { readOwn } from '../_lib/own-key.js';
import type { DetectorCode } from '../detectors/registry.js';
import type { RemarkKind } from '../facts/remark-requests.js';
import type { ActionParams, ContactChannel, ContactReason, HoldReason, RefundReason, ReviewReason } from '../vocabulary/action-params.js';
import type { EscalationRole } from '../vocabulary/approval-role.js';
import type { BatchCode } from '../vocabulary/batch-code.js';
import type { OrderStatus } from '../vocabulary/order-status.js';
import type { Owner } from '../vocabulary/owner.js';

/** The choices a customer message may offer (`contact_customer` `params.options`). */
export type CustomerOption = 'reship' | 'refund' | 'wait_for_restock' | 'cancel' | 'redeliver' | 'pickup_point' | 'quality_issue' | 'changed_mind' | 'other';

/** What a blacklist entry matched on (`manual_review` details of a blacklisted order). */
export type BlacklistMatch = 'customerId' | 'phone' | 'address' | 'device';

/** Systems an order syncs to that have a common name; any other system is shown as given. */
export type KnownSystem = 'wms' | 'erp' | 'crm' | 'oms' | 'tms' | 'pos' | 'payment_gateway' | 'order_service';

/** A table with exactly one entry per member of `K`: a new member is a type error until it is named. */
export type LabelTable<K extends string> = { readonly [P in K]: string };

/**
 * One locale's names for the values of every vocabulary a text may show: the reasons, roles,
 * teams, statuses, channels and options of actions, so no text shows a raw value such as
 * `address_unverified` (docs/messages.md, "Names, not raw values").
 */
export interface LabelTables {
  readonly refundReason: LabelTable<RefundReason>;
  readonly holdReason: LabelTable<HoldReason>;
  readonly reviewReason: LabelTable<ReviewReason>;
  readonly contactReason: LabelTable<ContactReason>;
  readonly contactChannel: LabelTable<ContactChannel>;
  readonly escalationRole: LabelTable<EscalationRole>;
  readonly owner: LabelTable<Owner>;
  readonly cancelReason: LabelTable<ActionParams<'cancel_order'>['reason']>;
  readonly techReason: LabelTable<ActionParams<'tech_incident'>['reason']>;
  readonly claimReason: LabelTable<ActionParams<'carrier_claim'>['reason']>;
  readonly orderStatus: LabelTable<OrderStatus>;
  readonly customerOption: LabelTable<CustomerOption>;
  readonly remarkKind: LabelTable<RemarkKind>;
  readonly blacklistMatch: LabelTable<BlacklistMatch>;
  readonly system: LabelTable<KnownSystem>;
}

/** A vocabulary {@link LabelTables} names. */
export type LabelVocabulary = keyof LabelTables;

/** The values of one vocabulary: its known members, or any string (shown as given). */
export type LabelValue<V extends LabelVocabulary> = keyof LabelTables[V] | (string & {});

/** A name for every exception code, per-order ({@link DetectorCode}) and cross-order ({@link BatchCode}). */
export type CodeNames = LabelTable<DetectorCode | BatchCode>;

/**
 * A catalogue's `label` accessor over its tables: the name of `value` in `vocabulary`, or
 * `value` as given when the table does not know it (a custom system, a new option). Reads
 * own entries only, so `constructor` is just a value.
 *
 * @example
 * const label = labelFrom(EN_LABELS);
 * label('holdReason', 'address_unverified') //=> 'the address is not verified'
 * label('system', 'my_erp') //=> 'my_erp'
 */
export function labelFrom(tables: LabelTables): <V extends LabelVocabulary>(vocabulary: V, value: LabelValue<V>) => string {
  return (vocabulary, value) => {
    const table = readOwn(tables as unknown as Readonly<Record<string, Readonly<Record<string, string>>>>, vocabulary);
    const key = vocabulary === 'system' ? String(value).toLowerCase() : String(value);
    return readOwn(table, key) ?? String(value);
  };
}

/**
 * A catalogue's `codeName` over its table: the name of an exception code, or the code as given
 * (a user rule's code).
 *
 * @example
 * codeNameFrom(EN_CODE_NAMES)('DUPLICATE_PAYMENT') //=> 'duplicate payment'
 * codeNameFrom(EN_CODE_NAMES)('MY_RULE') //=> 'MY_RULE'
 */
export function codeNameFrom(names: CodeNames): (code: string) => string {
  const table = names as unknown as Readonly<Record<string, string>>;
  return (code) => readOwn(table, code) ?? code;
}

/**
 * The name of a reason that is an exception code, written either way (`DELIVERY_DELAYED` or
 * `delivery_delayed`, as an escalation gives it), or the reason as given.
 *
 * @example
 * reasonName(codeName, 'not_shipped_on_time') //=> 'not shipped on time'
 */
export function reasonName(codeName: (code: string) => string, reason: string): string {
  const named = codeName(reason);
  if (named !== reason) return named;
  const upper = reason.toUpperCase();
  const namedUpper = codeName(upper);
  return namedUpper === upper ? reason : namedUpper;
}

/**
 * Who an escalation goes to, named: a role (`manager`) or a team (`warehouse`); anything else as
 * given.
 *
 * @example
 * recipientName(labelFrom(EN_LABELS), 'manager') //=> 'a manager'
 */
export function recipientName(label: ReturnType<typeof labelFrom>, to: string): string {
  const role = label('escalationRole', to);
  return role === to ? label('owner', to) : role;
}

/**
 * One `manual_review` detail, its raw part named: what a blacklist entry matched on, or the kind
 * of a remark's request (`delivery_time: 周末` → `delivery time: 周末`); any other detail as given.
 *
 * @example
 * reviewDetail(labelFrom(EN_LABELS), 'remark_requests', 'invoice: 发票', ': ') //=> 'invoice: 发票'
 */
export function reviewDetail(label: ReturnType<typeof labelFrom>, reason: string, detail: string, colon: string): string {
  if (reason === 'blacklisted') return label('blacklistMatch', detail);
  const request = reason === 'remark_requests' ? /^([a-z_]+): ([\s\S]*)$/.exec(detail) : null;
  return request === null ? detail : `${label('remarkKind', request[1] as string)}${colon}${request[2] as string}`;
}

/**
 * The values of a parameter that should be a list of strings, or none.
 *
 * @example
 * stringsOf(['sms', 'phone']) //=> ['sms', 'phone']
 * stringsOf(undefined) //=> []
 */
export function stringsOf(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : [];
}

/**
 * The identifiers a blacklist entry would add (`add_to_blacklist` params), each kind named by
 * `label`, values joined by `join`, kinds by `separator`; `none` when it adds nothing.
 *
 * @example
 * blacklistEntriesFrom(label, { join: ', ', separator: '; ', none: 'nothing new' })({ phones: ['138…'] }) //=> 'phone 138…'
 */
export function blacklistEntriesFrom(
  label: ReturnType<typeof labelFrom>,
  words: { readonly join: string; readonly separator: string; readonly none: string },
): (params: Readonly<Record<string, unknown>>) => string {
  const kinds = [
    ['customerIds', 'customerId'],
    ['phones', 'phone'],
    ['addresses', 'address'],
    ['devices', 'device'],
  ] as const;
  return (p) => {
    const parts = kinds.filter(([field]) => stringsOf(p[field]).length > 0).map(([field, match]) => `${label('blacklistMatch', match)} ${stringsOf(p[field]).join(words.join)}`);
    return parts.length === 0 ? words.none : parts.join(words.separator);
  };
}
