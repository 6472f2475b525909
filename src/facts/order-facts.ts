import { differenceInMinutes } from 'date-fns';
import type { OrderSnapshot } from '../schema/snapshot.js';
import type { FactSpec, FactsOf } from './fact-spec.js';

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
  'order.isShipped': {
    type: 'boolean',
    description: 'The order is shipped or delivered, or a shipment has left (shippedAt or a tracking event).',
  },
} as const satisfies Record<string, FactSpec>;

/** Values of the order facts. */
export type OrderFacts = FactsOf<typeof orderFactCatalogue>;

/** Derives the order facts. */
export function deriveOrderFacts(snapshot: OrderSnapshot, now: number): OrderFacts {
  const shipments = snapshot.shipments;
  const hasLeft =
    shipments !== undefined && shipments.some((s) => s.shippedAt !== undefined || s.events.length > 0);
  return {
    'order.status': snapshot.status,
    'order.currency': snapshot.currency,
    'order.payable': snapshot.totals.payable,
    'order.minutesSinceCreated': differenceInMinutes(now, Date.parse(snapshot.createdAt)),
    'order.isShipped': snapshot.status === 'shipped' || snapshot.status === 'delivered' || hasLeft,
  };
}
