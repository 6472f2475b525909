import { readOwn } from '../_lib/own-key.js';
import { type CompiledCondition, compileCondition, isFactReference } from '../conditions/compile-condition.js';
import type { Condition } from '../conditions/condition.js';
import type { Detector, DetectorScope } from './detector.js';

/** A detector's condition and the thresholds it was compiled with, for one scope. */
export interface ScopedCondition {
  /** The thresholds in force for this scope (overrides merged, override maps left out). */
  readonly thresholds: Readonly<Record<string, unknown>>;
  readonly condition: CompiledCondition;
}

/** A detector ready to run: its condition compiled for each scope that needs its own. */
export interface CompiledDetector {
  readonly detector: Detector;
  /** The condition and thresholds that apply to an order in `scope`. */
  readonly conditionFor: (scope: DetectorScope) => ScopedCondition;
  /** Every fact its conditions (in any scope) and evidence read. */
  readonly factsRead: readonly string[];
}

/** The fact names a condition reads. */
export function factsOf(condition: Condition, into: Set<string> = new Set()): Set<string> {
  if ('all' in condition) for (const c of condition.all) factsOf(c, into);
  else if ('any' in condition) for (const c of condition.any) factsOf(c, into);
  else if ('not' in condition) factsOf(condition.not, into);
  else {
    into.add(condition.fact);
    // A fact comparison (`value: { fact, path }`) reads the other fact too.
    if (isFactReference(condition.value)) into.add(condition.value.fact);
  }
  return into;
}

type Overrides = Readonly<Record<string, Readonly<Record<string, unknown>>>>;

/**
 * Compiles a detector with its resolved thresholds. A detector without `scopedBy` is compiled
 * once. A scoped one is compiled per distinct scope that changes it (a carrier or country with
 * overrides, or a currency), lazily and cached: the cache is bounded by the overrides configured
 * and the ISO 4217 currencies, never by the values orders carry.
 */
export function compileDetector(detector: Detector, resolved: Readonly<Record<string, unknown>>): CompiledDetector {
  const { byCarrier = {}, byCountry = {}, ...base } = resolved as { byCarrier?: Overrides; byCountry?: Overrides };
  const scopedBy = new Set(detector.scopedBy ?? []);
  // Which facts may be read: the conditions for the base thresholds, for each override, and for
  // every currency-dependent branch are walked once here (a threshold can switch the fact read).
  const read = new Set<string>(detector.evidenceFacts);
  const probes: DetectorScope[] = [
    { currency: '*', country: '*', carrier: null },
    ...Object.keys(byCountry).map((country) => ({ currency: '*', country, carrier: null })),
    ...Object.keys(byCarrier).map((carrier) => ({ currency: '*', country: '*', carrier })),
  ];
  // A currency-scoped detector keys some threshold by currency code: probe each code it names.
  if (scopedBy.has('currency')) {
    for (const value of Object.values(base)) {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) continue;
      for (const key of Object.keys(value)) if (/^[A-Z]{3}$/.test(key)) probes.push({ currency: key, country: '*', carrier: null });
    }
  }
  for (const scope of probes) {
    const merged = { ...base, ...readOwn(byCountry, scope.country), ...(scope.carrier === null ? {} : readOwn(byCarrier, scope.carrier)) };
    factsOf(detector.when(merged as never, scope), read);
  }
  const factsRead = [...read];
  const build = (scope: DetectorScope): ScopedCondition => {
    const thresholds = {
      ...base,
      ...readOwn(byCountry, scope.country),
      ...(scope.carrier === null ? {} : readOwn(byCarrier, scope.carrier)),
    };
    return { thresholds, condition: compileCondition(detector.when(thresholds as never, scope)) };
  };
  if (scopedBy.size === 0) {
    const only = build({ currency: '*', country: '*', carrier: null });
    return { detector, conditionFor: () => only, factsRead };
  }
  const cache = new Map<string, ScopedCondition>();
  const byCarrierScoped = scopedBy.has('carrier');
  const byCountryScoped = scopedBy.has('country');
  const byCurrencyScoped = scopedBy.has('currency');
  // Consecutive orders mostly share a scope: the last one's entry is kept to skip the key and lookup.
  let last: { currency: string; country: string; carrier: string | null; entry: ScopedCondition } | undefined;
  return {
    detector,
    factsRead,
    conditionFor: (scope) => {
      // Only the parts of the scope that change the thresholds distinguish cache entries.
      const carrier = byCarrierScoped && scope.carrier !== null && Object.hasOwn(byCarrier, scope.carrier) ? scope.carrier : null;
      const country = byCountryScoped && Object.hasOwn(byCountry, scope.country) ? scope.country : '*';
      const currency = byCurrencyScoped ? scope.currency : '*';
      if (last !== undefined && last.currency === currency && last.country === country && last.carrier === carrier) return last.entry;
      const key = `${currency}|${country}|${carrier ?? '*'}`;
      let entry = cache.get(key);
      if (entry === undefined) {
        entry = build({ currency, country, carrier });
        cache.set(key, entry);
      }
      last = { currency, country, carrier, entry };
      return entry;
    },
  };
}
