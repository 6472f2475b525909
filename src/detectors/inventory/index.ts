import { oversold } from './oversold.js';
import { reservationFailed } from './reservation-failed.js';
import { stockSyncLag } from './stock-sync-lag.js';

/** The inventory category's detectors, in report order. */
export const inventoryDetectors = [oversold, reservationFailed, stockSyncLag] as const;
