import * as z from 'zod';
import { lazy } from '../_lib/lazy.js';
import { CategorySchema } from '../vocabulary/category.js';
import { OwnerSchema } from '../vocabulary/owner.js';
import { SeveritySchema } from '../vocabulary/severity.js';

const Scalar = z.union([z.string().max(1_000), z.number(), z.boolean(), z.null()]);

/** A value a rule condition compares with: a scalar, or a list of at most 1,000 scalars. */
export const RuleValueSchema = z.union([Scalar, z.array(Scalar).max(1_000)]);

/** A scalar or a list of them, as a rule compares with. */
type RuleValue = string | number | boolean | null | readonly (string | number | boolean | null)[];

/** json-rules-engine's `value: { fact, path }`: the value of another fact, to compare two facts. */
export interface RuleFactReference {
  readonly fact: string;
  readonly path?: string | undefined;
}

/** json-rules-engine's condition `priority`: parsed with parseInt, it orders evaluation only. */
type ConditionPriority = number | string | undefined;

/**
 * A rule condition (json-rules-engine's format): a leaf (an operator may carry 7.x decorators,
 * such as `someFact:equal`; a value may be `{ fact, path }`), `all` / `any` / `not`, or a
 * reference to a named condition. Other keys (a condition's `name`, ...) are ignored.
 */
export type RuleCondition =
  | {
      readonly fact: string;
      readonly operator: string;
      readonly value: RuleValue | RuleFactReference;
      readonly path?: string | undefined;
      readonly priority?: ConditionPriority;
      readonly name?: string | undefined;
    }
  | { readonly all: readonly RuleCondition[]; readonly priority?: ConditionPriority; readonly name?: string | undefined }
  | { readonly any: readonly RuleCondition[]; readonly priority?: ConditionPriority; readonly name?: string | undefined }
  | { readonly not: RuleCondition; readonly priority?: ConditionPriority; readonly name?: string | undefined }
  | { readonly condition: string; readonly priority?: ConditionPriority; readonly name?: string | undefined };

const Priority = z.union([z.number(), z.string().max(20)]).optional();
const FactReferenceSchema = z.looseObject({ fact: z.string(), path: z.string().optional() });

/** The recursive condition schema, for the JSON Schema admin UIs build forms from. */
export const RuleConditionSchema: z.ZodType<RuleCondition> = z.lazy(() =>
  z.union([
    z.looseObject({ fact: z.string(), operator: z.string(), value: z.union([RuleValueSchema, FactReferenceSchema]), path: z.string().optional(), priority: Priority }),
    z.looseObject({ all: z.array(RuleConditionSchema).max(50), priority: Priority }),
    z.looseObject({ any: z.array(RuleConditionSchema).max(50), priority: Priority }),
    z.looseObject({ not: RuleConditionSchema, priority: Priority }),
    z.looseObject({ condition: z.string(), priority: Priority }),
  ]),
) as never;

/** Texts per locale, e.g. `{ en: '...', 'zh-CN': '...' }`. */
const PerLocale = <T extends z.ZodType>(value: T) => z.record(z.string().min(1).max(20), value);

/** What a finding of a rule is when its `event.params` do not say. */
export const RULE_PARAM_DEFAULTS = { category: 'system', severity: 'low', owner: 'customer_service' } as const;

/**
 * A rule's `event.params`, free-form as in json-rules-engine. The keys order-triage reads are
 * below; every other key is the application's own, carried to the finding as `params`.
 */
export const RuleEventParamsSchema = z.looseObject({
  /** @default 'system' */
  category: CategorySchema.optional(),
  /** @default 'low' */
  severity: SeveritySchema.optional(),
  /** @default 'customer_service' */
  owner: OwnerSchema.optional(),
  /** A built-in code whose playbook resolves this finding too; without it, a person reviews the order. */
  playbook: z.string().optional(),
  /** 0..1. @default 0.9 */
  confidence: z.number().min(0).max(1).optional(),
  /** One sentence per locale; `{orderId}` is replaced by the order's id. */
  summary: PerLocale(z.string().min(1).max(500)).optional(),
  /** Where to look first, per locale. */
  checklist: PerLocale(z.array(z.string().min(1).max(300)).max(20)).optional(),
});

/** The `event.params` keys order-triage reads; the others are carried to the finding as `params`. */
export const KNOWN_PARAM_KEYS: readonly string[] = Object.keys(RuleEventParamsSchema.shape);

/**
 * A user-authored rule in json-rules-engine's format, as its own files hold them. `event.type`
 * (any non-empty string) becomes the finding's code, `name` its ruleId (when absent:
 * `<event.type>#<position>`), `priority` (parsed as json-rules-engine parses it, higher first)
 * orders the findings. The snapshot is the fact `order` (read with a `path`), every derived fact
 * of the catalogue (docs/rules.md) is a fact by its name, and so is each of `options.facts`.
 * Other keys (`description`, ...) are ignored.
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
export const RuleSchema = z.looseObject({
  name: z.union([z.string().min(1).max(100), z.number()]).optional(),
  conditions: RuleConditionSchema,
  event: z.looseObject({ type: z.string().min(1).max(200), params: RuleEventParamsSchema.optional() }),
  priority: z.union([z.number(), z.string().max(20)]).optional(),
});

/** A user-authored rule (typed for rules written in TypeScript; see {@link JsonRule} for rule files). */
export type UserRule = z.output<typeof RuleSchema>;

/**
 * A rule as a JSON file holds it, once imported (`import rules from './rules.json' with { type: 'json' }`):
 * TypeScript widens its literals to `string`, so the keys order-triage reads are strings here and
 * checked by `createTriage`.
 */
export interface JsonRule {
  readonly name?: string | number | undefined;
  readonly conditions: RuleCondition;
  readonly event: { readonly type: string; readonly params?: Readonly<Record<string, unknown>> | undefined };
  readonly priority?: number | string | undefined;
  readonly [key: string]: unknown;
}

/**
 * The envelope checked by zod, each mistake said in words; conditions are checked by the rule
 * validator, which also knows facts and types, and `priority` by json-rules-engine's own parse.
 * Internal, so built on first use (by a triage with rules), not at import.
 */
export const ruleEnvelopeSchema = lazy(() =>
  RuleSchema.extend({
    name: z.union([z.string().max(100), z.number()], { error: 'name must be a string of at most 100 characters or a number (json-rules-engine: any identifier)' }).optional(),
    conditions: z.unknown(),
    event: z.looseObject(
      {
        type: z
          .string({ error: 'event.type must be a non-empty string (or a number, read as its string)' })
          .min(1, 'event.type must be a non-empty string')
          .max(200, 'event.type is at most 200 characters'),
        params: RuleEventParamsSchema.optional(),
      },
      { error: 'event must be an object { type, params? }' },
    ),
    priority: z.unknown().optional(),
  }),
);

/**
 * Types a rule set (a JSON import or a literal) as user rules, unchanged: it is the same list at
 * runtime, checked in full by `createTriage`, which knows the facts, named conditions and
 * operators a rule may use. With literals, `satisfies readonly JsonRule[]` does the same.
 *
 * @example
 * import rules from './rules.json' with { type: 'json' };
 * const triage = createTriage({ rules: defineRules(rules) });
 */
export function defineRules<const R extends readonly JsonRule[]>(rules: R): R {
  return rules;
}

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
