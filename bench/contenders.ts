// The contenders the benches build from a triage's options, without generating any orders (so a
// bench with its own orders, bench/mixes.ts, does not pay for bench/shared.ts's 20,000): detection
// alone (derived facts + the built-in detectors' compiled conditions), and json-rules-engine run
// as its README shows, with the same conditions and thresholds.

import { Engine } from 'json-rules-engine';
import { compileDetector } from '../src/detectors/compile-detector.js';
import { buildFactSettings } from '../src/engine/fact-settings.js';
import { deriveFacts, type FactContext } from '../src/facts/derive-facts.js';
import { detectors, type OrderSnapshot, type Triage } from '../src/index.js';
import { GENERATED_NOW } from '../src/testing/index.js';

/** Detection alone with `triage`'s options: the fact context, the compiled detectors, and one order's hit count. */
export function detectionFor(triage: Triage) {
  const context: FactContext = {
    now: Date.parse(GENERATED_NOW),
    settings: buildFactSettings(triage.options),
    calendar: { timeZone: 'Asia/Shanghai', holidays: new Set(), nonWorkingWeekdays: new Set() },
    blacklist: undefined,
  };
  const thresholds = triage.options.thresholds as unknown as Record<string, Record<string, unknown>>;
  const compiled = detectors.map((d) => compileDetector(d as never, thresholds[d.code] ?? {}));
  const detect = (o: OrderSnapshot): number => {
    const facts = deriveFacts(o, context);
    const scope = { currency: o.currency, country: o.shippingAddress.country, carrier: facts['shipment.carrier'] };
    let hits = 0;
    for (const c of compiled) if (c.conditionFor(scope).condition.test(facts)) hits++;
    return hits;
  };
  return { context, compiled, detect };
}

/** json-rules-engine with one rule per compiled detector, its conditions and thresholds for a CNY order to CN. */
export function jsonRulesEngineFor(compiled: ReturnType<typeof detectionFor>['compiled']): Engine {
  const engine = new Engine([], { allowUndefinedFacts: true });
  const scope = { currency: 'CNY', country: 'CN', carrier: null };
  for (const c of compiled) {
    const scoped = c.conditionFor(scope);
    engine.addRule({
      name: c.detector.code,
      conditions: (c.detector.when as (t: unknown, s: unknown) => never)(scoped.thresholds, scope),
      event: { type: c.detector.code },
    });
  }
  return engine;
}
