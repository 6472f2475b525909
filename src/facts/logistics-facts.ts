import { businessMillis, type WorkingCalendar } from '../_lib/business-time.js';
import { minutesBetween } from '../_lib/elapsed.js';
import { parseTimestamp } from '../_lib/timestamp.js';
import type { OrderSnapshot, Shipment, TrackingEvent } from '../schema/snapshot.js';
import { isRefusalEvent } from '../vocabulary/tracking-event.js';

import type { FactSpec, FactsOf, Writable } from './fact-spec.js';

/** The code an event the library does not know is kept as (docs/snapshot.md, "Tolerance"). */
const UNKNOWN_EVENT_CODE = 'unknown';

/** The facts about shipments and tracking. */
export const logisticsFactCatalogue = {
  'shipments.count': { type: 'number', unit: 'count', description: 'Shipments in the snapshot.' },
  'shipment.carrier': {
    type: 'string',
    nullable: true,
    description: 'Carrier of the primary shipment (the latest undelivered one, else the latest); null without shipments.',
  },
  'tracking.lastEventCode': {
    type: 'string',
    nullable: true,
    description:
      "The primary shipment's latest known event code, after sorting by time and removing duplicates; events with code 'unknown' are skipped (they never change the parcel's state); null without known events.",
  },
  'tracking.isDelivered': {
    type: 'boolean',
    description: "The order is 'delivered', or every shipment has a delivered event.",
  },
  'tracking.hasLostEvent': { type: 'boolean', description: "A shipment has a 'lost' event." },
  'tracking.hasDamagedEvent': { type: 'boolean', description: "A shipment has a 'damaged' event." },
  'tracking.hasRefusedEvent': { type: 'boolean', description: "A shipment has a 'refused' or 'returned_to_sender' event." },
  'tracking.hoursSinceLastEvent': {
    type: 'number',
    nullable: true,
    unit: 'hours',
    description: "Whole hours since the primary shipment's latest event (or its shippedAt, before any scan); null when neither exists.",
  },
  'tracking.daysSinceLastEvent': {
    type: 'number',
    nullable: true,
    unit: 'days',
    description: "Whole days (24 h) since the primary shipment's latest event (or its shippedAt, before any scan); null when neither exists.",
  },
  'tracking.businessDaysSinceLastEvent': {
    type: 'number',
    nullable: true,
    unit: 'days',
    description:
      "Whole working days (24 h of time on days that are not holidays or weekdays off in the context's calendar) since the latest event; equals daysSinceLastEvent without a calendar.",
  },
  'delivery.minutesPastDue': {
    type: 'number',
    nullable: true,
    unit: 'minutes',
    description: 'Whole minutes since promisedDeliveryBy (else the primary shipment’s estimatedDeliveryAt), negative before it; null when delivered or no date is known.',
  },
  'pickup.hoursSinceLabel': {
    type: 'number',
    nullable: true,
    unit: 'hours',
    description:
      "Whole hours since the label of a shipment with no pickup scan (no event but 'info_received') was created (labelCreatedAt); the longest such wait; null when no shipment waits for pickup with a label time.",
  },
  'tracking.hoursSinceFailedAttempt': {
    type: 'number',
    nullable: true,
    unit: 'hours',
    description: "Whole hours since the primary shipment's latest 'delivery_attempt_failed' event, when no 'delivered' event follows it; null otherwise.",
  },
  'shipping.hasPromisedShipBy': { type: 'boolean', description: 'The order has a promisedShipBy.' },
  'shipping.minutesPastShipBy': {
    type: 'number',
    nullable: true,
    unit: 'minutes',
    description: 'Whole minutes since promisedShipBy, negative before it; null once shipped or without a promise.',
  },
} as const satisfies Record<string, FactSpec>;

/** Values of the logistics facts. */
export type LogisticsFacts = FactsOf<typeof logisticsFactCatalogue>;

const DAY_MS = 86_400_000;

/** A shipment's events sorted by time, duplicates (same time, code and place) removed. */
export function cleanEvents(shipment: Shipment): TrackingEvent[] {
  const seen = new Set<string>();
  const events: { event: TrackingEvent; at: number; index: number }[] = [];
  shipment.events.forEach((event, index) => {
    const key = `${event.at}|${event.code}|${event.location ?? ''}`;
    if (seen.has(key)) return;
    seen.add(key);
    events.push({ event, at: parseTimestamp(event.at), index });
  });
  events.sort((a, b) => a.at - b.at || a.index - b.index);
  return events.map((e) => e.event);
}

/** What the logistics facts need of one shipment, read in one pass over its events (no copies). */
interface ShipmentScan {
  readonly shipment: Shipment;
  readonly undelivered: boolean;
  /** When it left: shippedAt, else its earliest event, else -Infinity. */
  readonly at: number;
  /** Its latest event (ties: the later in the list), as the sorted, de-duplicated events would end. */
  readonly last: TrackingEvent | undefined;
  readonly lastAt: number;
  /** Its latest event with a known code: what the events say about the parcel's state. */
  readonly lastKnown: TrackingEvent | undefined;
}

/** The latest of `events` in time (ties: the later in the list), repeats dropped as cleanEvents drops them. */
interface LatestTracker {
  event: TrackingEvent | undefined;
  at: number;
  head: TrackingEvent | undefined;
  tied: Set<string> | undefined;
}

function track(latest: LatestTracker, event: TrackingEvent, at: number): void {
  // A later event at the latest time ends the list, unless it repeats an earlier one (dropped).
  if (at > latest.at) {
    latest.at = at;
    latest.event = event;
    latest.head = event;
    latest.tied = undefined;
  } else if (at === latest.at) {
    latest.tied ??= new Set([eventKey(latest.head as TrackingEvent)]);
    if (!repeatsTied(latest.tied, event)) latest.event = event;
  }
}

/** A key equal for two events exactly when they have the same time text, code and place. */
function eventKey(event: TrackingEvent): string {
  const location = event.location ?? '';
  return `${event.at.length}:${event.at}|${event.code.length}:${event.code}|${location}`;
}

/**
 * Whether `event`, at the latest time so far, repeats an event read before it at that time
 * (cleanEvents drops repeats). Events at other times cannot repeat it, so only the latest time's
 * keys are kept, in `tied`; they are built once a tie happens (a list in time order builds none),
 * so 10,000 events at one time cost 10,000 keys, not 50 million comparisons.
 */
function repeatsTied(tied: Set<string>, event: TrackingEvent): boolean {
  const key = eventKey(event);
  if (tied.has(key)) return true;
  tied.add(key);
  return false;
}

function scanShipment(shipment: Shipment): ShipmentScan {
  let delivered = false;
  let first = Infinity;
  const latest: LatestTracker = { event: undefined, at: -Infinity, head: undefined, tied: undefined };
  // Known events only: an unknown code (docs/snapshot.md, "Tolerance") never changes the state.
  const known: LatestTracker = { event: undefined, at: -Infinity, head: undefined, tied: undefined };
  for (const event of shipment.events) {
    if (event.code === 'delivered') delivered = true;
    const at = parseTimestamp(event.at);
    if (at < first) first = at;
    track(latest, event, at);
    if (event.code !== UNKNOWN_EVENT_CODE) track(known, event, at);
  }
  const last = latest.event;
  const left = shipment.shippedAt !== undefined ? parseTimestamp(shipment.shippedAt) : last === undefined ? -Infinity : first;
  return { shipment, undelivered: !delivered, at: left, last, lastAt: latest.at, lastKnown: known.event };
}

/**
 * A shipment's latest event with a known code (time order, duplicates removed), or undefined:
 * the event that says where the parcel is. Events kept as `unknown` are skipped.
 *
 * @example
 * lastKnownEvent(shipment) //=> { at: '…', code: 'available_for_pickup', location: '…' }
 */
export function lastKnownEvent(shipment: Shipment): TrackingEvent | undefined {
  return scanShipment(shipment).lastKnown;
}

/** Of the shipments' scans, the one logistics facts are about: the latest undelivered one, else the latest. */
function primaryScan(shipments: readonly Shipment[]): ShipmentScan | undefined {
  let best: ShipmentScan | undefined;
  for (const shipment of shipments) {
    const candidate = scanShipment(shipment);
    if (best === undefined || (candidate.undelivered && !best.undelivered) || (candidate.undelivered === best.undelivered && candidate.at >= best.at)) {
      best = candidate;
    }
  }
  return best;
}

/** The shipment logistics facts are about: the latest undelivered one, else the latest. */
export function primaryShipment(snapshot: OrderSnapshot): Shipment | undefined {
  return primaryScan(snapshot.shipments ?? [])?.shipment;
}

/**
 * The shipment whose label has waited longest for the carrier's pickup scan (it has a
 * `labelCreatedAt` and no event but `info_received`), or undefined when none waits.
 *
 * @example
 * unpickedShipment(order) //=> { id: 'SHP-1', labelCreatedAt: '…', events: [], … }
 */
export function unpickedShipment(snapshot: OrderSnapshot): (Shipment & { labelCreatedAt: string }) | undefined {
  let best: (Shipment & { labelCreatedAt: string }) | undefined;
  let bestAt = Infinity;
  for (const shipment of snapshot.shipments ?? []) {
    const label = shipment.labelCreatedAt;
    if (label === undefined || shipment.events.some((e) => e.code !== 'info_received')) continue;
    const at = parseTimestamp(label);
    if (at < bestAt) {
      best = { ...shipment, labelCreatedAt: label };
      bestAt = at;
    }
  }
  return best;
}

/**
 * The primary shipment's latest failed delivery attempt with no delivery after it, or undefined.
 *
 * @example
 * pendingFailedAttempt(order) //=> { at: '…', code: 'delivery_attempt_failed', location: '…' }
 */
export function pendingFailedAttempt(snapshot: OrderSnapshot): TrackingEvent | undefined {
  const primary = primaryShipment(snapshot);
  return primary === undefined ? undefined : failedAttemptOf(primary);
}

/** `shipment`'s latest failed delivery attempt (time order, repeats dropped) with no delivery after it, or undefined. */
function failedAttemptOf(shipment: Shipment): TrackingEvent | undefined {
  // Only a failed attempt can be the answer: a shipment without one (nearly all) needs no sorting.
  if (!shipment.events.some((event) => event.code === 'delivery_attempt_failed')) return undefined;
  let attempt: TrackingEvent | undefined;
  for (const event of cleanEvents(shipment)) {
    if (event.code === 'delivery_attempt_failed') attempt = event;
    else if (event.code === 'delivered') attempt = undefined;
  }
  return attempt;
}

const hoursSince = (now: number, at: string | undefined): number | null => (at === undefined ? null : Math.floor(Math.max(0, now - parseTimestamp(at)) / 3_600_000));

/** Writes the logistics facts into `facts`. */
export function writeLogisticsFacts(facts: Writable<LogisticsFacts>, snapshot: OrderSnapshot, now: number, calendar: WorkingCalendar, isShipped: boolean): void {
  const shipments = snapshot.shipments ?? [];
  let lost = false;
  let damaged = false;
  let refused = false;
  let allDelivered = shipments.length > 0;
  for (const shipment of shipments) {
    let delivered = false;
    for (const event of shipment.events) {
      if (event.code === 'lost') lost = true;
      else if (event.code === 'damaged') damaged = true;
      else if (isRefusalEvent(event.code)) refused = true;
      else if (event.code === 'delivered') delivered = true;
    }
    if (!delivered) allDelivered = false;
  }
  const delivered = snapshot.status === 'delivered' || allDelivered;
  const primary = primaryScan(shipments);
  // Timing counts every scan, an unknown one too (the carrier did handle the parcel); the state
  // is read from the latest known event only (docs/snapshot.md, "Tolerance").
  const last = primary?.last;
  // A parcel handed over but never scanned has been silent since it was shipped.
  const shippedAt = primary?.shipment.shippedAt;
  const lastAt = last !== undefined ? primary?.lastAt : shippedAt !== undefined ? parseTimestamp(shippedAt) : undefined;
  const due = snapshot.promisedDeliveryBy ?? primary?.shipment.estimatedDeliveryAt;

  facts['shipments.count'] = shipments.length;
  facts['shipment.carrier'] = primary?.shipment.carrier ?? null;
  facts['tracking.lastEventCode'] = primary?.lastKnown?.code ?? null;
  facts['tracking.isDelivered'] = delivered;
  facts['tracking.hasLostEvent'] = lost;
  facts['tracking.hasDamagedEvent'] = damaged;
  facts['tracking.hasRefusedEvent'] = refused;
  if (lastAt === undefined) {
    facts['tracking.hoursSinceLastEvent'] = null;
    facts['tracking.daysSinceLastEvent'] = null;
    facts['tracking.businessDaysSinceLastEvent'] = null;
  } else {
    const elapsed = Math.max(0, now - lastAt);
    facts['tracking.hoursSinceLastEvent'] = Math.floor(elapsed / 3_600_000);
    facts['tracking.daysSinceLastEvent'] = Math.floor(elapsed / DAY_MS);
    facts['tracking.businessDaysSinceLastEvent'] = Math.floor(businessMillis(lastAt, now, calendar) / DAY_MS);
  }
  facts['delivery.minutesPastDue'] = delivered || due === undefined ? null : minutesBetween(now, parseTimestamp(due));
  facts['pickup.hoursSinceLabel'] = hoursSince(now, unpickedShipment(snapshot)?.labelCreatedAt);
  facts['tracking.hoursSinceFailedAttempt'] = hoursSince(now, primary === undefined ? undefined : failedAttemptOf(primary.shipment)?.at);
  facts['shipping.hasPromisedShipBy'] = snapshot.promisedShipBy !== undefined;
  facts['shipping.minutesPastShipBy'] = isShipped || snapshot.promisedShipBy === undefined ? null : minutesBetween(now, parseTimestamp(snapshot.promisedShipBy));
}
