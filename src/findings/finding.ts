import type { EvaluatedCondition } from '../conditions/condition.js';
import type { EvidenceRecords } from '../detectors/detector.js';
import type { DetectorCode } from '../detectors/registry.js';
import type { Category } from '../vocabulary/category.js';
import type { Owner } from '../vocabulary/owner.js';
import type { Severity } from '../vocabulary/severity.js';

/** A finding code: a built-in one, or one the caller's own records or rules name. */
export type FindingCode = DetectorCode | (string & {});

/** Why a finding was raised: enough for a person to agree without opening the order. */
export interface Evidence {
  /** Each condition that decided it: the fact, its value, the operator and the threshold. */
  readonly conditions: readonly EvaluatedCondition[];
  /** Further facts that put the conditions in context, by name. */
  readonly facts: Readonly<Record<string, unknown>>;
  /** Every threshold of the detector, as configured. */
  readonly thresholds: Readonly<Record<string, unknown>>;
  /** The snapshot records involved (payments, refunds, ...). */
  readonly records: EvidenceRecords;
}

/** One exception found on one order (docs/detectors.md). */
export interface Finding {
  /** A built-in code, or the `event.type` of a user rule. */
  readonly code: FindingCode;
  readonly category: Category;
  readonly severity: Severity;
  readonly orderId: string;
  /** The rule that raised it: `builtin:<CODE>` for built-in detectors, the rule's `name` for user rules. */
  readonly ruleId: string;
  /** A user rule's own `event.params` (every key order-triage does not read), as plain JSON; absent for built-in findings. */
  readonly params?: Readonly<Record<string, unknown>>;
  /** How sure, 0..1. */
  readonly confidence: number;
  readonly evidence: Evidence;
  /** One sentence, in the triage's locale. */
  readonly summary: string;
  readonly owner: Owner;
  /** Respond by (ISO 8601, UTC): now + the SLA of its severity. */
  readonly respondBy: string;
  /** Where to look first (the investigation steps for this code, docs/detectors.md), in the triage's locale. */
  readonly checklist: readonly string[];
}
