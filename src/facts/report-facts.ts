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
  let paymentProblem = 0;
  for (const report of snapshot.reports ?? []) {
    if (report.kind === 'damaged') damaged++;
    else if (report.kind === 'not_received') notReceived++;
    else if (report.kind === 'address_change') addressChange++;
    else if (report.kind === 'stock_missing') stockMissing++;
    else if (report.kind === 'payment_problem' && (report.source === 'customer' || report.source === 'customer_service')) paymentProblem++;
  }
  facts['reports.damagedCount'] = damaged;
  facts['reports.notReceivedCount'] = notReceived;
  facts['reports.addressChangeCount'] = addressChange;
  facts['reports.stockMissingCount'] = stockMissing;
  facts['reports.paymentProblemCount'] = paymentProblem;
}
