import type { OrderSnapshot } from '../schema/snapshot.js';
import type { FactSpec, Writable } from './fact-spec.js';
import { orderFactCatalogue, writeOrderFacts, type OrderFacts } from './order-facts.js';
import { paymentFactCatalogue, writePaymentFacts, type PaymentFactSettings, type PaymentFacts } from './payment-facts.js';

/**
 * Every derived fact, by its documented name. Built-in detectors and user rules read these;
 * `docs/facts.md` is generated from it.
 */
export const factCatalogue = {
  ...orderFactCatalogue,
  ...paymentFactCatalogue,
} as const satisfies Record<string, FactSpec>;

/** The name of a derived fact, such as `payments.surplus`. */
export type FactName = keyof typeof factCatalogue;

/** All derived facts of one order, computed once per evaluation. */
export type OrderFactRecord = OrderFacts & PaymentFacts;

/** Settings that decide how facts are derived. */
export type FactSettings = PaymentFactSettings;

/**
 * Derives every fact of one validated snapshot at `now` (epoch milliseconds). Pure: the same
 * snapshot and `now` give the same facts.
 */
export function deriveFacts(snapshot: OrderSnapshot, now: number, settings: FactSettings): OrderFactRecord {
  // Each group writes into one object: merging per-group objects by spread cost ~10 µs an order
  // here (measured), writing in place ~30 ns. test/facts.test.ts checks every catalogued fact is set.
  const facts = {} as Writable<OrderFactRecord>;
  writeOrderFacts(facts, snapshot, now);
  writePaymentFacts(facts, snapshot, now, settings);
  return facts;
}
