import { parseIdempotencyKey } from '../_lib/idempotency-key.js';
import { readOwn } from '../_lib/own-key.js';
import type { OrderFactRecord } from '../facts/derive-facts.js';
import type { MessageCatalogue } from '../messages/catalogue.js';
import type { MessageKit } from '../messages/message-kit.js';
import { gatewayFailedRefunds, parseRefundKey } from '../money/refund-key.js';
import type { Policy } from '../policy/policy.js';
import { isDone } from '../schema/recorded-actions.js';
import type { OrderSnapshot } from '../schema/snapshot.js';
import type { ActionParams, ContactChannel, ContactReason } from '../vocabulary/action-params.js';
import type { Severity } from '../vocabulary/severity.js';
import type { FindingCode } from './action.js';
import type { FindingDrafts, PlannedAction } from './finalise-actions.js';
import { severityRank } from './finalise-actions.js';
import type { ActionDraft } from './playbook.js';
import type { Timers } from './timers.js';
import type { Told } from './told.js';

/** One finding's section of the message, as its playbook drafted it. */
export interface Section {
  readonly code: FindingCode;
  readonly severity: Severity;
  readonly draft: Extract<ActionDraft, { kind: 'contact_customer' }>;
}

/** What the order's one message is composed from. */
export interface MessageInput {
  readonly order: OrderSnapshot;
  readonly facts: OrderFactRecord;
  readonly policy: Policy;
  readonly messages: MessageCatalogue;
  readonly kit: MessageKit;
  /** Sections in the order of the findings (most severe first). */
  readonly sections: readonly Section[];
  /** The other actions of the plan, finalised: the message announces its remedies. */
  readonly actions: readonly PlannedAction[];
  /** The codes found on the order: a PHONE_INVALID finding takes the phone's channels away. */
  readonly found: ReadonlySet<string>;
  /** What earlier messages told. */
  readonly told: Told;
  /** What the clock asks to tell again. */
  readonly timers: Timers;
}

/** Kinds whose action the message announces (`describes`). */
const ANNOUNCED: ReadonlySet<string> = new Set([
  'refund',
  'coupon',
  'points',
  'reship',
  'request_return',
  'send_payment_link',
  'suggest_payment_retry',
  'cancel_order',
  'recreate_order',
  'update_order_status',
]);

const CHANNEL_ORDER: readonly ContactChannel[] = ['phone', 'sms', 'email', 'in_app'];

/**
 * Where the message may go: the sections' channels, never one a finding says is broken (an
 * invalid phone takes phone and SMS away, a landline SMS), email only when the customer has
 * one, and the shop's app or marketplace chat when nothing else is left.
 */
function usableChannels(order: OrderSnapshot, facts: OrderFactRecord, sections: readonly Section[], found: ReadonlySet<string>): ContactChannel[] {
  const wanted = new Set<ContactChannel>();
  for (const s of sections) for (const channel of s.draft.params.channels) wanted.add(channel);
  if (sections.length === 0) wanted.add('sms');
  if (found.has('PHONE_INVALID')) {
    wanted.delete('sms');
    if (facts['phone.isValid'] !== true) wanted.delete('phone');
    wanted.add('email');
  }
  if (order.customer.email === undefined) wanted.delete('email');
  const channels = CHANNEL_ORDER.filter((c) => wanted.has(c));
  return channels.length > 0 ? channels : ['in_app'];
}

/** A remedy `actionsTaken` records done (a refund or the compensation of ours) that no message has told yet. */
interface DoneRemedy {
  readonly key: string;
  readonly kind: 'refund' | 'coupon';
  readonly amount: number;
  readonly method?: string;
}

function doneUntold(order: OrderSnapshot, told: Told): DoneRemedy[] {
  const done: DoneRemedy[] = [];
  // A refund the gateway reports failed moved no money: it is never told as done.
  const bounced = gatewayFailedRefunds(order);
  for (const action of order.actionsTaken ?? []) {
    if (!isDone(action) || told.announced.has(action.idempotencyKey) || bounced.has(action.idempotencyKey)) continue;
    const refund = parseRefundKey(action.idempotencyKey, order.id);
    if (refund !== undefined && (action.amount === undefined || action.amount === refund.amount)) {
      const method = order.payments.find((p) => p.id === refund.paymentId)?.method;
      if (method !== undefined) done.push({ key: action.idempotencyKey, kind: 'refund', amount: refund.amount, method });
      continue;
    }
    const parts = parseIdempotencyKey(action.idempotencyKey);
    if (parts?.[0] === order.id && parts[1] === 'coupon' && parts[2] === 'compensation' && action.amount !== undefined) {
      done.push({ key: action.idempotencyKey, kind: 'coupon', amount: action.amount });
    }
  }
  return done;
}

/** Refunds as one line: each with its amount and method, the ETA of the slowest method. */
function refundLine(input: MessageInput, parts: readonly { amount: number; method: string }[], review: boolean, done: boolean): string {
  const { policy, messages, kit } = input;
  const etas = parts.map((r) => readOwn(policy.refundEta.byMethod, r.method) ?? policy.refundEta.default);
  return messages.customer.remedies.refunds({
    parts: parts.map((r) => ({ amount: kit.money(r.amount), method: messages.paymentMethod(r.method) })),
    etaMinDays: etas.reduce((min, e) => Math.min(min, e.minDays), Number.POSITIVE_INFINITY),
    etaMaxDays: etas.reduce((max, e) => Math.max(max, e.maxDays), 0),
    review,
    done,
  });
}

/** One line per kind of remedy, with each action's own figures: what is done (untold) first, then what the plan will do. */
function remedyLines(input: MessageInput, planned: readonly PlannedAction[], done: readonly DoneRemedy[]): string[] {
  const { order, messages, kit } = input;
  const { remedies } = messages.customer;
  const review = (a: PlannedAction) => a.requiresApproval !== 'none';
  const lines: string[] = [];
  const doneRefunds = done.flatMap((d) => (d.kind === 'refund' && d.method !== undefined ? [{ amount: d.amount, method: d.method }] : []));
  if (doneRefunds.length > 0) lines.push(refundLine(input, doneRefunds, false, true));
  for (const d of done) if (d.kind === 'coupon') lines.push(remedies.coupon({ amount: kit.money(d.amount), validDays: undefined, review: false, done: true }));
  const refunds = planned.filter((a): a is Extract<PlannedAction, { kind: 'refund' }> => a.kind === 'refund');
  if (refunds.length > 0)
    lines.push(
      refundLine(
        input,
        refunds.map((r) => r.params),
        refunds.some(review),
        false,
      ),
    );
  for (const a of planned) {
    if (a.kind === 'reship') {
      const names = a.params.items.map((line) => messages.productName(order.items.find((i) => i.sku === line.sku)?.name ?? line.sku));
      lines.push(remedies.reship({ items: messages.list(names), review: review(a) }));
    } else if (a.kind === 'coupon') lines.push(remedies.coupon({ amount: kit.money(a.params.amount), validDays: a.params.validDays, review: review(a), done: false }));
    else if (a.kind === 'points') lines.push(remedies.points({ amount: kit.money(a.params.amount), review: review(a) }));
  }
  return lines;
}

/** An action's key without its `/retry/N` suffix. */
const withoutRetry = (key: string): string => key.replace(/\/retry\/\d+$/, '');

/** The items of the lists, each once, in the order first met (no list flattened first: flatMap is slow in V8). */
function unique<T>(lists: readonly (readonly T[])[]): T[] {
  const seen = new Set<T>();
  for (const list of lists) for (const item of list) seen.add(item);
  return [...seen];
}

/**
 * The order's one message to the customer (docs/playbooks.md, "One voice"): every section the
 * findings contribute, each remedy of the plan with its own figures, the choices offered, one
 * greeting, one apology and the shop's signature, as one `contact_customer` draft naming every
 * code it covers and describing every action it announces. Undefined when there is nothing
 * to tell.
 *
 * @example
 * composeMessage({ order, facts, policy, messages, kit, sections, actions })
 * //=> { codes: ['PACKAGE_DAMAGED'], severity: 'high', drafts: [{ kind: 'contact_customer', params: { reason: 'package_damaged', ... } }] }
 */
export function composeMessage(input: MessageInput): FindingDrafts | undefined {
  const { order, facts, policy, messages, actions, told, timers } = input;
  // A retry of a remedy already announced is the same remedy to the customer: not announced again.
  const announced = actions.filter((a) => ANNOUNCED.has(a.kind) && !told.announced.has(a.idempotencyKey) && !told.announced.has(withoutRetry(a.idempotencyKey)));
  const done = doneUntold(order, told);
  // A section that only explains remedies goes once they are all done and told; a topic already told is not told again, unless it brings a new remedy.
  const remedied = new Set<string>();
  for (const a of announced) for (const code of a.because) remedied.add(code);
  const sections = input.sections
    .filter(
      (s) =>
        (s.draft.withRemedies !== true || remedied.has(s.code) || done.length > 0) &&
        (!told.topics.has(s.draft.params.reason) || remedied.has(s.code) || timers.retell.has(s.draft.params.reason)),
    )
    // The most severe first; among equals, in the order the findings are reported.
    .map((s, i) => ({ s, i }))
    .sort((a, b) => severityRank(b.s.severity) - severityRank(a.s.severity) || a.i - b.i)
    .map(({ s }) => s);
  const lines = remedyLines(input, announced, done);
  if (sections.length === 0 && lines.length === 0) return undefined;
  const topics = unique<ContactReason>([sections.map((s) => s.draft.params.reason)]);
  const options = unique(sections.map((s) => s.draft.params.options ?? []));
  const reason = topics[0] ?? 'remedies';
  const codes = unique<FindingCode>([sections.map((s) => s.code), ...announced.map((a) => a.because)]);
  const severity = sections.reduce<Severity>((worst, s) => (severityRank(s.severity) > severityRank(worst) ? s.severity : worst), sections[0]?.severity ?? 'low');
  const text = messages.customer.compose({
    orderId: order.id,
    sections: unique([timers.reminder ? [messages.customer.sections.reminder()] : [], sections.map((s) => s.draft.section)]),
    remedies: lines,
    options: options.length === 0 ? undefined : messages.customer.options(options),
    shopName: policy.shopName,
  });
  const params: ActionParams<'contact_customer'> = {
    reason,
    topics: topics.length === 0 ? [reason] : topics,
    channels: usableChannels(order, facts, sections, input.found),
    ...(options.length === 0 ? {} : { options }),
    describes: announced.map((a) => a.idempotencyKey),
  };
  const draft: ActionDraft = {
    kind: 'contact_customer',
    params,
    owner: 'customer_service',
    // What it says and what it announces (planned, or done and untold): recorded sent, none of it is told again.
    key: [
      'message',
      ...[...params.topics].sort(),
      ...params.topics.flatMap((topic) => (timers.retell.has(topic) ? [timers.retell.get(topic) as string] : [])),
      ...[...params.describes, ...done.map((d) => d.key)].map((key) => key.slice(key.indexOf('/') + 1)),
    ],
    automatable: sections.every((s) => s.draft.automatable),
    customerText: text,
    section: '',
    ...(sections.some((s) => s.draft.priority === 'high') ? { priority: 'high' as const } : {}),
  };
  return { codes, severity, drafts: [draft] };
}
