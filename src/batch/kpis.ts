import * as z from 'zod';
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

/** The documented defaults of one KPI's rule. */
interface RuleDefaults {
  readonly drift: number;
  readonly relative: boolean;
  readonly emergencyDrift: number;
  readonly limit: number;
  readonly emergencyLimit: number;
}

/** One KPI's rule, with its own defaults. */
function kpiRule(d: RuleDefaults, what: string) {
  return z
    .strictObject({
      /** How far the wrong way from the baseline before the KPI alerts: points (0.05 = 5 points), or a share of the baseline when `relative`. */
      drift: z
        .number()
        .min(0)
        .default(d.drift)
        .meta({ description: `Drift from the baseline the wrong way before ${what} alerts (points, or a share of the baseline when relative).` }),
      /** Whether `drift` and `emergencyDrift` are shares of the baseline (0.5: half as bad again) rather than points. */
      relative: z.boolean().default(d.relative).meta({ description: 'drift and emergencyDrift are shares of the baseline rather than absolute points.' }),
      /** The drift that counts as an emergency (large-scale failure, 应急预案): a tech_incident. */
      emergencyDrift: z
        .number()
        .min(0)
        .default(d.emergencyDrift)
        .meta({ description: `Drift from the baseline at which ${what} is an emergency.` }),
      /** A built-in bound that alerts with or without a baseline: a floor for a success rate, a ceiling for an exception rate. */
      limit: z
        .number()
        .min(0)
        .max(1)
        .default(d.limit)
        .meta({ description: `Bound (0..1) past which ${what} alerts, baseline or not (a floor for success rates, a ceiling for exception rates).` }),
      /** The bound at or past which it is an emergency, baseline or not. */
      emergencyLimit: z
        .number()
        .min(0)
        .max(1)
        .default(d.emergencyLimit)
        .meta({ description: `Bound (0..1) at or past which ${what} is an emergency, baseline or not.` }),
    })
    .prefault({});
}

/**
 * When a KPI alerts (`options.batch.kpi`), with the documented defaults (docs/scaling.md, "KPI
 * alerts"): each KPI its own rule, compared with the baseline in points or relatively, and
 * built-in bounds that alert without a baseline; `incidentAt` orders whose own reports open the
 * same tech incident (one payment-callback outage) make one batch-level `tech_incident`.
 *
 * @example
 * KpiThresholdsSchema.parse({}).paymentSuccessRate //=> { drift: 0.05, relative: false, emergencyDrift: 0.3, limit: 0.8, emergencyLimit: 0.5 }
 */
export const KpiThresholdsSchema = z.strictObject({
  /** Fewest observations (the denominator) before a rate is judged at all. */
  minSample: z.int().positive().default(100).meta({ description: 'Fewest observations before a KPI is judged.' }),
  paymentSuccessRate: kpiRule({ drift: 0.05, relative: false, emergencyDrift: 0.3, limit: 0.8, emergencyLimit: 0.5 }, 'the payment success rate'),
  onTimeShippingRate: kpiRule({ drift: 0.1, relative: false, emergencyDrift: 0.3, limit: 0.7, emergencyLimit: 0.4 }, 'the on-time shipping rate'),
  exceptionRate: kpiRule({ drift: 0.5, relative: true, emergencyDrift: 4, limit: 0.2, emergencyLimit: 0.6 }, "a category's exception rate"),
  /** Orders whose reports open the same tech incident (system and reason) that make one batch-level incident listing them. */
  incidentAt: z.int().min(2).default(5).meta({ description: 'Orders opening the same tech incident (one outage) that make one batch-level tech_incident listing them.' }),
});

/** When a KPI alerts. */
export type KpiThresholds = ReadonlyFields<z.output<typeof KpiThresholdsSchema>>;

/** One KPI's rule. */
export type KpiRule = KpiThresholds['paymentSuccessRate'];

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

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** Whether `rate` is past `bound` the wrong way (below a floor, above a ceiling), or at it when `inclusive`. */
function pastBound(rate: number, bound: number, higherIsBetter: boolean, inclusive = false): boolean {
  if (inclusive && rate === bound) return true;
  return higherIsBetter ? rate < bound : rate > bound;
}

/** How far the rate moved from the baseline the wrong way, in the rule's unit (points, or a share of the baseline). */
function driftOf(rate: number, base: number, higherIsBetter: boolean, relative: boolean): number {
  const points = higherIsBetter ? base - rate : rate - base;
  if (!relative) return points;
  if (base === 0) return points > 0 ? Number.POSITIVE_INFINITY : 0;
  return points / base;
}

function judge(name: string, numerator: number, denominator: number, baseline: number | undefined, higherIsBetter: boolean, rule: KpiRule, minSample: number): Kpi {
  const rate = denominator === 0 ? null : numerator / denominator;
  const base = baseline ?? null;
  const common = { name, numerator, denominator, rate, baseline: base, higherIsBetter };
  if (rate === null) return { ...common, alert: false, emergency: false, reason: 'no observations' };
  if (denominator < minSample) return { ...common, alert: false, emergency: false, reason: `${denominator} observations, fewer than the ${minSample} needed` };
  const side = higherIsBetter ? 'below' : 'above';
  const unit = (x: number) => (rule.relative ? `${(x * 100).toFixed(0)}% of the baseline` : `${(x * 100).toFixed(1)} points`);
  const drift = base === null ? null : driftOf(rate, base, higherIsBetter, rule.relative);
  const emergency = pastBound(rate, rule.emergencyLimit, higherIsBetter, true) || (drift !== null && drift >= rule.emergencyDrift);
  const reasons: string[] = [];
  if (pastBound(rate, rule.limit, higherIsBetter)) reasons.push(`${pct(rate)} is ${side} the ${pct(rule.limit)} limit`);
  if (drift !== null && drift > rule.drift)
    reasons.push(`moved ${Number.isFinite(drift) ? unit(drift) : 'up from zero'} the wrong way from ${pct(base as number)} (allowed ${unit(rule.drift)})`);
  const alert = reasons.length > 0 || emergency;
  if (alert && reasons.length === 0) reasons.push(`${pct(rate)} is ${side} the ${pct(rule.emergencyLimit)} emergency limit`);
  const quiet = base === null ? `within the ${pct(rule.limit)} limit (no baseline to compare with)` : 'within the allowed drift and limit';
  return { ...common, alert, emergency, reason: alert ? reasons.join('; ') : quiet };
}

/**
 * The batch's KPIs from its (possibly merged) summary: payment success rate, on-time shipping
 * rate and exception rate per category, each with explicit numerator and denominator, judged
 * only past a minimum sample by its own rule: against the baseline when there is one (points or
 * relatively), and against its built-in limit always.
 *
 * @example
 * computeKpis(summary, {}, KpiThresholdsSchema.parse({}))[0] //=> { name: 'payment_success_rate', rate: 0.5, alert: true, emergency: true, reason: '50.0% is below the 80.0% limit', ... }
 */
export function computeKpis(summary: BatchSummary, baseline: KpiBaseline, t: KpiThresholds): Kpi[] {
  const k = summary.kpi;
  const kpis = [
    judge('payment_success_rate', k.paymentsSucceeded, k.paymentAttempts, baseline.paymentSuccessRate, true, t.paymentSuccessRate, t.minSample),
    judge('on_time_shipping_rate', k.shippedOnTime, k.shipmentsDue, baseline.onTimeShippingRate, true, t.onTimeShippingRate, t.minSample),
  ];
  const categories = [...new Set([...Object.keys(k.ordersWithExceptionIn), ...Object.keys(baseline.exceptionRate ?? {})])].sort();
  for (const c of categories)
    kpis.push(judge(`exception_rate:${c}`, readOwn(k.ordersWithExceptionIn, c) ?? 0, k.validOrders, readOwn(baseline.exceptionRate, c), false, t.exceptionRate, t.minSample));
  return kpis;
}
