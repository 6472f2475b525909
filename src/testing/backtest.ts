import { readOwn, writeOwn } from '../_lib/own-key.js';
import type { EvaluateContext } from '../schema/context.js';
import type { TriageOptions } from '../schema/options.js';
import { createTriage, type Triage } from '../triage.js';

/** A rule set to compare: options for `createTriage`, or a triage already created. */
export type RuleSet = TriageOptions | Pick<Triage, 'evaluate'>;

/** An order whose findings differ between the two rule sets. */
export interface ChangedOrder {
  readonly orderId: string;
  /** Codes rule set B finds and A does not. */
  readonly added: string[];
  /** Codes A finds and B does not. */
  readonly removed: string[];
}

/** What moves between two rule sets over the same orders. */
export interface BacktestResult {
  readonly orders: number;
  /** Snapshots neither could evaluate (invalid input), by index. */
  readonly invalid: number[];
  /** Findings per code under each rule set. */
  readonly hits: { readonly a: Record<string, number>; readonly b: Record<string, number> };
  /** Every order whose findings differ, in input order (the first `keepChanged` of them with {@link createBacktest}). */
  readonly changed: ChangedOrder[];
}

/** A {@link BacktestResult} of {@link createBacktest}, which may keep only the first changed orders. */
export interface StreamedBacktestResult extends BacktestResult {
  /** How many orders' findings differ, kept or not. */
  readonly changedCount: number;
}

const isTriage = (set: RuleSet): set is Pick<Triage, 'evaluate'> => typeof (set as { evaluate?: unknown }).evaluate === 'function';

/** Options of {@link createBacktest}. */
export interface BacktestOptions {
  /**
   * How many changed orders to keep in `changed` (the count is always complete in `changedCount`).
   * @default Infinity
   */
  readonly keepChanged?: number;
}

/** A backtest fed one snapshot at a time, so orders can stream through it (the command line's `backtest`). */
export interface Backtest {
  /** Evaluates one snapshot under both rule sets: `invalid` when either could not, and the change when its findings differ. */
  add(snapshot: unknown): { readonly invalid: boolean; readonly change?: ChangedOrder };
  /** The comparison so far. */
  result(): StreamedBacktestResult;
}

function codesOf(triage: Pick<Triage, 'evaluate'>, snapshot: unknown, context: EvaluateContext): Set<string> | undefined {
  const report = triage.evaluate(snapshot, context);
  if (report instanceof Promise) throw new TypeError('backtest compares synchronous rule sets; custom operators make evaluation asynchronous');
  return report.ok ? new Set(report.findings.map((f) => f.code as string)) : undefined;
}

/**
 * Starts a backtest of two rule sets over snapshots given one at a time: the streaming form of
 * {@link backtest}, for inputs too large to hold (see docs/cli.md).
 *
 * @example
 * const run = createBacktest({}, { thresholds: { PAYMENT_FAILED: { unpaidMinutes: 60 } } }, { now });
 * for (const order of orders) run.add(order);
 * run.result().changedCount //=> 35
 */
export function createBacktest(a: RuleSet, b: RuleSet, context: EvaluateContext, options: BacktestOptions = {}): Backtest {
  const triageA = isTriage(a) ? a : createTriage(a);
  const triageB = isTriage(b) ? b : createTriage(b);
  const keep = options.keepChanged ?? Number.POSITIVE_INFINITY;
  const hits = { a: {} as Record<string, number>, b: {} as Record<string, number> };
  const changed: ChangedOrder[] = [];
  const invalid: number[] = [];
  let orders = 0;
  let changedCount = 0;
  return {
    add(snapshot) {
      const index = orders++;
      const codesA = codesOf(triageA, snapshot, context);
      const codesB = codesOf(triageB, snapshot, context);
      if (codesA === undefined || codesB === undefined) {
        invalid.push(index);
        return { invalid: true };
      }
      for (const code of codesA) writeOwn(hits.a, code, (readOwn(hits.a, code) ?? 0) + 1);
      for (const code of codesB) writeOwn(hits.b, code, (readOwn(hits.b, code) ?? 0) + 1);
      const added = [...codesB].filter((c) => !codesA.has(c));
      const removed = [...codesA].filter((c) => !codesB.has(c));
      if (added.length === 0 && removed.length === 0) return { invalid: false };
      const change = { orderId: readOrderId(snapshot), added, removed };
      changedCount++;
      if (changed.length < keep) changed.push(change);
      return { invalid: false, change };
    },
    result: () => ({ orders, invalid: [...invalid], hits: { a: { ...hits.a }, b: { ...hits.b } }, changed: [...changed], changedCount }),
  };
}

function readOrderId(snapshot: unknown): string {
  const id = typeof snapshot === 'object' && snapshot !== null ? (snapshot as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? id : '';
}

/**
 * Runs two rule sets over the same snapshots and reports hits per code and which orders change:
 * tune a threshold or edit a rule and see exactly what moves before it goes live.
 *
 * @example
 * const diff = backtest({}, { thresholds: { PAYMENT_FAILED: { unpaidMinutes: 60 } } }, orders, { now });
 * diff.hits.a.PAYMENT_FAILED //=> 120
 * diff.hits.b.PAYMENT_FAILED //=> 85
 * diff.changed[0] //=> { orderId: 'ORD-7', added: [], removed: ['PAYMENT_FAILED'] }
 */
export function backtest(a: RuleSet, b: RuleSet, snapshots: Iterable<unknown>, context: EvaluateContext): BacktestResult {
  const run = createBacktest(a, b, context);
  for (const snapshot of snapshots) run.add(snapshot);
  const { changedCount: _, ...result } = run.result();
  return result;
}
