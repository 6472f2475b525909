import { parseTimestamp } from '../_lib/timestamp.js';
import type { OrderSnapshot } from '../schema/snapshot.js';
import { matchBlacklist, type PreparedBlacklist } from './blacklist-match.js';
import type { FactSpec, FactsOf, Writable } from './fact-spec.js';

/** The facts that signal fraud on one order. */
export const fraudFactCatalogue = {
  'blacklist.matchCount': {
    type: 'number',
    nullable: true,
    unit: 'count',
    description: "Ways the order matches the context's blacklist (customer id, phone, normalised address, device); null without a blacklist.",
  },
  'customer.accountAgeHours': {
    type: 'number',
    nullable: true,
    unit: 'hours',
    description: 'Whole hours from the customer’s accountCreatedAt to the order’s createdAt; null when unknown.',
  },
  'items.totalQuantity': { type: 'number', unit: 'count', description: 'Units over all lines.' },
  'items.linesOverQuantityLimit': {
    type: 'number',
    unit: 'count',
    description: 'SKUs ordered in more units than their limit (thresholds.ABNORMAL_QUANTITY: perSku, else maxPerSku).',
  },
} as const satisfies Record<string, FactSpec>;

/** Values of the fraud facts. */
export type FraudFacts = FactsOf<typeof fraudFactCatalogue>;

/** Per-SKU quantity limits from the options. */
export interface QuantityLimits {
  readonly maxPerSku: number;
  readonly perSku: Readonly<Record<string, number>>;
}

/** Each SKU ordered above its limit, with the quantity and the limit. */
export function linesOverLimit(snapshot: OrderSnapshot, limits: QuantityLimits): { sku: string; quantity: number; limit: number }[] {
  const bySku = new Map<string, number>();
  for (const item of snapshot.items) bySku.set(item.sku, (bySku.get(item.sku) ?? 0) + item.quantity);
  const over: { sku: string; quantity: number; limit: number }[] = [];
  for (const [sku, quantity] of bySku) {
    const limit = Object.hasOwn(limits.perSku, sku) ? (limits.perSku[sku] as number) : limits.maxPerSku;
    if (quantity > limit) over.push({ sku, quantity, limit });
  }
  return over;
}

/** Writes the fraud facts into `facts`. */
export function writeFraudFacts(facts: Writable<FraudFacts>, snapshot: OrderSnapshot, limits: QuantityLimits, blacklist: PreparedBlacklist | undefined): void {
  let total = 0;
  for (const item of snapshot.items) total += item.quantity;
  const created = snapshot.customer.accountCreatedAt;
  facts['blacklist.matchCount'] = blacklist === undefined ? null : matchBlacklist(snapshot, blacklist).length;
  facts['customer.accountAgeHours'] = created === undefined ? null : Math.floor((parseTimestamp(snapshot.createdAt) - parseTimestamp(created)) / 3_600_000);
  facts['items.totalQuantity'] = total;
  facts['items.linesOverQuantityLimit'] = linesOverLimit(snapshot, limits).length;
}
