import { z } from 'zod';
import { readOwn } from '../_lib/own-key.js';
import type { ReadonlyFields } from '../_lib/readonly-fields.js';
import type { BatchSummary } from './summary.js';

/**
 * Rates to compare the batch with, each 0..1 (`evaluateBatch`'s `context.baseline`).
 *
 * @example
 * KpiBaselineSchema.parse({ paymentSuccessRate: 0.97, exceptionRate: { logistics: 0.03 } })
 * //=> { paymentSuccessRate: 0.97, exceptionRate: { logistics: 0.03 } }
 */
export const KpiBaselineSchema = z.strictObject({
  paymentSuccessRate: z.number().min(0).max(1).optional(),
  onTimeShippingRate: z.number().min(0).max(1).optional(),
  /** Share of orders with an exception, per category. */
  exceptionRate: z.partialRecord(z.string(), z.number().min(0).max(1)).optional(),
});

/** Reference rates to compare a batch with: last week's, last month's, or the previous window's. */
export type KpiBaseline = ReadonlyFields<z.output<typeof KpiBaselineSchema>>;

/**
 * When a KPI alerts (`options.batch.kpi`), with the documented defaults.
 *
 * @example
 * KpiThresholdsSchema.parse({}) //=> { minSample: 100, maxDrift: 0.1, emergencyDrift: 0.3 }
 */
export const KpiThresholdsSchema = z.strictObject({
  /** Fewest observations (the denominator) before a rate is judged at all. */
  minSample: z.int().positive().default(100).meta({ description: 'Fewest observations before a KPI is judged.' }),
  /** How far (absolute, 0..1) a rate may move the wrong way before it alerts. */
  maxDrift: z.number().min(0).max(1).default(0.1).meta({ description: 'Absolute drift the wrong way (0..1) before a KPI alerts.' }),
  /** How far the wrong way counts as an emergency (large-scale failure: 应急预案). */
  emergencyDrift: z.number().min(0).max(1).default(0.3).meta({ description: 'Drift the wrong way that counts as an emergency (tech_incident).' }),
});

/** When a KPI alerts. */
export type KpiThresholds = ReadonlyFields<z.output<typeof KpiThresholdsSchema>>;

/** One indicator of a batch, with the numbers behind it. */
export interface Kpi {
  readonly name: string;
  readonly numerator: number;
  readonly denominator: number;
  /** numerator / denominator, or null without observations. */
  readonly rate: number | null;
  readonly baseline: number | null;
  /** Whether a higher rate is better (success rates) or worse (exception rates). */
  readonly higherIsBetter: boolean;
  readonly alert: boolean;
  readonly emergency: boolean;
  /** Why it does or does not alert, in a sentence. */
  readonly reason: string;
}

function judge(name: string, numerator: number, denominator: number, baseline: number | undefined, higherIsBetter: boolean, t: KpiThresholds): Kpi {
  const rate = denominator === 0 ? null : numerator / denominator;
  const base = baseline ?? null;
  const common = { name, numerator, denominator, rate, baseline: base, higherIsBetter };
  if (rate === null || base === null) return { ...common, alert: false, emergency: false, reason: rate === null ? 'no observations' : 'no baseline to compare with' };
  if (denominator < t.minSample) return { ...common, alert: false, emergency: false, reason: `${denominator} observations, fewer than the ${t.minSample} needed` };
  const drift = higherIsBetter ? base - rate : rate - base;
  const emergency = drift >= t.emergencyDrift;
  const alert = drift > t.maxDrift;
  return {
    ...common,
    alert,
    emergency,
    reason: alert ? `moved ${(drift * 100).toFixed(1)} points the wrong way (allowed ${(t.maxDrift * 100).toFixed(1)})` : 'within the allowed drift',
  };
}

/**
 * The batch's KPIs from its (possibly merged) summary: payment success rate, on-time shipping
 * rate and exception rate per category, each with explicit numerator and denominator, compared
 * with a baseline, judged only past a minimum sample.
 */
export function computeKpis(summary: BatchSummary, baseline: KpiBaseline, t: KpiThresholds): Kpi[] {
  const k = summary.kpi;
  const kpis = [
    judge('payment_success_rate', k.paymentsSucceeded, k.paymentAttempts, baseline.paymentSuccessRate, true, t),
    judge('on_time_shipping_rate', k.shippedOnTime, k.shipmentsDue, baseline.onTimeShippingRate, true, t),
  ];
  const categories = [...new Set([...Object.keys(k.ordersWithExceptionIn), ...Object.keys(baseline.exceptionRate ?? {})])].sort();
  for (const c of categories) kpis.push(judge(`exception_rate:${c}`, readOwn(k.ordersWithExceptionIn, c) ?? 0, k.validOrders, readOwn(baseline.exceptionRate, c), false, t));
  return kpis;
}
