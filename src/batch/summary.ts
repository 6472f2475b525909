import { readOwn, writeOwn } from '../_lib/own-key.js';
import { keptOrMade } from '../_lib/remembered.js';
import { parseTimestamp } from '../_lib/timestamp.js';
import type { Finding } from '../findings/finding.js';
import { distinctPayments } from '../money/distinct-payments.js';
import type { OrderSnapshot } from '../schema/snapshot.js';
import { emptyReview, mergeReviews, type ReviewSummary } from './review.js';

/** Counts by value of one dimension (code, province, SKU, ...). */
export type Counts = Record<string, number>;

/** A carrier's delivery record: delivered parcels with a due date, and how many arrived by it. */
export interface CarrierRecord {
  delivered: number;
  onTime: number;
}

/**
 * What a batch saw, as counts only, so that two shards' summaries merge into exactly the summary
 * of one pass over both (`mergeSummaries`). Review analytics (复盘) and KPI numerators live here.
 */
export interface BatchSummary {
  /** Snapshots seen, valid or not; a copy of an order already counted in the comparison window is not counted again. */
  orders: number;
  /** Snapshots that failed validation. */
  invalid: number;
  /** Orders with at least one finding. */
  withFindings: number;
  /** Findings per code, category, and the order's province, city, channel, carrier, SKU and local hour of creation. */
  byCode: Counts;
  byCategory: Counts;
  byProvince: Counts;
  byCity: Counts;
  byChannel: Counts;
  byCarrier: Counts;
  bySku: Counts;
  byHour: Counts;
  /** On-time delivery per carrier. */
  carriers: Record<string, CarrierRecord>;
  /** KPI numerators and denominators. */
  kpi: {
    /** Payment attempts that ended (succeeded or failed), and those that succeeded. */
    paymentAttempts: number;
    paymentsSucceeded: number;
    /** Orders shipped with a promised ship-by time, and those shipped by it. */
    shipmentsDue: number;
    shippedOnTime: number;
    /** Valid orders, and orders with a finding in each category. */
    validOrders: number;
    ordersWithExceptionIn: Counts;
  };
  /** Review (复盘) counts per code: timing, SLA, money out, satisfaction, automation; `reviewFigures` derives the rates (docs/scaling.md). */
  review: ReviewSummary;
}

/** A summary of nothing: the identity of `mergeSummaries`. */
export function emptySummary(): BatchSummary {
  return {
    orders: 0,
    invalid: 0,
    withFindings: 0,
    byCode: {},
    byCategory: {},
    byProvince: {},
    byCity: {},
    byChannel: {},
    byCarrier: {},
    bySku: {},
    byHour: {},
    carriers: {},
    kpi: { paymentAttempts: 0, paymentsSucceeded: 0, shipmentsDue: 0, shippedOnTime: 0, validOrders: 0, ordersWithExceptionIn: {} },
    review: emptyReview(),
  };
}

// Keys are data (a province, a SKU, a carrier): read and written as own properties only.
const bump = (counts: Counts, key: string, by = 1) => {
  writeOwn(counts, key, (readOwn(counts, key) ?? 0) + by);
};

/** Hour formatters by time zone, at most 64 kept (the oldest goes first). */
const hourFormatters = new Map<string, Intl.DateTimeFormat>();
function localHour(iso: string, timeZone: string): string {
  const f = keptOrMade(hourFormatters, timeZone, 64, () => new Intl.DateTimeFormat('en-US', { timeZone, hour: '2-digit', hourCycle: 'h23' }));
  return f.format(parseTimestamp(iso)).padStart(2, '0');
}

/** Adds one valid order and its findings to a summary (in place). */
export function addToSummary(summary: BatchSummary, order: OrderSnapshot, findings: readonly Finding[], timeZone: string): void {
  summary.orders++;
  const k = summary.kpi;
  k.validOrders++;
  // A payment recorded twice (an at-least-once feed) is one attempt.
  for (const p of distinctPayments(order).payments) {
    if (p.status === 'succeeded' || p.status === 'refunded') {
      k.paymentAttempts++;
      k.paymentsSucceeded++;
    } else if (p.status === 'failed') k.paymentAttempts++;
  }
  const firstShipped = (order.shipments ?? []).map((s) => (s.shippedAt === undefined ? Infinity : parseTimestamp(s.shippedAt))).reduce((a, b) => Math.min(a, b), Infinity);
  if (order.promisedShipBy !== undefined && firstShipped !== Infinity) {
    k.shipmentsDue++;
    if (firstShipped <= parseTimestamp(order.promisedShipBy)) k.shippedOnTime++;
  }
  for (const s of order.shipments ?? []) {
    const delivered = s.events.find((e) => e.code === 'delivered');
    const due = order.promisedDeliveryBy ?? s.estimatedDeliveryAt;
    if (delivered === undefined || due === undefined) continue;
    let record = readOwn(summary.carriers, s.carrier);
    if (record === undefined) writeOwn(summary.carriers, s.carrier, (record = { delivered: 0, onTime: 0 }));
    record.delivered++;
    if (parseTimestamp(delivered.at) <= parseTimestamp(due)) record.onTime++;
  }
  if (findings.length === 0) return;
  summary.withFindings++;
  const categories = new Set<string>();
  const a = order.shippingAddress;
  const carrier = order.shipments?.[order.shipments.length - 1]?.carrier;
  const hour = localHour(order.createdAt, timeZone);
  const skus = [...new Set(order.items.map((i) => i.sku))];
  for (const f of findings) {
    categories.add(f.category);
    bump(summary.byCode, f.code);
    bump(summary.byCategory, f.category);
    bump(summary.byProvince, a.province ?? '(none)');
    bump(summary.byCity, a.city ?? '(none)');
    bump(summary.byChannel, order.channel ?? '(none)');
    bump(summary.byCarrier, carrier ?? '(none)');
    bump(summary.byHour, hour);
    for (const sku of skus) bump(summary.bySku, sku);
  }
  for (const c of categories) bump(k.ordersWithExceptionIn, c);
}

function mergeCounts(a: Counts, b: Counts): Counts {
  const out: Counts = {};
  for (const key of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) writeOwn(out, key, (readOwn(a, key) ?? 0) + (readOwn(b, key) ?? 0));
  return out;
}

/** A summary in canonical form: every count map with its keys sorted, so equal summaries serialise equally. */
export function canonicalSummary(s: BatchSummary): BatchSummary {
  return mergeSummaries(s, emptySummary());
}

/**
 * Merges two summaries: the result is exactly the summary of one pass over both batches, so
 * shards evaluated on different workers or machines combine losslessly, in any grouping.
 *
 * @example
 * mergeSummaries(shardA.summary, shardB.summary)
 */
export function mergeSummaries(a: BatchSummary, b: BatchSummary): BatchSummary {
  const carriers: Record<string, CarrierRecord> = {};
  for (const key of [...new Set([...Object.keys(a.carriers), ...Object.keys(b.carriers)])].sort()) {
    const x = readOwn(a.carriers, key) ?? { delivered: 0, onTime: 0 };
    const y = readOwn(b.carriers, key) ?? { delivered: 0, onTime: 0 };
    writeOwn(carriers, key, { delivered: x.delivered + y.delivered, onTime: x.onTime + y.onTime });
  }
  return {
    orders: a.orders + b.orders,
    invalid: a.invalid + b.invalid,
    withFindings: a.withFindings + b.withFindings,
    byCode: mergeCounts(a.byCode, b.byCode),
    byCategory: mergeCounts(a.byCategory, b.byCategory),
    byProvince: mergeCounts(a.byProvince, b.byProvince),
    byCity: mergeCounts(a.byCity, b.byCity),
    byChannel: mergeCounts(a.byChannel, b.byChannel),
    byCarrier: mergeCounts(a.byCarrier, b.byCarrier),
    bySku: mergeCounts(a.bySku, b.bySku),
    byHour: mergeCounts(a.byHour, b.byHour),
    carriers,
    kpi: {
      paymentAttempts: a.kpi.paymentAttempts + b.kpi.paymentAttempts,
      paymentsSucceeded: a.kpi.paymentsSucceeded + b.kpi.paymentsSucceeded,
      shipmentsDue: a.kpi.shipmentsDue + b.kpi.shipmentsDue,
      shippedOnTime: a.kpi.shippedOnTime + b.kpi.shippedOnTime,
      validOrders: a.kpi.validOrders + b.kpi.validOrders,
      ordersWithExceptionIn: mergeCounts(a.kpi.ordersWithExceptionIn, b.kpi.ordersWithExceptionIn),
    },
    review: mergeReviews(a.review, b.review),
  };
}

/** The top `n` values of each dimension, most findings first (ties by name): where to look first. */
export function hotspots(summary: BatchSummary, n = 5): Record<'code' | 'province' | 'city' | 'sku' | 'carrier' | 'channel' | 'hour', { key: string; count: number }[]> {
  const top = (counts: Counts) =>
    Object.entries(counts)
      .map(([key, count]) => ({ key, count }))
      .sort((x, y) => y.count - x.count || (x.key < y.key ? -1 : 1))
      .slice(0, n);
  return {
    code: top(summary.byCode),
    province: top(summary.byProvince),
    city: top(summary.byCity),
    sku: top(summary.bySku),
    carrier: top(summary.byCarrier),
    channel: top(summary.byChannel),
    hour: top(summary.byHour),
  };
}
