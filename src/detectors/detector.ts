import type { z } from 'zod';
import type { TopLevelCondition } from '../conditions/condition.js';
import type { FactContext, FactName, OrderFactRecord } from '../facts/derive-facts.js';
import type { OrderSnapshot } from '../schema/snapshot.js';

import type { Category } from '../vocabulary/category.js';
import type { Owner } from '../vocabulary/owner.js';
import type { Severity } from '../vocabulary/severity.js';

export type { Category } from '../vocabulary/category.js';
export type { Owner } from '../vocabulary/owner.js';
export type { Severity } from '../vocabulary/severity.js';

/**
 * What a detector's thresholds may depend on: the order's currency (money limits), the
 * destination country and the primary shipment's carrier (`byCountry` / `byCarrier` overrides).
 */
export interface DetectorScope {
  readonly currency: string;
  readonly country: string;
  readonly carrier: string | null;
}

/** Snapshot records quoted in a finding's evidence, so a person can agree without opening the order. */
export type EvidenceRecords = Readonly<Record<string, readonly Readonly<Record<string, unknown>>[]>>;

/** What evidence records may be built from beside the snapshot and facts. */
export type EvidenceContext = FactContext;

/**
 * One detector: an exception code of the catalogue, the condition that signals it (in
 * json-rules-engine's format, over derived facts, with thresholds filled in), and how sure it is.
 */
export interface Detector<Code extends string = string, T extends z.ZodObject = z.ZodObject> {
  /** The exception code (docs/detectors.md). */
  readonly code: Code;
  readonly category: Category;
  /** Default severity; policy may not lower what the detector raises. */
  readonly severity: Severity;
  /** Default owner; `policy.owners` overrides it. */
  readonly owner: Owner;
  /** The signal in one line, for the catalogue in the docs. */
  readonly signal: string;
  /** The thresholds, with the documented defaults as zod defaults. Strict: unknown keys are errors. */
  readonly thresholds: T;
  /**
   * The condition over derived facts that raises the finding, given resolved thresholds (with
   * any `byCountry` / `byCarrier` override for this order already merged in) and the scope.
   */
  readonly when: (thresholds: z.output<T>, scope: DetectorScope) => TopLevelCondition<FactName>;
  /**
   * The scope parts `when` depends on. A detector with none is compiled once; one with some is
   * compiled once per distinct scope that changes its thresholds.
   */
  readonly scopedBy?: readonly (keyof DetectorScope)[];
  /** Codes that, when found on the same order, explain this one away (a lost parcel is not also "stalled"). */
  readonly supersededBy?: readonly string[];
  /** Facts quoted in the evidence beside the conditions. */
  readonly evidenceFacts: readonly FactName[];
  /** How sure the finding is, 0..1, from the facts. */
  readonly confidence: (facts: OrderFactRecord, snapshot: OrderSnapshot) => number;
  /** Snapshot records quoted in the evidence (the payments involved, ...). */
  readonly records?: (snapshot: OrderSnapshot, facts: OrderFactRecord, context: EvidenceContext) => EvidenceRecords;
}

/**
 * Declares a detector. The identity function keeps the code a literal type, so the union of
 * codes is derived from the registry and a new detector cannot be forgotten in it.
 *
 * @example
 * export const myDetector = defineDetector({ code: 'MY_CODE', ... });
 */
export function defineDetector<const Code extends string, T extends z.ZodObject>(detector: Detector<Code, T>): Detector<Code, T> {
  return detector;
}
