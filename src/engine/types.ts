import type { ExplainedCondition } from '../conditions/condition.js';
import type { Issue } from '../errors.js';
import type { Finding } from '../findings/finding.js';
import type { Action, FindingCode } from '../playbooks/action.js';
import type { CaseFinding } from '../playbooks/case-state.js';

/** Why an evaluation could not run. */
export type EvaluationErrorCode = 'invalid_snapshot' | 'input_too_large' | 'invalid_context' | 'unknown_code' | 'internal_error';

/** Why a code did, or did not, fire on one order. */
export interface Explanation {
  readonly ok: true;
  readonly orderId: string;
  readonly code: FindingCode;
  readonly ruleId: string;
  /** True when the conditions held. */
  readonly fired: boolean;
  /** Codes found on the order that explain this one away (it fired but is not reported). */
  readonly supersededBy: readonly string[];
  /** The thresholds in force for this order (carrier and country overrides applied). */
  readonly thresholds: Readonly<Record<string, unknown>>;
  /** Every condition evaluated, as a tree: the fact, its value, the operator, the threshold, and whether it held. */
  readonly conditions: ExplainedCondition;
  /**
   * The value of each user fact (options.facts) for this order, by name; present when user facts
   * are configured. A fact that reads undefined (it returned undefined, or it failed: evaluate's
   * warnings say why) has no key here, so a fact that returned null reads null.
   */
  readonly userFacts?: Readonly<Record<string, unknown>>;
  /** What reading the snapshot tolerated, with its path, as `evaluate` reports it (docs/snapshot.md, "Tolerance"). */
  readonly warnings: readonly Issue[];
}

/** What to keep about this evaluation in the backend's case record (记录与复盘). */
export interface CaseState {
  /** When the evaluation ran (the `now` passed in), ISO 8601 UTC. */
  readonly evaluatedAt: string;
  /** `policy.version` at the time: which rules decided. */
  readonly policyVersion: string;
  /**
   * The findings open after this evaluation, each with since when, its state, what it waits on
   * and when to look again, and one `resolved` entry per code that resolved in this evaluation:
   * pass them back unchanged as the snapshot's `openFindings` next time (docs/lifecycle.md).
   */
  readonly openFindings: CaseFinding[];
}

/** The findings and actions for one order. */
export interface TriageReport {
  readonly ok: true;
  readonly orderId: string;
  /** Every exception found, in catalogue order. */
  readonly findings: Finding[];
  /** The playbook: what to do, who, by when, what to tell the customer. */
  readonly actions: Action[];
  /** What to store for the next evaluation and for review. */
  readonly case: CaseState;
  /** What was tolerated, with its path (a decision about something no longer open); never an error. */
  readonly warnings: Issue[];
}

/** An input that could not be evaluated, with every problem and its path. */
export interface TriageFailure {
  readonly ok: false;
  /** The order's id, when the input had a readable one. */
  readonly orderId?: string;
  readonly error: {
    readonly code: EvaluationErrorCode;
    readonly message: string;
    readonly issues: readonly Issue[];
  };
}

/** What `evaluate` returns: a report, or a structured error. It never throws for bad input. */
export type EvaluateResult = TriageReport | TriageFailure;
