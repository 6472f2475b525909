import { addMinutes } from '../_lib/add-time.js';
import { appendAll } from '../_lib/append-all.js';
import { describeError } from '../_lib/describe-error.js';
import { buildIdempotencyKey } from '../_lib/idempotency-key.js';
import type { Severity } from '../detectors/detector.js';
import { internalFailure } from '../engine/failure.js';
import type { EvaluateResult } from '../engine/types.js';
import type { Issue } from '../errors.js';
import type { MessageCatalogue } from '../messages/catalogue.js';
import type { MessageKit } from '../messages/message-kit.js';
import { plainText } from '../messages/plain-text.js';
import type { Policy } from '../policy/policy.js';
import { type Allowlist, AllowlistSchema } from '../schema/context.js';
import { toIssues } from '../schema/issues.js';
import type { OrderSnapshot } from '../schema/snapshot.js';
import type { BatchDetector, BatchThresholds } from './batch-detector.js';
import { createClusterCollector } from './clusters.js';
import { type BatchFinding, detectCrossOrderRows } from './detect-cross-order.js';
import { batchDetectors } from './detectors/index.js';
import type { BatchAction } from './finalise-batch-actions.js';
import { computeKpis, type Kpi, type KpiBaseline, KpiBaselineSchema, type KpiThresholds } from './kpis.js';
import { addToReview, type ReviewFigures, type ReviewInput, reviewFigures } from './review.js';
import { addToSummary, type BatchSummary, canonicalSummary, emptySummary, hotspots } from './summary.js';

/** `evaluateBatch`'s own arguments, checked and read once. */
export interface BatchArguments {
  readonly baseline: KpiBaseline;
  /** `context.allowlist`: shared addresses and phones left out of the clusters. */
  readonly allowlist: Allowlist | undefined;
  readonly keepReports: boolean;
  readonly onReport: ((result: EvaluateResult) => void) | undefined;
  /** The rest of the context: what each order is evaluated with. */
  readonly context: Readonly<Record<string, unknown>>;
}

/** True for an array, an iterable or an async iterable; false (never a throw) for anything else. */
function isIterable(value: unknown): boolean {
  try {
    if (value === null || value === undefined) return false;
    const v = value as { [Symbol.iterator]?: unknown; [Symbol.asyncIterator]?: unknown };
    return typeof v[Symbol.iterator] === 'function' || typeof v[Symbol.asyncIterator] === 'function';
  } catch {
    return false;
  }
}

/** Problems with `baseline`, `keepReports` and `onReport`, each at its path under `context`. */
function optionIssues(baseline: unknown, keepReports: unknown, onReport: unknown): { issues: Issue[]; baseline: KpiBaseline } {
  const issues: Issue[] = [];
  let checked: KpiBaseline = {};
  try {
    const parsed = KpiBaselineSchema.safeParse(baseline ?? {});
    if (parsed.success) checked = parsed.data as KpiBaseline;
    else appendAll(issues, toIssues(parsed.error, ['context', 'baseline'], KpiBaselineSchema));
  } catch (error) {
    issues.push({ path: ['context', 'baseline'], message: `could not be read: ${describeError(error)}` });
  }
  if (keepReports !== undefined && typeof keepReports !== 'boolean') issues.push({ path: ['context', 'keepReports'], message: 'must be true or false' });
  if (onReport !== undefined && typeof onReport !== 'function') issues.push({ path: ['context', 'onReport'], message: 'must be a function, called with each report' });
  return { issues, baseline: checked };
}

/** `context.allowlist` checked (its problems added to `issues`), or undefined. */
function readAllowlist(allowlist: unknown, issues: Issue[]): Allowlist | undefined {
  if (allowlist === undefined) return undefined;
  try {
    const parsed = AllowlistSchema.safeParse(allowlist);
    if (parsed.success) return parsed.data;
    appendAll(issues, toIssues(parsed.error, ['context', 'allowlist'], AllowlistSchema));
  } catch (error) {
    issues.push({ path: ['context', 'allowlist'], message: `could not be read: ${describeError(error)}` });
  }
  return undefined;
}

/**
 * Checks and reads `evaluateBatch`'s arguments before any order is: the snapshots must be
 * iterable, `context.baseline` a valid baseline, `context.allowlist` a valid allowlist, `context.keepReports` a boolean and
 * `context.onReport` a function (each optional). Every problem is listed, with its path.
 *
 * @example
 * readBatchArguments([], { now, keepReports: 'no' }) //=> { issues: [{ path: ['context', 'keepReports'], message: 'must be true or false' }] }
 */
export function readBatchArguments(snapshots: unknown, context: unknown): BatchArguments | { issues: Issue[] } {
  const issues: Issue[] = [];
  if (!isIterable(snapshots)) issues.push({ path: ['snapshots'], message: 'must be an array, an iterable or an async iterable of order snapshots' });
  let read: { baseline?: unknown; keepReports?: unknown; onReport?: unknown; rest: Record<string, unknown> } = { rest: {} };
  try {
    const { baseline, keepReports, onReport, ...rest } = (context ?? {}) as Record<string, unknown>;
    read = { baseline, keepReports, onReport, rest };
  } catch (error) {
    issues.push({ path: ['context'], message: `could not be read: ${describeError(error)}` });
  }
  const options = optionIssues(read.baseline, read.keepReports, read.onReport);
  appendAll(issues, options.issues);
  const allowlist = readAllowlist(read.rest.allowlist, issues);
  if (issues.length > 0) return { issues };
  return { baseline: options.baseline, allowlist, keepReports: read.keepReports !== false, onReport: read.onReport as BatchArguments['onReport'], context: read.rest };
}

export type { BatchFinding } from './detect-cross-order.js';
export type { BatchAction } from './finalise-batch-actions.js';

/** What `evaluateBatch` returns. */
export interface BatchReport {
  /**
   * Each snapshot's own report, in input order (empty when `keepReports` is false): one per
   * snapshot, so an order delivered twice has two (the findings across orders and the summary
   * count it once).
   */
  readonly reports: EvaluateResult[];
  /** Findings visible only across orders. */
  readonly findings: BatchFinding[];
  /** What to do about them, and about a collapsing KPI. */
  readonly actions: BatchAction[];
  readonly kpis: Kpi[];
  /**
   * Counts only: merge shards with `mergeSummaries`. Orders are counted once per order id inside
   * the comparison window (the first copy delivered); copies created before the window are each counted.
   */
  readonly summary: BatchSummary;
  /** The top values of each dimension (code, province, city, SKU, carrier, channel, hour). */
  readonly hotspots: ReturnType<typeof hotspots>;
  /** The review (复盘) figures derived from `summary.review`: `reviewFigures` gives the same for merged shards. */
  readonly review: ReviewFigures;
}

/** What the batch needs of the triage it runs in. */
export interface BatchEngine {
  /** Evaluates one snapshot; the validated order when it was valid. */
  readonly evaluateOne: (snapshot: unknown) => { order: OrderSnapshot | undefined; result: EvaluateResult } | Promise<{ order: OrderSnapshot | undefined; result: EvaluateResult }>;
  readonly now: number;
  readonly thresholds: BatchThresholds & { readonly kpi: KpiThresholds };
  readonly baseline: KpiBaseline;
  readonly policy: Policy;
  readonly messages: MessageCatalogue;
  /** The message kit in one currency (an action's staff note is written in its orders' currency). */
  readonly kitFor: (currency: string) => MessageKit;
  /** The cross-order detectors to run; the built-in ones when absent. */
  readonly detectors?: readonly BatchDetector[];
  /** Shared addresses and phones left out of the clusters (`context.allowlist`). */
  readonly allowlist?: Allowlist | undefined;
  readonly timeZone: string;
  /** A finding code's severity (for the review of a finding no longer found); undefined for an unknown code. */
  readonly severityOf: (code: string) => Severity | undefined;
  readonly keepReports: boolean;
  readonly onReport: ((result: EvaluateResult) => void) | undefined;
}

/** The orders whose own reports open one tech incident (one system, one reason: one outage), and the codes behind it. */
interface Incident {
  readonly system: string;
  readonly reason: string;
  readonly orderIds: string[];
  readonly because: Set<string>;
}

/** The incidents the orders' reports open, by system and reason. */
type IncidentOrders = Map<string, Incident>;

/** Notes the tech incidents an order's report opens. */
function noteIncidents(result: EvaluateResult & { ok: true }, incidents: IncidentOrders): void {
  for (const action of result.actions) {
    if (action.kind !== 'tech_incident') continue;
    const { system, reason } = action.params;
    const id = `${system}|${reason}`;
    const seen = incidents.get(id);
    const entry = seen ?? { system, reason, orderIds: [], because: new Set<string>() };
    if (seen === undefined) incidents.set(id, entry);
    // An order delivered twice in a row (at-least-once queues) is listed once.
    if (entry.orderIds.at(-1) !== result.orderId) entry.orderIds.push(result.orderId);
    for (const code of action.because) entry.because.add(code);
  }
}

/**
 * One batch-level `tech_incident` per systemic cause: `kpi.incidentAt` orders or more whose own
 * reports open the same incident (150 orders paid but not updated by one payment-callback outage)
 * are one incident listing them all, to be opened instead of each order's.
 */
function systemicActions(incidents: IncidentOrders, e: BatchEngine): BatchAction[] {
  const actions: BatchAction[] = [];
  for (const id of [...incidents.keys()].sort()) {
    const { system, reason, orderIds, because } = incidents.get(id) as Incident;
    if (orderIds.length < e.thresholds.kpi.incidentAt) continue;
    actions.push({
      kind: 'tech_incident',
      params: { system, reason },
      owner: 'tech',
      dueBy: addMinutes(e.now, e.policy.sla.critical).toISOString(),
      requiresApproval: 'none',
      idempotencyKey: buildIdempotencyKey(['batch', 'incident', system, reason, new Date(e.now).toISOString()]),
      because: [...because].sort(),
      automatable: true,
      orderIds: [...orderIds],
      note: plainText(`${system}: ${reason}, ${orderIds.length} orders (${orderIds.join(', ')})`),
    } as BatchAction);
  }
  return actions;
}

function kpiActions(kpis: readonly Kpi[], e: BatchEngine): BatchAction[] {
  return kpis
    .filter((k) => k.emergency)
    .map((k) => ({
      kind: 'tech_incident',
      params: { system: k.name, reason: 'kpi_collapse' },
      owner: 'tech',
      dueBy: addMinutes(e.now, e.policy.sla.critical).toISOString(),
      requiresApproval: 'none',
      idempotencyKey: buildIdempotencyKey(['batch', 'kpi', k.name, 'tech_incident', new Date(e.now).toISOString()]),
      because: [k.name],
      automatable: true,
      orderIds: [],
      note: plainText(`${k.name}: ${k.reason} (${k.numerator}/${k.denominator})`),
    })) as BatchAction[];
}

/**
 * Adds a valid order to the summary and the clusters. One order's data never stops the batch:
 * should either throw, that order's report becomes an `internal_error` and it counts as invalid.
 */
function addOrder(
  order: OrderSnapshot,
  result: EvaluateResult & { ok: true },
  summary: BatchSummary,
  collector: ReturnType<typeof createClusterCollector>,
  timeZone: string,
  review: ReviewInput,
): EvaluateResult {
  const { orders, kpi } = summary;
  const validOrders = kpi.validOrders;
  try {
    // A copy of an order already counted in the window (at-least-once delivery) is not counted again.
    const added = collector.add(order);
    if (added === 'new' || added === 'outside') {
      addToSummary(summary, order, result.findings, timeZone);
      addToReview(summary.review, order, result, review);
    }
    return result;
  } catch (error) {
    // Counted once, as invalid, by the caller.
    summary.orders = orders;
    kpi.validOrders = validOrders;
    return internalFailure(error, order);
  }
}

/**
 * Evaluates many orders: each order's own report, and what only shows across orders (shared
 * addresses and contacts, coupon abuse, rapid repeat orders), KPI alerts against a baseline, and
 * review analytics. Takes arrays and (async) iterables; with `keepReports: false` a million
 * orders stream through in memory bounded by one window's orders.
 */
export async function evaluateBatchWith(snapshots: Iterable<unknown> | AsyncIterable<unknown>, e: BatchEngine): Promise<BatchReport> {
  const collector = createClusterCollector(e.now, e.thresholds, e.allowlist);
  const summary = emptySummary();
  const reports: EvaluateResult[] = [];
  const review: ReviewInput = { now: e.now, sla: e.policy.sla, severityOf: e.severityOf };
  const incidents: IncidentOrders = new Map();
  const record = ({ order, result: evaluated }: { order: OrderSnapshot | undefined; result: EvaluateResult }): void => {
    const result = order !== undefined && evaluated.ok ? addOrder(order, evaluated, summary, collector, e.timeZone, review) : evaluated;
    if (result.ok) noteIncidents(result, incidents);
    if (order === undefined || !result.ok) {
      summary.orders++;
      summary.invalid++;
    }
    if (e.keepReports) reports.push(result);
    e.onReport?.(result);
  };
  // A plain iterable is read with for…of: for await would read each order's `then` and await
  // it, so one order with a `then` could hang, reject or replace itself in the batch.
  if (Symbol.iterator in Object(snapshots)) {
    for (const snapshot of snapshots as Iterable<unknown>) {
      const evaluated = e.evaluateOne(snapshot);
      record(evaluated instanceof Promise ? await evaluated : evaluated);
    }
  } else {
    for await (const snapshot of snapshots as AsyncIterable<unknown>) {
      const evaluated = e.evaluateOne(snapshot);
      record(evaluated instanceof Promise ? await evaluated : evaluated);
    }
  }
  // The cross-order part is detectCrossOrder's, over the keys of the copies that count.
  const { findings, actions } = detectCrossOrderRows(collector.rows(), { ...e, detectors: e.detectors ?? batchDetectors }, true);
  const canonical = canonicalSummary(summary);
  const kpis = computeKpis(canonical, e.baseline, e.thresholds.kpi);
  appendAll(actions, systemicActions(incidents, e));
  appendAll(actions, kpiActions(kpis, e));
  return { reports, findings, actions, kpis, summary: canonical, hotspots: hotspots(canonical), review: reviewFigures(canonical.review) };
}
