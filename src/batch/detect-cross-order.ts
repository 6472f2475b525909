import { addMinutes } from '../_lib/add-time.js';
import { appendAll } from '../_lib/append-all.js';
import { buildIdempotencyKey } from '../_lib/idempotency-key.js';
import { isSharedDropOff } from '../_lib/shared-drop-off.js';
import { parseTimestamp } from '../_lib/timestamp.js';
import type { Owner, Severity } from '../detectors/detector.js';
import type { Issue } from '../errors.js';
import { plainText } from '../messages/plain-text.js';
import type { BatchDetector, BatchThresholds, ClusterEntry, DetectedCluster, SharedOn } from './batch-detector.js';
import type { BatchCode } from './detectors/index.js';
import { type BatchAction, type BatchActionSettings, finaliseBatchActions } from './finalise-batch-actions.js';

/** A finding across orders: what they share, and which orders. */
export interface BatchFinding {
  readonly code: BatchCode;
  readonly category: 'fraud';
  readonly severity: Severity;
  readonly ruleId: string;
  readonly confidence: number;
  /** Every order involved, in order of creation. */
  readonly orderIds: string[];
  readonly evidence: {
    /** What the orders share, and its value as the orders wrote it. */
    readonly shared: {
      readonly on: SharedOn;
      /** The value as the first order involved (in order of creation) wrote it. */
      readonly value: string;
      /** The cross-order key the orders were grouped by (`address:…`, `phone:…`: `CrossOrderKey.key`). */
      readonly key: string;
      /** Present (true) for a business or pickup address many buyers share honestly: lower severity, never blacklisted. */
      readonly businessOrPickup?: true;
    };
    readonly accounts: string[];
    readonly orders: { readonly orderId: string; readonly customerId: string; readonly at: string }[];
    readonly thresholds: Readonly<Record<string, unknown>>;
  };
  readonly summary: string;
  readonly owner: Owner;
  readonly respondBy: string;
  readonly checklist: readonly string[];
}

/** The cross-order part of a batch: what `triage.detectCrossOrder` returns. */
export interface CrossOrderResult {
  /** Findings visible only across orders, by key, then in detector order. */
  readonly findings: BatchFinding[];
  /** What to do about them, finding by finding. */
  readonly actions: BatchAction[];
}

/** What cross-order detection reads of the triage. */
export interface CrossOrderSettings extends BatchActionSettings {
  readonly now: number;
  readonly thresholds: BatchThresholds;
  readonly detectors: readonly BatchDetector[];
}

/** A row as detection reads it: its times in epoch milliseconds. */
export interface ReadKey {
  readonly kind: SharedOn;
  readonly key: string;
  readonly value: string;
  readonly orderId: string;
  readonly accountId: string;
  readonly at: number;
  readonly updated: number;
  readonly currency: string;
  readonly unshipped: boolean;
  readonly couponKinds: readonly string[];
  readonly batchKeysTaken: readonly string[];
}

const KINDS: ReadonlySet<string> = new Set<SharedOn>(['address', 'phone', 'device', 'customer']);
const STRING_FIELDS = ['value', 'orderId', 'accountId', 'currency'] as const;

/** An ISO 8601 timestamp ends with its offset: one without would be read in the process's time zone. */
const WITH_OFFSET = /T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)$/;

/** Epoch milliseconds of a `Date` or an ISO 8601 string with an offset (as a database driver hands it back), else NaN. */
function readTime(value: unknown): number {
  if (value instanceof Date) return value.getTime();
  return typeof value === 'string' && WITH_OFFSET.test(value) ? parseTimestamp(value) : Number.NaN;
}

function isStringArray(value: unknown): value is readonly string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

/** One row read, or its problems (added to `issues`). */
function readRow(row: unknown, index: number, issues: Issue[]): ReadKey | undefined {
  if (typeof row !== 'object' || row === null) {
    issues.push({ path: ['rows', index], message: 'must be a row from crossOrderKeys' });
    return undefined;
  }
  const r = row as Readonly<Record<string, unknown>>;
  const before = issues.length;
  const at = readTime(r.at);
  const updated = r.updatedAt === undefined || r.updatedAt === null ? at : readTime(r.updatedAt);
  const kind = r.kind;
  if (typeof kind !== 'string' || !KINDS.has(kind)) issues.push({ path: ['rows', index, 'kind'], message: 'must be address, phone, device or customer' });
  else if (typeof r.key !== 'string' || !r.key.startsWith(`${kind}:`) || r.key.length === kind.length + 1)
    issues.push({ path: ['rows', index, 'key'], message: `must be a key of its kind ('${kind}:…')` });
  for (const field of STRING_FIELDS) if (typeof r[field] !== 'string') issues.push({ path: ['rows', index, field], message: 'must be a string' });
  if (Number.isNaN(at)) issues.push({ path: ['rows', index, 'at'], message: 'must be an ISO 8601 timestamp with an offset, or a Date' });
  if (Number.isNaN(updated)) issues.push({ path: ['rows', index, 'updatedAt'], message: 'must be an ISO 8601 timestamp with an offset, or a Date' });
  if (typeof r.unshipped !== 'boolean') issues.push({ path: ['rows', index, 'unshipped'], message: 'must be true or false' });
  const coupons = r.couponKinds ?? [];
  const taken = r.batchKeysTaken ?? [];
  if (!isStringArray(coupons)) issues.push({ path: ['rows', index, 'couponKinds'], message: 'must be an array of strings' });
  if (!isStringArray(taken)) issues.push({ path: ['rows', index, 'batchKeysTaken'], message: 'must be an array of strings' });
  if (issues.length > before) return undefined;
  const s = r as Readonly<Record<(typeof STRING_FIELDS)[number] | 'key', string>>;
  return {
    kind: kind as SharedOn,
    key: s.key,
    value: s.value,
    orderId: s.orderId,
    accountId: s.accountId,
    at,
    updated,
    currency: s.currency,
    unshipped: r.unshipped as boolean,
    couponKinds: [...(coupons as readonly string[])],
    batchKeysTaken: [...(taken as readonly string[])],
  };
}

/**
 * Reads `detectCrossOrder`'s rows (each a copy, read once), or lists every problem with its path
 * (`['rows', 3, 'at']`). `at` and `updatedAt` may be `Date`s (as SQL drivers return them);
 * `null` or absent `couponKinds`, `batchKeysTaken` and `updatedAt` mean none (else `at`).
 *
 * @example
 * readCrossOrderRows([{ kind: 'phone', key: 'nope' }]) //=> { issues: [{ path: ['rows', 0, 'key'], ... }, ...] }
 */
export function readCrossOrderRows(rows: unknown): { rows: ReadKey[] } | { issues: Issue[] } {
  if (!Array.isArray(rows)) return { issues: [{ path: ['rows'], message: 'must be an array of rows from crossOrderKeys' }] };
  const issues: Issue[] = [];
  const read: ReadKey[] = [];
  for (let i = 0; i < rows.length; i++) {
    const row = readRow(rows[i], i, issues);
    if (row !== undefined) read.push(row);
  }
  return issues.length > 0 ? { issues } : { rows: read };
}

/**
 * The rows of the copy of each order that counts: the latest `updatedAt`, and of one kind the
 * last row among equals. Two copies of one order with equal `updatedAt` should not both be
 * stored (docs/scaling.md: upsert the keys per order).
 */
function latestCopies(rows: readonly ReadKey[]): ReadKey[] {
  const latest = new Map<string, number>();
  for (const row of rows) {
    const seen = latest.get(row.orderId);
    if (seen === undefined || row.updated > seen) latest.set(row.orderId, row.updated);
  }
  const kept = new Map<string, ReadKey>();
  for (const row of rows) if (row.updated === latest.get(row.orderId)) kept.set(`${row.kind}|${row.orderId}`, row);
  return [...kept.values()];
}

function byCreation(x: ReadKey, y: ReadKey): number {
  return x.at - y.at || (x.orderId < y.orderId ? -1 : x.orderId > y.orderId ? 1 : 0);
}

function batchFinding(cluster: DetectedCluster & { readonly code: BatchCode }, detector: BatchDetector, s: CrossOrderSettings): BatchFinding {
  const { accounts } = cluster;
  const orderIds = cluster.entries.map((x) => x.orderId);
  const severity = detector.severityOf?.(cluster) ?? detector.severity;
  return {
    code: cluster.code,
    category: 'fraud',
    severity,
    ruleId: `builtin:${cluster.code}`,
    confidence: accounts.length >= s.thresholds.blacklistAtAccounts ? 0.9 : 0.75,
    orderIds,
    evidence: {
      shared: { on: cluster.on, value: cluster.value, key: `${cluster.on}:${cluster.key}`, ...(cluster.sharedDropOff ? { businessOrPickup: true as const } : {}) },
      accounts: [...accounts],
      orders: cluster.entries.map((x) => ({ orderId: x.orderId, customerId: x.customerId, at: new Date(x.at).toISOString() })),
      thresholds: { windowHours: s.thresholds.windowHours, ...detector.thresholds(s.thresholds) },
    },
    summary: plainText(s.messages.batch.summaries[cluster.code]({ orders: orderIds.length, accounts: accounts.length, on: cluster.on, value: cluster.value })),
    owner: 'risk',
    respondBy: addMinutes(s.now, s.policy.sla[severity]).toISOString(),
    checklist: s.messages.batch.checklists[cluster.code].map(plainText),
  };
}

/** The findings and actions of one group of rows sharing `key` (in order of creation). */
function detectGroup(rows: readonly ReadKey[], s: CrossOrderSettings, coupons: ReadonlySet<string>, out: CrossOrderResult): void {
  const first = rows[0] as ReadKey;
  const on = first.kind;
  const key = first.key.slice(on.length + 1);
  const entries: ClusterEntry[] = rows.map((r) => ({
    orderId: r.orderId,
    customerId: r.accountId,
    at: r.at,
    unshipped: r.unshipped,
    newUserCoupon: r.couponKinds.some((k) => coupons.has(k)),
    currency: r.currency,
    batchKeysTaken: r.batchKeysTaken,
  }));
  const group = { on, value: first.value, key, sharedDropOff: on === 'address' && isSharedDropOff(first.value) };
  for (const detector of s.detectors) {
    if (!detector.groupBy.includes(on)) continue;
    const involved = detector.detect(entries, s.thresholds);
    if (involved === undefined) continue;
    const accounts = [...new Set(involved.map((e) => e.customerId))].sort();
    const cluster = { ...group, code: detector.code as BatchCode, entries: involved, accounts };
    const finding = batchFinding(cluster, detector, s);
    out.findings.push(finding);
    appendAll(out.actions, finaliseBatchActions(finding, cluster, detector.actions(cluster, s.thresholds), s));
  }
}

/**
 * Cross-order detection over rows of `crossOrderKeys`: the copy of each order that counts (see
 * {@link latestCopies}; skipped when `deduplicated`), the orders created in the window ending
 * at `now`, grouped by `key` (groups in key order, each group's orders in order of creation),
 * each group read by the detectors whose `groupBy` names its kind, in registry order. Each
 * finding comes from one group only, so detecting per group and concatenating (then
 * {@link mergeCrossOrder}) equals detecting over all rows.
 *
 * @example
 * detectCrossOrderRows(rows, settings) //=> { findings: [{ code: 'SHARED_ADDRESS_CLUSTER', ... }], actions: [...] }
 */
export function detectCrossOrderRows(rows: readonly ReadKey[], s: CrossOrderSettings, deduplicated = false): CrossOrderResult {
  const from = s.now - s.thresholds.windowHours * 3_600_000;
  const groups = new Map<string, ReadKey[]>();
  for (const row of deduplicated ? rows : latestCopies(rows)) {
    if (row.at < from || row.at > s.now) continue;
    const group = groups.get(row.key);
    if (group === undefined) groups.set(row.key, [row]);
    else group.push(row);
  }
  const out: CrossOrderResult = { findings: [], actions: [] };
  const coupons = new Set(s.thresholds.newUserCouponKinds);
  for (const key of [...groups.keys()].sort()) detectGroup((groups.get(key) as ReadKey[]).sort(byCreation), s, coupons, out);
  return out;
}

/** A finding with its actions, and the key it was found on. */
interface Block {
  readonly key: string;
  readonly finding: BatchFinding;
  readonly actions: BatchAction[];
}

/** A result's findings, each with the actions that follow it (their idempotency keys start with the finding's code and key). */
function blocksOf(result: CrossOrderResult): Block[] {
  const blocks: Block[] = [];
  let next = 0;
  for (const finding of result.findings) {
    const { on, key } = finding.evidence.shared;
    const prefix = `${buildIdempotencyKey(['batch', finding.code, on, key.slice(on.length + 1)])}/`;
    const actions: BatchAction[] = [];
    while (next < result.actions.length && (result.actions[next] as BatchAction).idempotencyKey.startsWith(prefix)) actions.push(result.actions[next++] as BatchAction);
    blocks.push({ key, finding, actions });
  }
  return blocks;
}

/**
 * Merges the results of `detectCrossOrder` over groups of rows (one result per group, or per
 * shard of whole groups) into the result over all the rows: findings in key order (a stable
 * sort, so one group's findings keep their detector order), each finding's actions after the
 * previous ones. Pure: run it wherever the results meet. Every row of one key must have been in
 * one group.
 *
 * @example
 * const perKey = groups.map((rows) => triage.detectCrossOrder(rows, { now }));
 * mergeCrossOrder(perKey) // deep-equals triage.detectCrossOrder(groups.flat(), { now })
 */
export function mergeCrossOrder(results: readonly CrossOrderResult[]): CrossOrderResult {
  const blocks: Block[] = [];
  for (const result of results) appendAll(blocks, blocksOf(result));
  blocks.sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
  const merged: CrossOrderResult = { findings: [], actions: [] };
  for (const block of blocks) {
    merged.findings.push(block.finding);
    appendAll(merged.actions, block.actions);
  }
  return merged;
}
