import * as z from 'zod';
import type { ReadonlyFields } from '../_lib/readonly-fields.js';
import { ClusterThresholdsSchema } from '../batch/clusters.js';
import { KpiThresholdsSchema } from '../batch/kpis.js';
import { type DetectorCode, detectorCodes, detectors } from '../detectors/registry.js';
import type { Issue } from '../errors.js';
import type { UserFact } from '../facts/user-facts.js';
import type { MessageCatalogue } from '../messages/catalogue.js';
import { isLocaleTag } from '../messages/locale-tag.js';
import { LOCALES, messageCatalogues } from '../messages/locales.js';
import { PolicySchema } from '../policy/policy.js';
import type { CustomOperator } from '../rules/rule-engine.js';
import type { JsonRule, RuleCondition, UserRule } from '../rules/rule-schema.js';
import { isTimeZone, TimeZoneSchema } from './primitives.js';

const NAME = z.string({ error: "must be the carrier's name, a non-empty string" }).regex(/\S/, { error: "must be the carrier's name, a non-empty string" });

/**
 * `carrierNames`: carrier code → name. Read into a Map, so a carrier coded `__proto__` is just
 * a carrier; codes and names must be non-empty strings.
 */
const CarrierNamesSchema = z
  .preprocess(
    (value) => (typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Map) ? new Map(Object.entries(value)) : value),
    z.map(z.string().regex(/\S/, { error: 'a carrier code must be a non-empty string' }), NAME, {
      error: 'must be an object of carrier codes to names, such as { XYZ: "XYZ 快运" }',
    }),
  )
  .default(() => new Map());

const thresholdShape = Object.fromEntries((detectors as readonly { code: string; thresholds: z.ZodObject }[]).map((d) => [d.code, d.thresholds.prefault({})]));

/**
 * The options of `createTriage`, validated once. Strict at every level: an unknown key is an
 * error, because a misspelt threshold that silently does nothing is worse than a loud one.
 */
const TriageOptionsShape = z.strictObject({
  /** Language of summaries, checklists and customer messages: 'zh-CN', 'en', or a key of `messages`. @default 'zh-CN' */
  locale: z.string().min(1).default('zh-CN'),
  /** Message catalogues for further locales (or to replace a built-in one), keyed by locale. */
  messages: z
    .record(
      z.string().min(1),
      z.custom<MessageCatalogue>((v) => typeof v === 'object' && v !== null, { error: 'must be a message catalogue object' }),
    )
    .default({}),
  /**
   * The shop's IANA time zone. @deprecated Use `policy.timeZone`: given alone, this sets it;
   * given beside a different `policy.timeZone`, it is an error.
   */
  timeZone: TimeZoneSchema.optional(),
  /** Carrier names in the triage's locale, by carrier code, looked up before the built-in table (docs/messages.md). @default {} */
  carrierNames: CarrierNamesSchema,
  /** Thresholds per exception code; each code's defaults are documented in docs/detectors.md. */
  thresholds: z.strictObject(thresholdShape).prefault({}),
  /** Codes whose detectors do not run. @default [] */
  disabled: z.array(z.enum(detectorCodes as [DetectorCode, ...DetectorCode[]])).default([]),
  /** What the business allows: SLAs, owners, authority, refund ETAs, payment methods. */
  policy: PolicySchema.prefault({}),
  /** User-authored rules in json-rules-engine's format (validated by validateRules; see docs/rules.md). */
  rules: z.array(z.unknown()).default([]),
  /** Named conditions rules may reference with `{ condition: name }`. */
  conditions: z.record(z.string(), z.unknown()).default({}),
  /** Cross-order detection, KPI alerts and review analytics of `evaluateBatch`. */
  batch: z
    .strictObject({
      windowHours: ClusterThresholdsSchema.shape.windowHours,
      minAccounts: ClusterThresholdsSchema.shape.minAccounts,
      blacklistAtAccounts: z.int().min(2).default(5).meta({ description: 'Accounts in an address cluster at which the address is proposed for the blacklist.' }),
      minCouponRedemptions: ClusterThresholdsSchema.shape.minCouponRedemptions,
      newUserCouponKinds: ClusterThresholdsSchema.shape.newUserCouponKinds,
      rapidRepeatOrders: ClusterThresholdsSchema.shape.rapidRepeatOrders,
      rapidRepeatMinutes: ClusterThresholdsSchema.shape.rapidRepeatMinutes,
      kpi: KpiThresholdsSchema.prefault({}),
    })
    .prefault({}),
  /** Operators of your own for user rules; their presence runs user rules on json-rules-engine (async). */
  customOperators: z.array(z.unknown()).optional(),
  /**
   * Refuse what reading a snapshot would tolerate with a warning (an unknown event code or report
   * kind, a key that looks like a misspelt field): each becomes an issue of an
   * `invalid_snapshot` error (docs/snapshot.md, "Tolerance"). @default false
   */
  strict: z.boolean().default(false),
  /** Facts of your own for user rules: `{ name, compute, type? }` (checked by checkUserFacts; see docs/rules.md). */
  facts: z.array(z.unknown()).optional(),
});

/**
 * The options of `createTriage`, validated once. Strict at every level: an unknown key is an
 * error, because a misspelt threshold that silently does nothing is worse than a loud one. The
 * locale and custom catalogues are checked beside it by {@link localeIssues}.
 */
export const TriageOptionsSchema = TriageOptionsShape;

/**
 * Problems with `locale` and `messages` that depend on each other: a locale that is not a
 * BCP 47 tag, or neither built in nor given in `messages`; every entry a custom catalogue lacks;
 * a catalogue `locale` that is not a BCP 47 tag. Checked on the raw options, so
 * they are listed even when other options are wrong too.
 */
export function localeIssues(options: unknown): Issue[] {
  if (typeof options !== 'object' || options === null) return [];
  const { locale, messages } = options as { locale?: unknown; messages?: unknown };
  const issues: Issue[] = [];
  const custom = typeof messages === 'object' && messages !== null ? (messages as Record<string, unknown>) : {};
  for (const [key, catalogue] of Object.entries(custom)) {
    for (const problem of catalogueProblems(catalogue)) issues.push({ path: ['messages', key, ...problem.path], message: problem.message });
    const tag = typeof catalogue === 'object' && catalogue !== null ? (catalogue as { locale?: unknown }).locale : undefined;
    if (typeof tag === 'string' && !isLocaleTag(tag)) issues.push({ path: ['messages', key, 'locale'], message: `"${tag}" is not a BCP 47 language tag such as en or ja-JP` });
  }
  if (typeof locale === 'string' && !isLocaleTag(locale)) {
    issues.push({ path: ['locale'], message: `"${locale}" is not a BCP 47 language tag such as en or ja-JP` });
  } else if (typeof locale === 'string' && !Object.hasOwn(custom, locale) && !(LOCALES as readonly string[]).includes(locale)) {
    issues.push({ path: ['locale'], message: `unknown locale "${locale}": built in are ${LOCALES.join(', ')}; add others through options.messages` });
  }
  return issues;
}

/** The runtime's canonical name of a zone (`asia/shanghai` → `Asia/Shanghai`), so two spellings of one zone agree. */
function canonicalZone(zone: string): string {
  return new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone;
}

/**
 * The deprecated top-level `timeZone` beside `policy.timeZone`: one problem when both are
 * given, valid, and name different zones (either alone, or both the same, is fine). Checked on
 * the raw options, where "given" can still be told from a default.
 *
 * @example
 * timeZoneAliasIssues({ timeZone: 'UTC', policy: { timeZone: 'Asia/Tokyo' } }) //=> [{ path: ['timeZone'], message: '…' }]
 */
export function timeZoneAliasIssues(options: unknown): Issue[] {
  if (typeof options !== 'object' || options === null) return [];
  const { timeZone, policy } = options as { timeZone?: unknown; policy?: unknown };
  const policyZone = typeof policy === 'object' && policy !== null ? (policy as { timeZone?: unknown }).timeZone : undefined;
  if (typeof timeZone !== 'string' || typeof policyZone !== 'string' || !isTimeZone(timeZone) || !isTimeZone(policyZone)) return [];
  if (canonicalZone(timeZone) === canonicalZone(policyZone)) return [];
  return [
    {
      path: ['timeZone'],
      message: `"${timeZone}" contradicts policy.timeZone "${policyZone}": timeZone is a deprecated alias of policy.timeZone; give policy.timeZone only`,
    },
  ];
}

/**
 * The resolved options with one shop time zone: the deprecated top-level `timeZone`, when
 * given, is `policy.timeZone`; `timeZone` in the result always equals `policy.timeZone`.
 *
 * @example
 * withShopTimeZone(TriageOptionsSchema.parse({ timeZone: 'UTC' })).policy.timeZone //=> 'UTC'
 */
export function withShopTimeZone(parsed: z.output<typeof TriageOptionsShape>): ResolvedOptions {
  const timeZone = parsed.timeZone ?? parsed.policy.timeZone;
  // The shape types thresholds loosely; ResolvedOptions types them per detector.
  return { ...parsed, timeZone, policy: { ...parsed.policy, timeZone } } as unknown as ResolvedOptions;
}

/** Where a catalogue differs in shape from the built-in English one: every missing or mistyped entry. */
function catalogueProblems(candidate: unknown): { path: string[]; message: string }[] {
  const problems: { path: string[]; message: string }[] = [];
  const walk = (reference: unknown, value: unknown, path: string[]): void => {
    if (typeof reference === 'function') {
      if (typeof value !== 'function') problems.push({ path, message: 'must be a function returning the text' });
    } else if (Array.isArray(reference)) {
      if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) problems.push({ path, message: 'must be an array of strings' });
    } else if (typeof reference === 'object' && reference !== null) {
      if (typeof value !== 'object' || value === null) {
        problems.push({ path, message: 'is missing' });
        return;
      }
      for (const key of Object.keys(reference)) walk((reference as Record<string, unknown>)[key], (value as Record<string, unknown>)[key], [...path, key]);
    } else if (typeof value !== typeof reference) problems.push({ path, message: `must be a ${typeof reference}` });
  };
  walk(messageCatalogues.en, candidate, []);
  return problems;
}

type Detector = (typeof detectors)[number];

/** Thresholds per code, each field optional. */
export type ThresholdOptions = { readonly [D in Detector as D['code']]?: z.input<D['thresholds']> };

/** Resolved thresholds per code. */
export type ResolvedThresholds = { readonly [D in Detector as D['code']]: z.output<D['thresholds']> };

/**
 * Options whose type is richer than their schema: rules, conditions and operators are checked
 * by their own validators (the schema takes them as `unknown`), thresholds are typed per
 * detector, and `locale` suggests the built-in locales. Every other field's type is its schema's.
 */
type TypedApart = 'locale' | 'thresholds' | 'rules' | 'conditions' | 'customOperators' | 'carrierNames' | 'facts';

/** Nested option objects, taken from the schema as they are (not made readonly field by field). */
type Nested = 'policy' | 'batch';

/** The options of `createTriage`. Every field is optional; the fields not listed here are typed by `TriageOptionsSchema`. */
export interface TriageOptions extends ReadonlyFields<Omit<z.input<typeof TriageOptionsShape>, TypedApart | Nested>> {
  /** Language of summaries, checklists and customer messages: 'zh-CN', 'en', or a key of `messages`. @default 'zh-CN' */
  readonly locale?: (typeof LOCALES)[number] | (string & {});
  /**
   * Carrier names in the triage's locale, by carrier code (`{ XYZ: 'XYZ 快运' }`), looked up
   * case-insensitively before the built-in table (SF → 顺丰速运 / SF Express, ...). Staff notes,
   * summaries and customer messages name carriers by it (see docs/messages.md). Codes and names
   * must be non-empty strings.
   * @default {}
   */
  readonly carrierNames?: Readonly<Record<string, string>>;
  /** Thresholds per exception code (see docs/detectors.md for each default). */
  readonly thresholds?: ThresholdOptions;
  /** User-authored rules in json-rules-engine's format (see docs/rules.md). Validated once, here. */
  readonly rules?: readonly (UserRule | JsonRule)[];
  /** Named conditions rules may reference with `{ condition: name }` (json-rules-engine's setCondition). */
  readonly conditions?: Readonly<Record<string, RuleCondition>>;
  /**
   * Operators of your own, for user rules. When present (even empty), user rules run on
   * json-rules-engine's own engine and `evaluate` / `explain` return promises. See docs/rules.md.
   */
  readonly customOperators?: readonly CustomOperator[];
  /**
   * Facts of your own for user rules (json-rules-engine's `addFact`, synchronous and pure):
   * `{ name, compute: (order) => value, type? }`. Rules read them by name. See docs/rules.md.
   */
  readonly facts?: readonly UserFact[];
  /** What the business allows (see docs/policy.md). */
  readonly policy?: z.input<typeof TriageOptionsShape>['policy'];
  /** Cross-order detection, KPI alerts and review analytics of `evaluateBatch` (see docs/scaling.md). */
  readonly batch?: z.input<typeof TriageOptionsShape>['batch'];
}

/** Options with every default filled in: `TriageOptionsSchema`'s output, with thresholds typed per detector. */
export interface ResolvedOptions extends ReadonlyFields<Omit<z.output<typeof TriageOptionsShape>, 'thresholds' | 'timeZone' | Nested>> {
  /** The shop's time zone, the same as `policy.timeZone`. @deprecated Read `policy.timeZone`. */
  readonly timeZone: string;
  readonly thresholds: ResolvedThresholds;
  readonly policy: z.output<typeof TriageOptionsShape>['policy'];
  readonly batch: z.output<typeof TriageOptionsShape>['batch'];
}
