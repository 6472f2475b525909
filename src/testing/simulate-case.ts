import type { EvaluateResult, TriageReport } from '../engine/types.js';
import type { Action, ActionKind } from '../playbooks/action.js';
import type { EvaluateContext } from '../schema/context.js';
import type { OrderSnapshotInput } from '../schema/snapshot.js';
import { ESCALATION_ROLES } from '../vocabulary/approval-role.js';
import { applyStep, carryOut, type SimState } from './simulate-steps.js';

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

/** A change of the world recorded at one moment: a decision, a tracking event, a return, a settled refund, a payment, feedback or an update. */
export interface SimEvent {
  readonly type: 'decision' | 'tracking' | 'return' | 'refund' | 'payment' | 'feedback' | 'update' | 'effect';
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

type Evaluator = { evaluate(snapshot: unknown, context: EvaluateContext): EvaluateResult | Promise<EvaluateResult> };

const MINUTE = 60_000;

function durationMs(d: SimDuration | undefined): number {
  if (d === undefined) return 0;
  return ((d.days ?? 0) * 24 * 60 + (d.hours ?? 0) * 60 + (d.minutes ?? 0)) * MINUTE;
}

/** True for an `escalate` action that hands the case up the escalation levels (not to a team). */
export function isCaseEscalation(action: Pick<Action, 'kind' | 'params'>): boolean {
  return action.kind === 'escalate' && (ESCALATION_ROLES as readonly string[]).includes((action.params as { to: string }).to);
}

/** True when the report leaves nothing open (every entry of its case record resolved). */
function isResolved(report: TriageReport): boolean {
  return report.case.openFindings.every((f) => (f as { state?: string }).state === 'resolved');
}

function outcomeOf(timeline: readonly CaseMoment[]): CaseOutcome {
  const last = timeline[timeline.length - 1];
  if (last !== undefined && isResolved(last.report)) return 'resolved';
  return timeline.some((m) => m.report.actions.some(isCaseEscalation)) ? 'escalated' : 'open';
}

function asReport(result: EvaluateResult, at: string): TriageReport {
  if (!result.ok) throw new Error(`simulateCase: the order could not be evaluated at ${at}: ${JSON.stringify(result.error.issues)}`);
  return result;
}

/**
 * Plays a case's life the way an integrating backend would (docs/lifecycle.md): evaluates the
 * order at `start.now`, then for each step of `script` lets time pass (`after`), records what the
 * backend and the world did (actions carried out in `actionsTaken[]`, decisions, tracking
 * events, returns, settled refunds), passes the last report's `case.openFindings` back as the
 * snapshot's `openFindings`, and evaluates again. With `options.settle` it then keeps going on
 * its own until the case is resolved or escalated. It never reads the clock and never mutates
 * its inputs. A triage running user rules on json-rules-engine gives a promise of the result.
 *
 * @example
 * const { timeline, outcome } = simulateCase(triage, logisticsScenarios.packageDamaged(), [
 *   { do: 'carry_out_automatable' },
 *   { after: { hours: 3 }, customerChooses: 'refund' },
 *   { do: 'carry_out_all' },
 *   { after: { days: 1 }, refundsSettle: true },
 * ]);
 * outcome //=> 'resolved'
 * timeline.at(-1)?.report.actions.map((a) => a.kind) //=> ['follow_up_survey']
 */
export function simulateCase(
  triage: { evaluate(snapshot: unknown, context: EvaluateContext): EvaluateResult },
  start: SimulationStart,
  script: readonly CaseStep[],
  options?: SimulateCaseOptions,
): CaseSimulation;
export function simulateCase(triage: Evaluator, start: SimulationStart, script: readonly CaseStep[], options?: SimulateCaseOptions): CaseSimulation | Promise<CaseSimulation>;
export function simulateCase(triage: Evaluator, start: SimulationStart, script: readonly CaseStep[], options: SimulateCaseOptions = {}): CaseSimulation | Promise<CaseSimulation> {
  const startMs = start.now instanceof Date ? start.now.getTime() : Date.parse(start.now);
  if (Number.isNaN(startMs)) throw new Error('simulateCase: start.now is not a timestamp');
  const state: SimState = { order: structuredClone(start.order), atMs: startMs, pendingFailures: [], refundParams: new Map(), settled: new Set(), serial: 0 };
  const timeline: CaseMoment[] = [];
  const settle = options.settle;
  const plan: { step?: CaseStep; settling: boolean }[] = [{ settling: false }, ...script.map((step) => ({ step, settling: false }))];
  let index = 0;
  let settled = 0;

  const next = (): { step?: CaseStep; settling: boolean } | undefined => {
    if (index < plan.length) return plan[index++];
    if (settle === undefined || settled >= settle.maxSteps || outcomeOf(timeline) !== 'open') return undefined;
    settled += 1;
    return { settling: true };
  };

  const evaluateMoment = (): EvaluateResult | Promise<EvaluateResult> => triage.evaluate(state.order, { ...start.context, now: new Date(state.atMs).toISOString() });

  const loop = (): CaseSimulation | Promise<CaseSimulation> => {
    for (let item = next(); item !== undefined; item = next()) {
      const last = timeline[timeline.length - 1]?.report;
      let recorded: RecordedAction[] = [];
      let events: SimEvent[] = [];
      if (item.settling && settle !== undefined) {
        state.atMs += durationMs(settle.every);
        if (settle.do !== 'nothing' && last !== undefined) ({ recorded, events } = carryOut(state, last, settle.do ?? 'carry_out_automatable'));
      } else if (item.step !== undefined) {
        state.atMs += durationMs(item.step.after);
        ({ recorded, events } = applyStep(state, item.step, timeline));
      }
      const at = new Date(state.atMs).toISOString();
      const snapshot = state.order;
      const moment = (result: EvaluateResult): void => {
        const report = asReport(result, at);
        timeline.push({ at, ...(item.step === undefined ? {} : { step: item.step }), recorded, events, snapshot, report });
        state.order = { ...state.order, openFindings: report.case.openFindings.map((f) => ({ ...f })) };
      };
      const result = evaluateMoment();
      if (result instanceof Promise) return result.then((r) => (moment(r), loop()));
      moment(result);
    }
    return { timeline, outcome: outcomeOf(timeline) };
  };
  return loop();
}
