import { appendAll } from '../_lib/append-all.js';
import { describeError } from '../_lib/describe-error.js';
import type { Issue } from '../errors.js';
import { deriveFacts, type OrderFactRecord } from '../facts/derive-facts.js';
import type { MessageCatalogue } from '../messages/catalogue.js';
import { messageCatalogues } from '../messages/locales.js';
import { createMessageKit, type MessageKit } from '../messages/message-kit.js';
import { localeIssues, type ResolvedOptions, TriageOptionsSchema } from '../schema/options.js';
import { type OrderSnapshot, OrderSnapshotSchema } from '../schema/snapshot.js';
import { buildFactSettings } from './fact-settings.js';

/** The only catalogue entry that may return `undefined` (a failure reason it does not know). */
const MAY_BE_UNDEFINED = new Set(['failureReason']);

/**
 * A paid order of one T-shirt and its facts: what a summary is sampled with. Built afresh for
 * each catalogue, so a function that mutates its input cannot change another's sample.
 */
function sampleOrder(): { order: OrderSnapshot; facts: OrderFactRecord } {
  const at = '2026-03-01T10:00:00+08:00';
  const order = OrderSnapshotSchema.parse({
    id: 'ORD-SAMPLE',
    channel: 'web',
    status: 'paid',
    createdAt: at,
    currency: 'CNY',
    items: [{ sku: 'SKU-SAMPLE', name: 'T-shirt', quantity: 1, unitPrice: 19_900 }],
    payments: [{ id: 'pay_1', method: 'alipay', amount: 20_900, status: 'succeeded', createdAt: at, paidAt: at }],
    totals: { items: 19_900, shipping: 1_000, discount: 0, payable: 20_900 },
    customer: { id: 'CUST-SAMPLE', phone: '13800138000' },
    shippingAddress: { name: 'Sample', phone: '13800138000', country: 'CN', province: '广东省', city: '深圳市', line1: '深南大道10000号' },
  });
  const settings = buildFactSettings(TriageOptionsSchema.parse({}) as unknown as ResolvedOptions);
  const calendar = { timeZone: 'Asia/Shanghai', holidays: new Set<string>(), nonWorkingWeekdays: new Set<number>() };
  return { order, facts: deriveFacts(order, { now: Date.parse(at) + 3_600_000, settings, calendar, blacklist: undefined }) };
}

/** One argument that holds every field any catalogue function (but a summary) reads. */
function sampleArgument(kit: MessageKit): Record<string, unknown> {
  return {
    orderId: 'ORD-SAMPLE',
    code: 'PAYMENT_FAILED',
    ruleName: 'sample rule',
    amount: kit.money(20_900),
    payable: kit.money(20_900),
    paid: kit.money(20_900),
    shortfall: kit.money(1_000),
    deduction: kit.money(1_000),
    coupon: kit.money(500),
    method: 'Alipay',
    paidAt: kit.time(0),
    failedAt: kit.time(0),
    holdUntil: kit.time(0),
    etaMinDays: 1,
    etaMaxDays: 3,
    reason: 'duplicate_payment',
    otherMethods: 'WeChat Pay',
    hours: 24,
    minutes: 30,
    units: 1,
    orders: 3,
    accounts: 3,
    on: 'address',
    value: 'sample',
    items: 'T-shirt',
    carrier: 'SF',
    trackingNumber: 'SF0000000000',
    shipped: true,
    quality: false,
    charged: true,
    claim: 'not_received',
    delivered: true,
    confirmed: true,
    outOfStock: false,
    inspected: false,
    review: false,
    validDays: 30,
    surplus: kit.money(1_000),
    since: '3 days',
    deliveredAt: kit.time(0),
    problems: 'sample',
    parts: [{ amount: kit.money(20_900), method: 'Alipay' }],
    sections: ['sample'],
    remedies: ['sample'],
    options: undefined,
    shopName: undefined,
    paymentIds: 'pay_1',
    sku: 'SKU-SAMPLE',
    remark: 'sample',
    to: 'supervisor',
    matchedOn: 'phone',
    kind: 'manual_review',
    params: {},
    kit,
  };
}

/** The arguments the entry at `path` is called with at createTriage. */
function sampleArguments(path: readonly string[], kit: MessageKit, { order, facts }: { order: OrderSnapshot; facts: OrderFactRecord }): unknown[] {
  const [head, last] = [path[0], path[path.length - 1]];
  if (head === 'summaries') return [{ order, facts, kit }];
  if (last === 'paymentMethod' || last === 'failureReason') return ['alipay'];
  if (last === 'list' || last === 'alternatives') return [['Alipay', 'WeChat Pay']];
  if (last === 'carrierName') return ['SF'];
  if (last === 'productName') return ['T-shirt'];
  if (last === 'codeName') return ['PAYMENT_FAILED'];
  if (last === 'duration') return [2_975];
  if (last === 'count') return [2, 'item'];
  if (last === 'label') return ['holdReason', 'address_unverified'];
  if (head === 'customer' && last === 'options') return [['wait_for_restock', 'refund']];
  return [sampleArgument(kit)];
}

/** Visits every function of `catalogue` found where the built-in catalogue has one, with the object holding it. */
function eachFunction(catalogue: unknown, visit: (fn: (...args: unknown[]) => unknown, owner: object, path: string[]) => void): void {
  const walk = (reference: unknown, value: unknown, path: string[]): void => {
    if (typeof reference !== 'object' || reference === null || Array.isArray(reference)) return;
    if (typeof value !== 'object' || value === null) return;
    for (const key of Object.keys(reference)) {
      const child = (value as Record<string, unknown>)[key];
      if (typeof (reference as Record<string, unknown>)[key] === 'function' && typeof child === 'function') visit(child as never, value, [...path, key]);
      else walk((reference as Record<string, unknown>)[key], child, [...path, key]);
    }
  };
  walk(messageCatalogues.en, catalogue, []);
}

/** What a catalogue function's output or throw says is wrong with it, or undefined. */
function outputProblem(run: () => unknown, mayBeUndefined: boolean): string | undefined {
  try {
    const out = run();
    if (typeof out === 'string' || (mayBeUndefined && out === undefined)) return undefined;
    return `must return a string${mayBeUndefined ? ' or undefined' : ''}, but returned ${out === null ? 'null' : typeof out} on a sample input`;
  } catch (error) {
    return `threw on a sample input: ${describeError(error)}`;
  }
}

/**
 * Calls every function of a custom catalogue (whose shape and `locale` are already right) on a
 * sample order and sample figures, and lists each one that throws or returns anything but a
 * string, at its path under `prefix` (e.g. `['messages', 'ja-JP']`). See docs/messages.md.
 *
 * @example
 * catalogueOutputIssues({ ...en, paymentMethod: () => 42 }, ['messages', 'x'])
 * //=> [{ path: ['messages', 'x', 'paymentMethod'], message: 'must return a string, but returned number on a sample input' }]
 */
export function catalogueOutputIssues(catalogue: MessageCatalogue, prefix: readonly (string | number)[]): Issue[] {
  const issues: Issue[] = [];
  const kit = createMessageKit(catalogue.locale, 'CNY', 'Asia/Shanghai', 2);
  const sample = sampleOrder();
  eachFunction(catalogue, (fn, owner, path) => {
    const problem = outputProblem(() => fn.apply(owner, sampleArguments(path, kit, sample)), MAY_BE_UNDEFINED.has(path[path.length - 1] as string));
    if (problem !== undefined) issues.push({ path: [...prefix, ...path], message: problem });
  });
  return issues;
}

/**
 * A catalogue whose every function falls back to `fallback`'s entry when the custom one throws
 * or returns anything but a string on a real input: a custom text can never make an evaluation
 * fail (docs/messages.md). Plain data entries (locale, checklists) are kept as they are.
 *
 * @example
 * const messages = guardCatalogue(options.messages['ja-JP'], messageCatalogues.en);
 */
export function guardCatalogue(custom: MessageCatalogue, fallback: MessageCatalogue): MessageCatalogue {
  const wrap = (value: unknown, reference: unknown, key: string, owner: unknown, fallbackOwner: unknown): unknown => {
    if (typeof value === 'function') {
      const fn = value as (...args: unknown[]) => unknown;
      const backup = reference as (...args: unknown[]) => unknown;
      return (...args: unknown[]): unknown => {
        try {
          const out = fn.apply(owner, args);
          if (typeof out === 'string' || (MAY_BE_UNDEFINED.has(key) && out === undefined)) return out;
        } catch {
          // fall through to the built-in text
        }
        return backup.apply(fallbackOwner, args);
      };
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
    const copy: Record<string, unknown> = {};
    for (const name of Object.keys(reference as object)) {
      copy[name] = wrap((value as Record<string, unknown>)[name], (reference as Record<string, unknown>)[name], name, value, reference);
    }
    return copy;
  };
  return wrap(custom, fallback, '', undefined, undefined) as MessageCatalogue;
}

/**
 * Every problem with `locale` and `messages`: those of {@link localeIssues} (shape, locale
 * tags), then, for each custom catalogue with none, every entry that throws or returns a
 * non-string on a sample input ({@link catalogueOutputIssues}).
 *
 * @example
 * messageOptionIssues({ locale: 'x', messages: { x: { ...en, list: () => 1n } } })
 * //=> [{ path: ['messages', 'x', 'list'], message: 'must return a string, but returned bigint on a sample input' }]
 */
export function messageOptionIssues(options: unknown): Issue[] {
  const issues = localeIssues(options);
  const messages = typeof options === 'object' && options !== null ? (options as { messages?: unknown }).messages : undefined;
  if (typeof messages !== 'object' || messages === null) return issues;
  for (const [key, catalogue] of Object.entries(messages)) {
    if (issues.some((issue) => issue.path[0] === 'messages' && issue.path[1] === key)) continue;
    appendAll(issues, catalogueOutputIssues(catalogue as MessageCatalogue, ['messages', key]));
  }
  return issues;
}
