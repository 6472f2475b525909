import type { TriageReport } from '../engine/types.js';
import type { ActionKind } from '../playbooks/action.js';
import type { EvaluateContext } from '../schema/context.js';
import type { OrderSnapshotInput } from '../schema/snapshot.js';

/** A span of simulated time: days, hours and minutes added together. */
export interface SimDuration {
  readonly days?: number;
  readonly hours?: number;
  readonly minutes?: number;
}

/** What the backend carries out of the latest report: only what may run without a person, or everything a person may do. */
export type CarryOut = 'carry_out_automatable' | 'carry_out_all';

/** A choice the customer makes among the options a message offered (`wait` also answers `wait_for_restock`). */
export type CustomerChoice = 'refund' | 'reship' | 'wait' | 'cancel' | 'keep' | 'exchange';

/** One decision recorded as a backend records it in `decisions[]`. */
export interface SimDecision {
  readonly by: 'customer' | 'agent' | 'supervisor' | 'manager' | 'system';
  readonly about: string;
  readonly choice: CustomerChoice | 'approve' | 'reject';
  readonly note?: string;
}

/** What one step does at its moment (besides waiting `after`). */
export type CaseStepAction =
  /** Record the latest report's actions as done (a failure queued by `fail` applies). */
  | { readonly do: CarryOut }
  /** The customer answers every message whose options offered this choice, about each code it covered. */
  | { readonly customerChooses: CustomerChoice }
  /** A person with the authority approves every action of the latest report that awaits approval, or the one with this key. */
  | { readonly approve: 'all' | (string & {}) }
  /** The same, rejecting. */
  | { readonly reject: 'all' | (string & {}) }
  /** The newest parcel is delivered (a `delivered` event), or its return is received (a `returns[]` entry). */
  | { readonly carrier: 'deliver' | 'return_received' }
  /** Every refund recorded done becomes a succeeded `refunds[]` entry (the gateway settled it). */
  | { readonly refundsSettle: true }
  /** The next action of this kind carried out is recorded `status: 'failed'` (a refused refund, an undelivered SMS). */
  | { readonly fail: ActionKind }
  /** The customer tells the shop something (a report from the customer: a refusal's reason, damage, a parcel not received). */
  | { readonly customerReports: NonNullable<OrderSnapshotInput['reports']>[number]['kind']; readonly text?: string }
  /** The customer pays what the order still owes (one succeeded payment; an unpaid order becomes paid). */
  | { readonly customerPays: true }
  /** The customer rates the case (`feedback`). */
  | { readonly customerRates: 1 | 2 | 3 | 4 | 5 }
  /** Any decision, as recorded in `decisions[]`. */
  | { readonly decide: SimDecision }
  /** Anything else the world changes: fields merged over the order (or computed from it), e.g. a corrected address. */
  | { readonly update: Partial<OrderSnapshotInput> | ((order: OrderSnapshotInput) => Partial<OrderSnapshotInput>) }
  /** Nothing: time passes and the order is evaluated again. */
  | { readonly wait: true };

/** One step of a script: wait `after` (default nothing) from the previous moment, do what it says, evaluate. */
export type CaseStep = CaseStepAction & { readonly after?: SimDuration };

/** Where the simulation starts: an order, the moment of its first evaluation, and the rest of the context. */
export interface SimulationStart {
  readonly order: OrderSnapshotInput;
  readonly now: string | Date;
  readonly context?: Omit<EvaluateContext, 'now'>;
}

/** After the script: keep the case going on its own until it settles. */
export interface SettleOptions {
  /** How long between two evaluations. */
  readonly every: SimDuration;
  /** What the backend carries out at each of them. @default 'carry_out_automatable' */
  readonly do?: CarryOut | 'nothing';
  /** At most this many further evaluations. */
  readonly maxSteps: number;
}

/** Options of {@link simulateCase}. */
export interface SimulateCaseOptions {
  /** Keep going after the script, until the case is resolved or escalated. */
  readonly settle?: SettleOptions;
}

/** What the backend recorded in `actionsTaken[]` at one moment. */
export interface RecordedAction {
  readonly kind: string;
  readonly idempotencyKey: string;
  readonly at: string;
  readonly amount?: number;
  readonly status?: 'failed';
  readonly error?: string;
}

/** A change of the world recorded at one moment: a decision, a tracking event, a return, a settled refund, a payment, a customer's report, feedback or an update. */
export interface SimEvent {
  readonly type: 'decision' | 'tracking' | 'return' | 'refund' | 'payment' | 'report' | 'feedback' | 'update' | 'effect';
  /** What changed, in words (for docs and test failures). */
  readonly summary: string;
}

/** One moment of the case: what was recorded and what happened, then the report evaluated on the result. */
export interface CaseMoment {
  /** ISO 8601 UTC. */
  readonly at: string;
  /** The step that led here (undefined for the first evaluation and the settling ones' own `do`). */
  readonly step?: CaseStep;
  readonly recorded: readonly RecordedAction[];
  readonly events: readonly SimEvent[];
  /** The snapshot evaluated at this moment (with `openFindings` fed back from the previous report). */
  readonly snapshot: OrderSnapshotInput;
  readonly report: TriageReport;
}

/** How the case ended: every finding resolved, handed up the escalation levels, or still open. */
export type CaseOutcome = 'resolved' | 'escalated' | 'open';

/** What {@link simulateCase} returns. */
export interface CaseSimulation {
  readonly timeline: readonly CaseMoment[];
  readonly outcome: CaseOutcome;
}
