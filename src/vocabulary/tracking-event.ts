/** Every carrier tracking event code a snapshot may hold (docs/snapshot.md). */
export const TRACKING_EVENT_CODES = [
  'info_received',
  'picked_up',
  'in_transit',
  'out_for_delivery',
  'delivery_attempt_failed',
  'address_issue',
  'delivered',
  'available_for_pickup',
  'exception',
  'lost',
  'damaged',
  'refused',
  'returned_to_sender',
] as const;

/** A carrier tracking event code. */
export type TrackingEventCode = (typeof TRACKING_EVENT_CODES)[number];

/** The events that mean the parcel was refused or sent back: the fact `tracking.hasRefusedEvent` and the refusal playbook read the same list. */
export const REFUSAL_EVENT_CODES = ['refused', 'returned_to_sender'] as const satisfies readonly TrackingEventCode[];

/**
 * Whether a tracking event code means the parcel was refused or sent back.
 *
 * @example
 * isRefusalEvent('returned_to_sender') //=> true
 * isRefusalEvent('delivered') //=> false
 */
export function isRefusalEvent(code: string): boolean {
  return (REFUSAL_EVENT_CODES as readonly string[]).includes(code);
}
