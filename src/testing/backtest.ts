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
  /** Every order whose findings differ, in input order. */
  readonly changed: ChangedOrder[];
}

const isTriage = (set: RuleSet): set is Pick<Triage, 'evaluate'> => typeof (set as { evaluate?: unknown }).evaluate === 'function';

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
  const triageA = isTriage(a) ? a : createTriage(a);
  const triageB = isTriage(b) ? b : createTriage(b);
  const hits = { a: {} as Record<string, number>, b: {} as Record<string, number> };
  const changed: ChangedOrder[] = [];
  const invalid: number[] = [];
  let orders = 0;
  for (const snapshot of snapshots) {
    const index = orders++;
    const ra = triageA.evaluate(snapshot, context);
    const rb = triageB.evaluate(snapshot, context);
    if (ra instanceof Promise || rb instanceof Promise) {
      throw new TypeError('backtest compares synchronous rule sets; custom operators make evaluation asynchronous');
    }
    if (!ra.ok || !rb.ok) {
      invalid.push(index);
      continue;
    }
    const codesA = new Set(ra.findings.map((f) => f.code as string));
    const codesB = new Set(rb.findings.map((f) => f.code as string));
    for (const code of codesA) writeOwn(hits.a, code, (readOwn(hits.a, code) ?? 0) + 1);
    for (const code of codesB) writeOwn(hits.b, code, (readOwn(hits.b, code) ?? 0) + 1);
    const added = [...codesB].filter((c) => !codesA.has(c));
    const removed = [...codesA].filter((c) => !codesB.has(c));
    if (added.length > 0 || removed.length > 0) changed.push({ orderId: ra.orderId, added, removed });
  }
  return { orders, invalid, hits, changed };
}
