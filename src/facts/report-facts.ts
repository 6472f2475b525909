import type { OrderSnapshot } from '../schema/snapshot.js';
import type { FactSpec, FactsOf, Writable } from './fact-spec.js';

/** The facts about reports from people: customers, service agents, the warehouse, the carrier. */
export const reportFactCatalogue = {
  'reports.damagedCount': { type: 'number', unit: 'count', description: "Reports of kind 'damaged' (feed PACKAGE_DAMAGED)." },
  'reports.notReceivedCount': {
    type: 'number',
    unit: 'count',
    description: "Reports of kind 'not_received' (feed PACKAGE_LOST when tracking says delivered).",
  },
  'reports.addressChangeCount': {
    type: 'number',
    unit: 'count',
    description: "Reports of kind 'address_change' (feed ADDRESS_INVALID).",
  },
  'reports.stockMissingCount': { type: 'number', unit: 'count', description: "Reports of kind 'stock_missing' (feed OVERSOLD)." },
  'reports.wrongItemCount': { type: 'number', unit: 'count', description: "Reports of kind 'wrong_item' (feed WRONG_ITEM)." },
  'reports.missingItemCount': { type: 'number', unit: 'count', description: "Reports of kind 'missing_item' (feed MISSING_ITEM)." },
  'reports.paymentProblemCount': {
    type: 'number',
    unit: 'count',
    description: "Reports of kind 'payment_problem' from the customer or a service agent (feed PAYMENT_CLAIMED).",
  },
} as const satisfies Record<string, FactSpec>;

/** Values of the report facts. */
export type ReportFacts = FactsOf<typeof reportFactCatalogue>;

/** Writes the report facts into `facts`. */
export function writeReportFacts(facts: Writable<ReportFacts>, snapshot: OrderSnapshot): void {
  let damaged = 0;
  let notReceived = 0;
  let addressChange = 0;
  let stockMissing = 0;
  let wrongItem = 0;
  let missingItem = 0;
  let paymentProblem = 0;
  for (const report of snapshot.reports ?? []) {
    if (report.kind === 'damaged') damaged++;
    else if (report.kind === 'not_received') notReceived++;
    else if (report.kind === 'address_change') addressChange++;
    else if (report.kind === 'stock_missing') stockMissing++;
    else if (report.kind === 'wrong_item') wrongItem++;
    else if (report.kind === 'missing_item') missingItem++;
    else if (report.kind === 'payment_problem' && (report.source === 'customer' || report.source === 'customer_service')) paymentProblem++;
  }
  facts['reports.damagedCount'] = damaged;
  facts['reports.notReceivedCount'] = notReceived;
  facts['reports.addressChangeCount'] = addressChange;
  facts['reports.stockMissingCount'] = stockMissing;
  facts['reports.wrongItemCount'] = wrongItem;
  facts['reports.missingItemCount'] = missingItem;
  facts['reports.paymentProblemCount'] = paymentProblem;
}

/** The order lines a report is about: those whose SKU its text names, or every line (`named` false) when none is named. */
export interface ReportedLines {
  readonly items: readonly { readonly sku: string; readonly quantity: number }[];
  /** Whether a report's text named the lines; false: every line, for a person to confirm. */
  readonly named: boolean;
}

/**
 * The lines reports of `kind` are about: each line whose SKU a report's text names
 * (case-insensitively), else every line of the order.
 *
 * @example
 * reportedLines(order, 'missing_item') //=> { items: [{ sku: 'SKU-B', quantity: 1 }], named: true } (text: "少了一件 SKU-B")
 */
export function reportedLines(snapshot: OrderSnapshot, kind: 'wrong_item' | 'missing_item'): ReportedLines {
  const texts = (snapshot.reports ?? []).filter((r) => r.kind === kind && r.text !== undefined).map((r) => (r.text as string).toLowerCase());
  const all = snapshot.items.map((i) => ({ sku: i.sku, quantity: i.quantity }));
  const named = all.filter((i) => i.sku !== '' && texts.some((t) => t.includes(i.sku.toLowerCase())));
  return named.length > 0 ? { items: named, named: true } : { items: all, named: false };
}
