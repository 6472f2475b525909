import type { OrderSnapshotInput } from '../schema/snapshot.js';
import { minutesAfter } from './time.js';

type Shipment = NonNullable<OrderSnapshotInput['shipments']>[number];
type TrackingEvent = Shipment['events'][number];
type InventoryRecord = NonNullable<OrderSnapshotInput['inventory']>[number];
type Reservation = NonNullable<OrderSnapshotInput['reservations']>[number];
type SyncRecord = NonNullable<OrderSnapshotInput['sync']>[number];
type Report = NonNullable<OrderSnapshotInput['reports']>[number];

/**
 * A tracking event `minutes` after the fixture time.
 *
 * @example
 * trackingEvent('picked_up', 120) //=> { at: '2026-03-01T12:00:00+08:00', code: 'picked_up', location: '深圳' }
 */
export function trackingEvent(code: TrackingEvent['code'], minutes: number, location = '深圳'): TrackingEvent {
  return { at: minutesAfter(minutes), code, location };
}

/**
 * A shipment: by default SF Express, shipped two hours after the order, picked up and in transit.
 *
 * @example
 * buildShipment({ events: [trackingEvent('picked_up', 120), trackingEvent('lost', 3000)] })
 */
export function buildShipment(overrides: Partial<Shipment> = {}): Shipment {
  return {
    id: 'SHP-1',
    carrier: 'SF',
    trackingNumber: 'SF1234567890',
    shippedAt: minutesAfter(120),
    estimatedDeliveryAt: minutesAfter(3 * 24 * 60),
    events: [trackingEvent('picked_up', 120), trackingEvent('in_transit', 300, '广州转运中心')],
    ...overrides,
  };
}

/**
 * An inventory record for the default SKU: 50 on hand, 5 reserved, the channel showing what is
 * free (onHand − reserved, unless given), synced at the fixture time.
 */
export function buildInventory(overrides: Partial<InventoryRecord> = {}): InventoryRecord {
  const onHand = overrides.onHand ?? 50;
  const reserved = overrides.reserved ?? 5;
  return { sku: 'SKU-TEE-M', warehouse: 'SZ-01', onHand, reserved, channelAvailable: onHand - reserved, syncedAt: minutesAfter(0), ...overrides };
}

/** A reservation of one unit of the default SKU, held. */
export function buildReservation(overrides: Partial<Reservation> = {}): Reservation {
  return { sku: 'SKU-TEE-M', quantity: 1, status: 'reserved', at: minutesAfter(1), ...overrides };
}

/** A sync record: by default the ERP, synced fine a minute after the order. */
export function buildSync(overrides: Partial<SyncRecord> = {}): SyncRecord {
  return { system: 'erp', status: 'ok', lastAttemptAt: minutesAfter(1), lastSuccessAt: minutesAfter(1), ...overrides };
}

/** A report from a person: by default the customer saying the parcel has not arrived. */
export function buildReport(overrides: Partial<Report> = {}): Report {
  return { source: 'customer', kind: 'not_received', at: minutesAfter(5 * 24 * 60), ...overrides };
}
