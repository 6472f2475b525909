import type { Operator } from '../vocabulary/operator.js';

export { OPERATORS, type Operator } from '../vocabulary/operator.js';

/** A value a condition compares a fact with. */
export type ConditionValue = string | number | boolean | null | readonly (string | number | boolean | null)[];

/**
 * An operator with json-rules-engine 7.x decorators in front, such as `someFact:equal` or
 * `not:swap:contains` (docs/rules.md, Operators).
 */
export type DecoratedOperator = `${'someFact' | 'everyFact' | 'someValue' | 'everyValue' | 'not' | 'swap'}:${string}`;

/** A value read from another fact, as json-rules-engine's `value: { fact, path }`: compare two facts. */
export interface FactReference {
  readonly fact: string;
  /** A path into that fact's value, in the plain grammar `$.a.b[0]`. */
  readonly path?: string;
}

/** A leaf: compare one fact with a value (or with another fact's value). */
export interface FactCondition<F extends string = string> {
  readonly fact: F;
  readonly operator: Operator | DecoratedOperator;
  readonly value: ConditionValue | FactReference;
  /** A path into the fact's value in the plain grammar `$.a.b[0]` (used with the fact `order`). */
  readonly path?: string;
}

/** A json-rules-engine condition: a leaf, or `all` / `any` / `not` of conditions. */
export type Condition<F extends string = string> =
  | FactCondition<F>
  | { readonly all: readonly Condition<F>[] }
  | { readonly any: readonly Condition<F>[] }
  | { readonly not: Condition<F> };

/** The root of a json-rules-engine rule's `conditions`. */
export type TopLevelCondition<F extends string = string> = { readonly all: readonly Condition<F>[] } | { readonly any: readonly Condition<F>[] } | { readonly not: Condition<F> };

/** A leaf condition as it was evaluated: the fact's value beside the threshold it was compared with. */
export interface EvaluatedCondition {
  /** The fact's documented name, e.g. `payments.surplus`. */
  readonly fact: string;
  /** The path read inside the fact, for the fact `order`. */
  readonly path?: string;
  /** The fact's value for this order. */
  readonly value: unknown;
  /** How it was compared. */
  readonly operator: Operator | DecoratedOperator;
  /** What it was compared with: the threshold (for a fact comparison, the other fact's value). */
  readonly threshold: ConditionValue;
  /** For a fact comparison (`value: { fact, path }`), where the threshold was read. */
  readonly thresholdFrom?: FactReference;
  /** Whether the comparison held. */
  readonly passed: boolean;
}

/** A condition evaluated in full: every leaf, whether or not it decided the result. */
export type ExplainedCondition =
  | (EvaluatedCondition & { readonly kind: 'fact' })
  | { readonly kind: 'all' | 'any'; readonly passed: boolean; readonly conditions: readonly ExplainedCondition[] }
  | { readonly kind: 'not'; readonly passed: boolean; readonly condition: ExplainedCondition };
