import type { EvaluateResult, TriageReport } from '../engine/types.js';
import type { Action } from '../playbooks/action.js';
import type { EvaluateContext } from '../schema/context.js';
import { ESCALATION_ROLES } from '../vocabulary/approval-role.js';
import { applyStep, carryOut, type SimState } from './simulate-steps.js';
import type { CaseMoment, CaseOutcome, CaseSimulation, CaseStep, RecordedAction, SimDuration, SimEvent, SimulateCaseOptions, SimulationStart } from './simulate-types.js';

export type * from './simulate-types.js';

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
