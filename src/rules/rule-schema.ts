import * as z from 'zod';
import { CategorySchema } from '../vocabulary/category.js';
import { OwnerSchema } from '../vocabulary/owner.js';
import { SeveritySchema } from '../vocabulary/severity.js';

const Scalar = z.union([z.string().max(1_000), z.number(), z.boolean(), z.null()]);

/** A value a rule condition compares with: a scalar, or a list of at most 1,000 scalars. */
export const RuleValueSchema = z.union([Scalar, z.array(Scalar).max(1_000)]);

/** A rule condition (json-rules-engine's format): a leaf, `all` / `any` / `not`, or a reference to a named condition. */
export type RuleCondition =
  | { fact: string; operator: string; value: z.output<typeof RuleValueSchema>; path?: string | undefined; priority?: number | undefined }
  | { all: RuleCondition[]; priority?: number | undefined }
  | { any: RuleCondition[]; priority?: number | undefined }
  | { not: RuleCondition; priority?: number | undefined }
  | { condition: string; priority?: number | undefined };

/** The recursive condition schema, for the JSON Schema admin UIs build forms from. */
export const RuleConditionSchema: z.ZodType<RuleCondition> = z.lazy(() =>
  z.union([
    z.strictObject({ fact: z.string(), operator: z.string(), value: RuleValueSchema, path: z.string().optional(), priority: z.number().optional() }),
    z.strictObject({ all: z.array(RuleConditionSchema).max(50), priority: z.number().optional() }),
    z.strictObject({ any: z.array(RuleConditionSchema).max(50), priority: z.number().optional() }),
    z.strictObject({ not: RuleConditionSchema, priority: z.number().optional() }),
    z.strictObject({ condition: z.string(), priority: z.number().optional() }),
  ]),
);

/** Texts per locale, e.g. `{ en: '...', 'zh-CN': '...' }`. */
const PerLocale = <T extends z.ZodType>(value: T) => z.record(z.string().min(1).max(20), value);

/** What a rule's finding is: its category, severity, owner, and the playbook it maps to. */
export const RuleEventParamsSchema = z.strictObject({
  category: CategorySchema,
  severity: SeveritySchema,
  owner: OwnerSchema,
  /** A built-in code whose playbook resolves this finding too; without it, a person reviews the order. */
  playbook: z.string().optional(),
  /** 0..1. @default 0.9 */
  confidence: z.number().min(0).max(1).optional(),
  /** One sentence per locale; `{orderId}` is replaced by the order's id. */
  summary: PerLocale(z.string().min(1).max(500)).optional(),
  /** Where to look first, per locale. */
  checklist: PerLocale(z.array(z.string().min(1).max(300)).max(20)).optional(),
});

/**
 * A user-authored rule in json-rules-engine's format. `event.type` becomes the finding's code,
 * `name` its ruleId. The snapshot is the fact `order` (read with a `path`), and every derived
 * fact of the catalogue (docs/rules.md) is a fact by its name.
 *
 * @example
 * {
 *   name: 'big-first-order',
 *   conditions: { all: [
 *     { fact: 'customer.accountAgeHours', operator: 'lessThan', value: 72 },
 *     { fact: 'order', path: '$.totals.payable', operator: 'greaterThan', value: 300000 },
 *   ] },
 *   event: { type: 'BIG_FIRST_ORDER', params: { category: 'fraud', severity: 'medium', owner: 'risk' } },
 * }
 */
export const RuleSchema = z.strictObject({
  name: z.string().min(1).max(100),
  conditions: RuleConditionSchema,
  event: z.strictObject({ type: z.string(), params: RuleEventParamsSchema }),
  priority: z.number().int().min(1).max(100).optional(),
});

/** A user-authored rule. */
export type UserRule = z.output<typeof RuleSchema>;

/** The envelope checked by zod; conditions are checked by the rule validator, which also knows facts and types. */
export const RuleEnvelopeSchema = RuleSchema.extend({ conditions: z.unknown() });

let cached: Record<string, unknown> | undefined;

/**
 * The rule format as JSON Schema (draft 2020-12), for admin UIs that let people write rules.
 * Structural only: which facts exist and what they hold is checked at `createTriage`.
 *
 * @example
 * getRuleJsonSchema().title //=> 'OrderTriageRule'
 */
export function getRuleJsonSchema(): Record<string, unknown> {
  cached ??= { ...z.toJSONSchema(RuleSchema, { target: 'draft-2020-12', io: 'input' }), title: 'OrderTriageRule' };
  return structuredClone(cached);
}
