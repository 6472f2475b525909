import { type Action, type ApprovalRole, createTriage, type Finding, formatMoney, type Locale, messageCatalogues, type OrderSnapshotInput, PolicySchema } from 'order-triage';
import { requiredApproval } from 'order-triage/internals';
import { generateIncidents } from 'order-triage/testing';
import { describe, expect, it } from 'vitest';

// Order-level properties of the plan (docs/playbooks.md, "One plan per order"), over 5,000
// generated orders with several findings each, evaluated in both locales with a shop name set.

const COUNT = 5_000;
const SEED = 14;
const SHOP = { 'zh-CN': '小茶铺', en: 'Little Tea Shop' } as const satisfies Record<Locale, string>;
const DAY_MS = 86_400_000;
const policy = PolicySchema.parse({});

interface Run {
  readonly locale: Locale;
  readonly order: OrderSnapshotInput;
  readonly now: string;
  readonly context: object | undefined;
  readonly findings: readonly Finding[];
  readonly actions: readonly Action[];
}

let cache: Run[] | undefined;
/** Every generated order evaluated in both locales (computed once, on first use). */
function runs(): Run[] {
  if (cache !== undefined) return cache;
  const result: Run[] = [];
  for (const locale of ['zh-CN', 'en'] as const) {
    const triage = createTriage({ locale, policy: { shopName: SHOP[locale] } } as Parameters<typeof createTriage>[0]);
    for (const { order, now, context } of generateIncidents({ count: COUNT, seed: SEED })) {
      const report = triage.evaluate(order, { now, ...context });
      if (!report.ok) throw new Error(`${order.id} is invalid: ${JSON.stringify(report.error.issues)}`);
      result.push({ locale, order, now, context, findings: report.findings, actions: report.actions });
    }
  }
  cache = result;
  return result;
}

/** Runs `check` on every evaluation; the first few violations, with the order and locale, are the answer. */
function violations(check: (run: Run) => string | undefined): string[] {
  const found: string[] = [];
  for (const run of runs()) {
    const problem = check(run);
    if (problem !== undefined && found.length < 8) found.push(`${run.order.id} (${run.locale}): ${problem}`);
  }
  return found;
}

const MONEY_KINDS: ReadonlySet<string> = new Set(['refund', 'coupon', 'points']);
const FRAUD: ReadonlySet<string> = new Set(['BLACKLISTED', 'SUSPICIOUS_NEW_ACCOUNT', 'ABNORMAL_QUANTITY']);
const RANK: Readonly<Record<ApprovalRole, number>> = { none: 0, supervisor: 1, manager: 2, executive: 3 };

const codes = (run: Run): Set<string> => new Set(run.findings.map((f) => f.code));
const contacts = (run: Run) => run.actions.filter((a) => a.kind === 'contact_customer');
const message = (run: Run): string => contacts(run)[0]?.customerMessage?.text ?? '';
const amountOf = (a: Action): number => (a.kind === 'refund' || a.kind === 'coupon' || a.kind === 'points' ? a.params.amount : 0);
const paid = (order: OrderSnapshotInput): boolean => order.payments.some((p) => p.status === 'succeeded');
const within30Days = (at: string, now: string): boolean => Date.parse(now) - Date.parse(at) <= 30 * DAY_MS;

/** Money out recorded for the order in the last 30 days, as docs/playbooks.md reckons it for approval. */
function recordedMoneyOut(order: OrderSnapshotInput, now: string): number {
  const recent = (order.actionsTaken ?? []).filter((a) => within30Days(a.at, now));
  const sum = (list: readonly { amount?: number | undefined }[]) => list.reduce((s, x) => s + (x.amount ?? 0), 0);
  const refunds = sum((order.refunds ?? []).filter((r) => r.status !== 'failed' && within30Days(r.createdAt, now)));
  const takenRefunds = sum(recent.filter((a) => a.kind === 'refund'));
  const compensation = sum(recent.filter((a) => a.kind === 'coupon' || a.kind === 'points'));
  return Math.max(refunds, takenRefunds) + compensation;
}

/** The largest coupon the default policy gives among the found codes, at the customer's tier. */
function largestDue(run: Run): number {
  const table = policy.compensation[run.order.currency];
  let largest = 0;
  for (const code of codes(run)) {
    const tiers = table?.coupons[code as keyof typeof table.coupons];
    if (tiers === undefined) continue;
    largest = Math.max(largest, tiers[run.order.customer.tier ?? 'regular'] ?? tiers.regular ?? 0);
  }
  return largest;
}

/** The highest approval any money action of the plan needs. */
const highestApproval = (actions: readonly Action[]): number => Math.max(0, ...actions.filter((a) => MONEY_KINDS.has(a.kind)).map((a) => RANK[a.requiresApproval]));

/**
 * Texts that state as done what only the plan proposes: each group is allowed only when the
 * snapshot records that kind of thing done (docs/playbooks.md: future tense for anything not
 * recorded done).
 */
const CLAIMS: readonly { about: string; phrases: readonly (string | RegExp)[]; recorded: (o: OrderSnapshotInput) => boolean }[] = [
  {
    about: 'refund',
    phrases: [
      /we have refunded/i,
      /ha(s|ve) been refunded/i,
      /refunded you in full/i,
      /we have arranged to return/i,
      '已为您退款',
      '已为您全额退款',
      '已退还',
      '已原路退回',
      '已为您安排将这',
    ],
    recorded: (o) => (o.actionsTaken ?? []).some((a) => a.kind === 'refund') || (o.refunds ?? []).some((r) => r.status === 'succeeded'),
  },
  {
    about: 'coupon',
    phrases: [/we have added/i, /has been added/i, /is (now )?in your account/i, /we have issued/i, '已放入您的账户', '已发放', '已为您发放', '已存入'],
    recorded: (o) => (o.actionsTaken ?? []).some((a) => a.kind === 'coupon' || a.kind === 'points'),
  },
  {
    about: 'reship',
    phrases: [/we have (re)?sent your items/i, /we have reshipped/i, /has been reshipped/i, '已为您安排重新发货', '已为您重新发货', '已重新发货'],
    recorded: (o) => (o.actionsTaken ?? []).some((a) => a.kind === 'reship'),
  },
  {
    about: 'hold',
    phrases: [/we have held/i, /we have paused shipping/i, '暂缓了发货', '已暂停发货', '已为您暂停'],
    recorded: (o) => (o.actionsTaken ?? []).some((a) => a.kind === 'hold_shipment'),
  },
  {
    about: 'chasing',
    phrases: [/we have asked the (carrier|local depot|warehouse)/i, '已催促', '已经催促', '已联系快递公司'],
    recorded: (o) => (o.actionsTaken ?? []).some((a) => a.kind === 'urge_carrier' || a.kind === 'escalate'),
  },
  {
    about: 'cancellation',
    phrases: [/has been cancelled/i, /we have closed it/i, '已为您取消', '已为您关闭'],
    recorded: (o) => o.status === 'cancelled' || (o.actionsTaken ?? []).some((a) => a.kind === 'cancel_order'),
  },
  {
    about: 'returned parcel',
    phrases: [/received (your|the) (returned|refused) parcel/i, /已(安全)?收到.{0,40}(拒收|退回)的包裹/],
    recorded: (o) => (o.returns ?? []).some((r) => r.status === 'received' || r.status === 'inspected'),
  },
];

describe('one plan per order, over generated multi-finding orders', () => {
  it('plans at most one contact_customer, and only it (or a follow-up survey when there is none) carries a customer message', () => {
    const found = violations((run) => {
      const contact = contacts(run);
      if (contact.length > 1) return `${contact.length} contact_customer actions`;
      const speaking = run.actions.filter((a) => a.customerMessage !== undefined && a.kind !== 'contact_customer');
      const allowed = speaking.every((a) => a.kind === 'follow_up_survey' && contact.length === 0);
      return allowed ? undefined : `messages on ${speaking.map((a) => a.kind).join(', ')}`;
    });
    expect(found).toEqual([]);
  });

  it('announces every refund, coupon, points and reship in the message, and describes only actions of the plan', () => {
    const found = violations((run) => {
      const keys = new Set(run.actions.map((a) => a.idempotencyKey));
      const remedies = run.actions.filter((a) => ['refund', 'coupon', 'points', 'reship'].includes(a.kind));
      const contact = contacts(run)[0];
      if (contact === undefined) return remedies.length === 0 ? undefined : `no message announces ${remedies.map((a) => a.kind).join(', ')}`;
      const describes = new Set(contact.params.describes);
      const missing = remedies.filter((a) => !describes.has(a.idempotencyKey)).map((a) => a.idempotencyKey);
      const foreign = [...describes].filter((k) => !keys.has(k));
      return missing.length + foreign.length === 0 ? undefined : `not described: ${missing.join(', ')}; not in the plan: ${foreign.join(', ')}`;
    });
    expect(found).toEqual([]);
  });

  it('never states as done what is not recorded done', () => {
    const found = violations((run) => {
      const texts = run.actions.flatMap((a) => (a.customerMessage === undefined ? [] : [a.customerMessage.text]));
      for (const claim of CLAIMS) {
        if (claim.recorded(run.order)) continue;
        for (const phrase of claim.phrases) {
          const hit = texts.find((t) => (typeof phrase === 'string' ? t.includes(phrase) : phrase.test(t)));
          if (hit !== undefined) return `claims the ${claim.about} done (${String(phrase)}): ${hit}`;
        }
      }
      return undefined;
    });
    expect(found).toEqual([]);
  });

  it("names each refund's amount and payment method in the message", () => {
    const found = violations((run) => {
      const text = message(run);
      for (const refund of run.actions) {
        if (refund.kind !== 'refund') continue;
        const amount = formatMoney(refund.params.amount, refund.params.currency, run.locale);
        const method = messageCatalogues[run.locale].paymentMethod(refund.params.method);
        if (!text.includes(amount) || !text.includes(method)) return `refund ${amount} to ${method} not in: ${text}`;
      }
      return undefined;
    });
    expect(found).toEqual([]);
  });

  it("signs the message with the shop's name: 【name】 first in Chinese, — name last in English", () => {
    const found = violations((run) => {
      const contact = contacts(run)[0];
      if (contact === undefined) return undefined;
      const text = contact.customerMessage?.text ?? '';
      const signed = run.locale === 'zh-CN' ? text.startsWith(`【${SHOP['zh-CN']}】`) : text.endsWith(`— ${SHOP.en}`);
      return signed ? undefined : `unsigned: ${text}`;
    });
    expect(found).toEqual([]);
  });

  it('compensates at most once, within the largest coupon due and the per-order cap, counting what was already given', () => {
    const found = violations((run) => {
      const compensation = run.actions.filter((a) => a.kind === 'coupon' || a.kind === 'points');
      if (compensation.length > 1) return `${compensation.length} compensations`;
      const planned = compensation.reduce((s, a) => s + amountOf(a), 0);
      if (planned === 0) return undefined;
      const given = (run.order.actionsTaken ?? []).filter((a) => a.kind === 'coupon' || a.kind === 'points').reduce((s, a) => s + (a.amount ?? 0), 0);
      const cap = policy.compensation[run.order.currency]?.maxPerOrder ?? 0;
      const limit = Math.min(largestDue(run), cap);
      return planned + given <= limit ? undefined : `planned ${planned} + given ${given} > min(largest due ${largestDue(run)}, cap ${cap})`;
    });
    expect(found).toEqual([]);
  });

  it("judges every money action's approval on the order's total money out (plan plus 30 days recorded)", () => {
    const found = violations((run) => {
      const money = run.actions.filter((a) => MONEY_KINDS.has(a.kind));
      const total = money.reduce((s, a) => s + amountOf(a), 0) + recordedMoneyOut(run.order, run.now);
      const needed = requiredApproval(total, run.order.currency, policy);
      const low = money.find((a) => RANK[a.requiresApproval] < RANK[needed] || (a.requiresApproval !== 'none' && a.automatable));
      return low === undefined ? undefined : `${low.idempotencyKey} needs ${low.requiresApproval} (automatable ${low.automatable}), total ${total} needs ${needed}`;
    });
    expect(found).toEqual([]);
  });

  it('never needs a lower approval because the money came in several payments', () => {
    const triage = createTriage({ locale: 'en', policy: { shopName: SHOP.en } } as Parameters<typeof createTriage>[0]);
    const found: string[] = [];
    let compared = 0;
    for (const run of runs()) {
      const succeeded = run.order.payments.filter((p) => p.status === 'succeeded');
      if (run.locale !== 'en' || succeeded.length < 2 || (run.order.refunds ?? []).length > 0) continue;
      const [first] = succeeded as [OrderSnapshotInput['payments'][number]];
      const merged = { ...run.order, payments: [{ ...first, amount: succeeded.reduce((s, p) => s + p.amount, 0) }] };
      const report = triage.evaluate(merged, { now: run.now, ...run.context });
      if (!report.ok) throw new Error(`${merged.id} merged is invalid`);
      compared++;
      if (highestApproval(report.actions) > highestApproval(run.actions) && found.length < 8) {
        found.push(`${run.order.id}: split ${highestApproval(run.actions)} < merged ${highestApproval(report.actions)}`);
      }
    }
    expect(compared).toBeGreaterThan(500);
    expect(found).toEqual([]);
  });

  it('moves no money without a succeeded payment, and gives no compensation on a fraud finding', () => {
    const found = violations((run) => {
      const money = run.actions.filter((a) => MONEY_KINDS.has(a.kind));
      if (!paid(run.order) && money.length > 0) return `${money.map((a) => a.kind).join(', ')} with nothing captured`;
      const fraud = [...codes(run)].some((c) => FRAUD.has(c));
      const compensation = run.actions.some((a) => a.kind === 'coupon' || a.kind === 'points');
      return fraud && compensation ? 'compensation under fraud review' : undefined;
    });
    expect(found).toEqual([]);
  });

  it('never chases the carrier beside a lost, damaged or refused parcel', () => {
    const found = violations((run) => {
      const terminal = ['PACKAGE_LOST', 'PACKAGE_DAMAGED', 'DELIVERY_REFUSED'].filter((c) => codes(run).has(c));
      return terminal.length > 0 && run.actions.some((a) => a.kind === 'urge_carrier') ? `urge_carrier beside ${terminal.join(', ')}` : undefined;
    });
    expect(found).toEqual([]);
  });

  it('never releases the order to fulfilment beside a hold, an oversell or a fraud finding', () => {
    const found = violations((run) => {
      const release = run.actions.some((a) => a.kind === 'update_order_status' && a.params.release);
      if (!release) return undefined;
      const held = run.actions.some((a) => a.kind === 'hold_shipment');
      const blocking = [...codes(run)].filter((c) => c === 'OVERSOLD' || FRAUD.has(c));
      return held || blocking.length > 0 ? `released beside ${held ? 'hold_shipment ' : ''}${blocking.join(', ')}` : undefined;
    });
    expect(found).toEqual([]);
  });

  it('never contacts by SMS (or by phone) a number PHONE_INVALID found broken, and always leaves a channel', () => {
    const found = violations((run) => {
      const contact = contacts(run)[0];
      const phone = run.findings.find((f) => f.code === 'PHONE_INVALID');
      if (contact === undefined) return undefined;
      const channels = contact.params.channels;
      if (channels.length === 0) return 'no channel';
      if (phone === undefined) return undefined;
      const valid = (phone.evidence.records.phone as { valid: boolean }[] | undefined)?.[0]?.valid;
      if (channels.includes('sms')) return `sms to ${run.order.shippingAddress.phone}`;
      if (valid === false && channels.includes('phone')) return `phone call to invalid ${run.order.shippingAddress.phone}`;
      const fallback = run.order.customer.email === undefined ? 'in_app' : 'email';
      return valid === false && !channels.includes(fallback) ? `channels ${channels.join(', ')} lack ${fallback}` : undefined;
    });
    expect(found).toEqual([]);
  });
});
