import { minutesBetween } from '../_lib/elapsed.js';
import { parseTimestamp } from '../_lib/timestamp.js';
import type { OrderSnapshot } from '../schema/snapshot.js';
import type { FactSpec, FactsOf, Writable } from './fact-spec.js';

/** The facts about the order as a whole. */
export const orderFactCatalogue = {
  'order.status': { type: 'string', description: "The order's status, as in the snapshot." },
  'order.currency': { type: 'string', description: "The order's ISO 4217 currency." },
  'order.payable': { type: 'number', unit: 'minor_units', description: 'What the customer owes (totals.payable).' },
  'order.minutesSinceCreated': {
    type: 'number',
    unit: 'minutes',
    description: 'Whole minutes from createdAt to now (real elapsed time, whatever the time zone).',
  },
  'order.minutesSinceUpdated': {
    type: 'number',
    unit: 'minutes',
    description: 'Whole minutes from updatedAt (else createdAt) to now: how long the order has been in its status.',
  },
  'order.isShipped': {
    type: 'boolean',
    description: 'The order is shipped or delivered, or a shipment has left (shippedAt or a tracking event).',
  },
} as const satisfies Record<string, FactSpec>;

/** Values of the order facts. */
export type OrderFacts = FactsOf<typeof orderFactCatalogue>;

/** Writes the order facts into `facts`. */
export function writeOrderFacts(facts: Writable<OrderFacts>, snapshot: OrderSnapshot, now: number): void {
  const shipments = snapshot.shipments;
  const hasLeft = shipments !== undefined && shipments.some((s) => s.shippedAt !== undefined || s.events.length > 0);
  facts['order.status'] = snapshot.status;
  facts['order.currency'] = snapshot.currency;
  facts['order.payable'] = snapshot.totals.payable;
  const createdAt = parseTimestamp(snapshot.createdAt);
  facts['order.minutesSinceCreated'] = minutesBetween(now, createdAt);
  facts['order.minutesSinceUpdated'] = snapshot.updatedAt === undefined ? minutesBetween(now, createdAt) : minutesBetween(now, parseTimestamp(snapshot.updatedAt));
  facts['order.isShipped'] = snapshot.status === 'shipped' || snapshot.status === 'delivered' || hasLeft;
}
