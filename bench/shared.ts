// What the suite (evaluate.ts) and the stage timings (components.ts) share: the same generated
// snapshots, and detection alone (derived facts + the built-in detectors' compiled conditions).

import { compileDetector } from '../src/detectors/compile-detector.js';
import { buildFactSettings } from '../src/engine/fact-settings.js';
import { deriveFacts, type FactContext } from '../src/facts/derive-facts.js';
import { detectors, type OrderSnapshot, OrderSnapshotSchema, type Triage } from '../src/index.js';
import { GENERATED_NOW, generateOrders } from '../src/testing/index.js';

/** How many snapshots every contender cycles through. */
export const ORDERS = 20_000;
/** The snapshots as a backend sends them (seed 42). */
export const raw = [...generateOrders({ count: ORDERS, seed: 42 })];
/** The same snapshots, parsed by OrderSnapshotSchema. */
export const parsed: OrderSnapshot[] = raw.map((o) => OrderSnapshotSchema.parse(o));

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
