import { orderCreateFailed } from './order-create-failed.js';
import { syncFailed } from './sync-failed.js';

/** The system category's detectors, in report order. */
export const systemDetectors = [orderCreateFailed, syncFailed] as const;
