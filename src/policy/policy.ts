import * as z from 'zod';
import { detectorCodes } from '../detectors/registry.js';
import { duration } from '../schema/durations.js';
import { CurrencySchema, MoneySchema, TimeZoneSchema } from '../schema/primitives.js';
import { EscalationRoleSchema } from '../vocabulary/approval-role.js';
import { OwnerSchema } from '../vocabulary/owner.js';

const minutes = (fallback: number, description: string) => duration('minutes', 1).default(fallback).meta({ description });

/** Minutes within which a finding of each severity must be picked up (`respondBy`, `dueBy`). */
export const SlaSchema = z.strictObject({
  critical: minutes(15, 'Minutes to respond to a critical finding.'),
  high: minutes(60, 'Minutes to respond to a high finding.'),
  medium: minutes(240, 'Minutes to respond to a medium finding.'),
  low: minutes(1440, 'Minutes to respond to a low finding.'),
});

export { OwnerSchema } from '../vocabulary/owner.js';

/**
 * The largest amount (minor units) each role may move alone: refunds, coupons, points. Above
 * the agent's limit an action needs the supervisor, above the supervisor's the manager, above
 * the manager's an executive.
 */
export const AuthorityLimitsSchema = z
  .strictObject({
    agent: MoneySchema.meta({ description: 'Largest amount an agent may grant alone.' }),
    supervisor: MoneySchema.meta({ description: 'Largest amount a supervisor may approve.' }),
    manager: MoneySchema.meta({ description: 'Largest amount a manager may approve.' }),
  })
  .refine((l) => l.agent <= l.supervisor && l.supervisor <= l.manager, {
    error: 'limits must not decrease: agent ≤ supervisor ≤ manager',
  });

/** A refund's travel time back to the customer, in business days. */
export const RefundEtaSchema = z
  .strictObject({
    minDays: duration('days', 0),
    maxDays: duration('days', 0),
  })
  .refine((eta) => eta.minDays <= eta.maxDays, { error: 'minDays must not exceed maxDays' });

/** Refund ETAs of common payment methods; `policy.refundEta.byMethod` adds to or overrides them. */
export const DEFAULT_REFUND_ETA_BY_METHOD: Readonly<Record<string, { minDays: number; maxDays: number }>> = {
  alipay: { minDays: 1, maxDays: 3 },
  wechat_pay: { minDays: 1, maxDays: 3 },
  unionpay: { minDays: 3, maxDays: 7 },
  card: { minDays: 5, maxDays: 10 },
  paypal: { minDays: 3, maxDays: 5 },
  apple_pay: { minDays: 5, maxDays: 10 },
  bank_transfer: { minDays: 3, maxDays: 5 },
};

/** A coupon's value for each customer tier, in minor units. */
export const TierAmountsSchema = z.strictObject({
  new: MoneySchema.optional(),
  regular: MoneySchema.optional(),
  vip: MoneySchema.optional(),
});

/** What the business gives by way of apology in one currency. */
export const CompensationSchema = z.strictObject({
  /** Coupon per exception code and customer tier (a tier left out gets the regular amount). */
  coupons: z.partialRecord(z.enum(detectorCodes as [string, ...string[]]), TierAmountsSchema).default({}),
  /** The most compensation (coupons and points) one order may receive in all, counting what was already given. */
  maxPerOrder: MoneySchema,
  /** Days a coupon stays valid. */
  couponValidDays: duration('days', 1).default(30),
});

/** Default compensation: small coupons for delays and bigger ones for stock and parcel failures. */
export const DEFAULT_COMPENSATION: Readonly<Record<string, z.input<typeof CompensationSchema>>> = {
  CNY: {
    coupons: {
      NOT_SHIPPED_ON_TIME: { new: 500, regular: 500, vip: 1_000 },
      DELIVERY_DELAYED: { new: 500, regular: 500, vip: 1_000 },
      OVERSOLD: { new: 1_000, regular: 1_000, vip: 2_000 },
      PACKAGE_LOST: { new: 1_000, regular: 1_000, vip: 2_000 },
      PACKAGE_DAMAGED: { new: 1_000, regular: 1_000, vip: 2_000 },
    },
    maxPerOrder: 5_000,
    couponValidDays: 30,
  },
  USD: {
    coupons: {
      NOT_SHIPPED_ON_TIME: { new: 200, regular: 200, vip: 500 },
      DELIVERY_DELAYED: { new: 200, regular: 200, vip: 500 },
      OVERSOLD: { new: 500, regular: 500, vip: 1_000 },
      PACKAGE_LOST: { new: 500, regular: 500, vip: 1_000 },
      PACKAGE_DAMAGED: { new: 500, regular: 500, vip: 1_000 },
    },
    maxPerOrder: 1_500,
    couponValidDays: 30,
  },
};

/** Default authority: CNY in fen and USD in cents. */
export const DEFAULT_AUTHORITY: Readonly<Record<string, { agent: number; supervisor: number; manager: number }>> = {
  CNY: { agent: 20_000, supervisor: 100_000, manager: 500_000 },
  USD: { agent: 3_000, supervisor: 15_000, manager: 75_000 },
};

/**
 * What the business allows (docs/policy.md): SLAs, owners, who may move how much money, refund ETAs.
 * Every field has a default sensible for a CNY shop; a USD shop is a configuration away.
 *
 * @example
 * createTriage({ policy: { authority: { USD: { agent: 2000, supervisor: 10000, manager: 50000 } } } })
 */
export const PolicySchema = z.strictObject({
  /**
   * The shop's IANA time zone: customer messages and staff notes show times in it, and a
   * working calendar without a zone of its own counts days in it. @default 'Asia/Shanghai'
   */
  timeZone: TimeZoneSchema.default('Asia/Shanghai'),
  /** @default { critical: 15, high: 60, medium: 240, low: 1440 } */
  sla: SlaSchema.prefault({}),
  /** Owner per exception code, overriding the detector's default owner. */
  owners: z.partialRecord(z.enum(detectorCodes as [string, ...string[]]), OwnerSchema).default({}),
  /**
   * Authority limits per currency. Replaces the defaults (CNY and USD) when given. Money
   * actions in a currency without limits always need an executive.
   */
  authority: z.record(CurrencySchema, AuthorityLimitsSchema).default(() => structuredClone({ ...DEFAULT_AUTHORITY })),
  /** How long refunds take per payment method; `byMethod` is merged over the defaults. */
  refundEta: z
    .strictObject({
      default: RefundEtaSchema.default({ minDays: 3, maxDays: 7 }),
      byMethod: z.record(z.string(), RefundEtaSchema).default({}),
    })
    .prefault({})
    .transform((eta) => ({ default: eta.default, byMethod: { ...DEFAULT_REFUND_ETA_BY_METHOD, ...eta.byMethod } })),
  /**
   * The shop's name, signing every message to the customer (【小满生活馆】 in zh-CN, "— Xiaoman
   * Living" in en). SMS rules in China require a signature: set it before sending texts there.
   * @default undefined (messages go unsigned)
   */
  shopName: z.string().trim().min(1).max(40).optional(),
  /** Recorded in case records, so a review knows which rules applied. @default '1' */
  version: z.string().min(1).default('1'),
  /** Apology coupons per currency; replaces the defaults (CNY and USD) when given. No entry: no coupons. */
  compensation: z.record(CurrencySchema, CompensationSchema).default(() => structuredClone({ ...DEFAULT_COMPENSATION }) as never),
  /** A refused parcel that is not a quality problem is refunded less the order's shipping fee. */
  refusal: z
    .strictObject({
      deductShipping: z.boolean().default(true),
    })
    .prefault({}),
  /** Open findings (from `openFindings` in the snapshot) escalate to these roles after these minutes. */
  escalation: z
    .array(z.strictObject({ afterMinutes: duration('minutes', 1), to: EscalationRoleSchema }))
    .default(() => [
      { afterMinutes: 240, to: 'supervisor' as const },
      { afterMinutes: 1440, to: 'manager' as const },
    ])
    .refine((levels) => levels.every((l, i) => i === 0 || l.afterMinutes > (levels[i - 1] as { afterMinutes: number }).afterMinutes), {
      error: 'escalation levels must come in increasing afterMinutes',
    }),
  /** Hours after a finding is resolved to survey the customer (售后回访, docs/playbooks.md). */
  followUp: z
    .strictObject({
      /** Hours after resolution to survey the customer. @default 24 */
      afterHours: duration('hours', 1).default(24),
      /** Hours to wait for the customer's reply before reminding them. @default 24 */
      customerReplyHours: duration('hours', 1).default(24),
      /** Reminders before a silent customer's case escalates. @default 2 */
      maxReminders: z.int().min(0).max(10).default(2),
      /** Hours between progress updates and carrier chases while a logistics finding is open. @default 24 */
      updateEveryHours: duration('hours', 1).default(24),
      /** Hours a recorded action's result may take (a refund settling, a carrier answering) before escalation resumes. @default 48 */
      resultDueHours: duration('hours', 1).default(48),
    })
    .prefault({}),
  /** Orders handled first (shorter due times): VIP customers, and orders payable above this per currency. */
  priority: z.strictObject({ highValue: z.record(CurrencySchema, MoneySchema).default(() => ({ CNY: 100_000, USD: 15_000 })) }).prefault({}),
  /** Fraud severe enough to report: an order with this much at stake (per currency, minor units) on a blacklisted buyer. */
  fraudReporting: z.record(CurrencySchema, MoneySchema).default(() => ({ CNY: 1_000_000, USD: 150_000 })),
  /**
   * Minor-unit digits per currency where the shop's gateway differs from ISO 4217 (say IDR with
   * none): money texts use them instead of the ISO 4217 table (docs/money.md). Keys are ISO 4217 codes.
   */
  currencies: z.record(CurrencySchema, z.strictObject({ digits: z.int().min(0).max(4) })).default({}),
  /** The shop's payment methods. */
  paymentMethods: z
    .strictObject({
      /** Methods offered at checkout, suggested when one fails. @default ['alipay', 'wechat_pay', 'unionpay'] */
      offered: z.array(z.string().min(1)).default(() => ['alipay', 'wechat_pay', 'unionpay']),
      /** Methods that mean cash on delivery: such orders are never "unpaid". @default ['cod', 'cash_on_delivery'] */
      cashOnDelivery: z.array(z.string().min(1)).default(() => ['cod', 'cash_on_delivery']),
    })
    .prefault({}),
});

/** A policy as written by the caller (every field optional). */
export type PolicyInput = z.input<typeof PolicySchema>;
/** A resolved policy, with defaults filled in. */
export type Policy = z.output<typeof PolicySchema>;
