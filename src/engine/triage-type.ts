import type { CrossOrderKey } from '../batch/cross-order-keys.js';
import type { CrossOrderResult } from '../batch/detect-cross-order.js';
import type { BatchReport } from '../batch/evaluate-batch.js';
import type { KpiBaseline } from '../batch/kpis.js';
import type { EvaluateContext } from '../schema/context.js';
import type { ResolvedOptions } from '../schema/options.js';
import type { EvaluateResult, Explanation, TriageFailure } from './types.js';

/**
 * A configured triage: options validated and detectors compiled once, then used per order.
 * `Async` is true when custom operators run user rules on json-rules-engine: `evaluate` and
 * `explain` then return promises (await them either way).
 */
export interface Triage<Async extends boolean = false> {
  /**
   * Evaluates one order snapshot at `context.now`. Never throws for bad input: a snapshot that
   * fails validation gives `{ ok: false, error: { code, issues: [{ path, message }] } }`.
   *
   * @example
   * const report = triage.evaluate(order, { now: '2026-03-01T12:00:00+08:00', blacklist, calendar });
   * if (report.ok) for (const f of report.findings) notify(f.owner, f.summary);
   */
  evaluate(snapshot: unknown, context: EvaluateContext): Async extends true ? Promise<EvaluateResult> : EvaluateResult;
  /**
   * Says why `code` (a built-in code or a rule's `event.type`) did or did not fire on one order,
   * condition by condition: json-rules-engine's most requested feature. Like `evaluate`, it
   * never throws for bad input; an unknown code is an `unknown_code` error.
   *
   * @example
   * const why = triage.explain(order, { now }, 'PAYMENT_FAILED');
   * if (why.ok && !why.fired) show(why.conditions); // which condition held back
   */
  explain(snapshot: unknown, context: EvaluateContext, code: string): Async extends true ? Promise<Explanation | TriageFailure> : Explanation | TriageFailure;
  /**
   * Evaluates many orders: each one's report, plus what only shows across orders (shared
   * addresses and contacts, coupon abuse, rapid repeat orders), KPI alerts against
   * `context.baseline`, and review analytics. Takes arrays and (async) iterables; with
   * `keepReports: false` a million orders stream through in bounded memory. Shards' summaries
   * merge losslessly with `mergeSummaries` (docs/scaling.md).
   *
   * An order delivered more than once (the same id, as at-least-once queues do) is one order
   * for the findings across orders, which keep the copy with the latest `updatedAt` (the later
   * one in the input on ties), and for the summary; each copy still gets its report.
   *
   * Bad arguments reject the promise before any order is read or reported, with one
   * `OrderTriageError` whose `issues` list every problem with its path: `['snapshots']` (not
   * iterable), `['context', 'baseline', ...]`, `['context', 'keepReports']` (not a boolean),
   * `['context', 'onReport']` (not a function). A bad evaluation context (`now`, blacklist,
   * calendar) is not an argument error: each order's report says `invalid_context`.
   *
   * @example
   * const batch = await triage.evaluateBatch(orders, { now, baseline: { paymentSuccessRate: 0.97 } });
   * batch.findings // e.g. SHARED_ADDRESS_CLUSTER with its orderIds
   */
  evaluateBatch(snapshots: Iterable<unknown> | AsyncIterable<unknown>, context: BatchContext): Promise<BatchReport>;
  /**
   * The cross-order keys of one order: plain JSON rows, one per thing it can share with other
   * orders (its normalised address, phone, device and account), each with what the cross-order
   * detectors read of it. Store them in your database, group them by `key` there, and hand each
   * group to {@link Triage.detectCrossOrder} (docs/scaling.md). An invalid snapshot has no keys
   * (`evaluate` reports why); an address or phone on `context.allowlist` has none either. A
   * malformed allowlist throws an `OrderTriageError` naming its path.
   *
   * @example
   * const rows = triage.crossOrderKeys(order, { now });
   * // [{ kind: 'address', key: 'address:广东省深圳市…', orderId: 'ORD-1', accountId: 'C-1', at: '2026-03-01T02:00:00.000Z', ... }, ...]
   */
  crossOrderKeys(snapshot: unknown, context?: CrossOrderKeysContext): CrossOrderKey[];
  /**
   * The cross-order part of a batch over rows of {@link Triage.crossOrderKeys}: findings and
   * actions for orders created in the window ending at `context.now`, through the same detectors
   * and action finalising as `evaluateBatch`. Group the rows by `key` anywhere (SQL `GROUP BY`, a
   * stream keyed by `key`, shards): detecting per group and merging the results with
   * `mergeCrossOrder` equals detecting over all rows, and equals `evaluateBatch`'s findings and
   * cross-order actions. Rows that are not rows, or a bad `now`, throw one `OrderTriageError`
   * listing every problem with its path (`['rows', 3, 'at']`, `['context', 'now']`).
   *
   * @example
   * const { findings, actions } = triage.detectCrossOrder(rowsOfOneKey, { now });
   */
  detectCrossOrder(rows: readonly unknown[], context: CrossOrderContext): CrossOrderResult;
  /** The options in force, with defaults filled in. */
  readonly options: ResolvedOptions;
}

/** What `evaluateBatch` needs beside the snapshots. */
export type BatchContext = EvaluateContext & {
  /** Rates to compare the batch's KPIs with (last week's, the previous window's). */
  readonly baseline?: KpiBaseline;
  /** Keep each order's report in `reports`. Turn off to stream many orders in bounded memory. @default true */
  readonly keepReports?: boolean;
  /** Called with each order's report as it is made (for streaming them elsewhere). */
  readonly onReport?: (result: EvaluateResult) => void;
};

/** What `crossOrderKeys` reads beside the snapshot (`now` is accepted and not needed: the window is applied by `detectCrossOrder`). */
export type CrossOrderKeysContext = Pick<EvaluateContext, 'allowlist'> & { readonly now?: unknown };

/** What `detectCrossOrder` needs beside the rows: `now`, which ends the comparison window. */
export type CrossOrderContext = Pick<EvaluateContext, 'now'>;
