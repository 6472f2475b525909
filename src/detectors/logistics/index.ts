import { awaitingPickup } from './awaiting-pickup.js';
import { carrierException } from './carrier-exception.js';
import { deliveryAttemptFailed } from './delivery-attempt-failed.js';
import { deliveryDelayed } from './delivery-delayed.js';
import { deliveryRefused } from './delivery-refused.js';
import { missingItem } from './missing-item.js';
import { notPickedUp } from './not-picked-up.js';
import { notShippedOnTime } from './not-shipped-on-time.js';
import { packageDamaged } from './package-damaged.js';
import { packageLost } from './package-lost.js';
import { trackingStalled } from './tracking-stalled.js';
import { wrongItem } from './wrong-item.js';

/** The logistics category's detectors, in report order. */
export const logisticsDetectors = [
  notShippedOnTime,
  trackingStalled,
  deliveryDelayed,
  packageLost,
  packageDamaged,
  deliveryRefused,
  notPickedUp,
  carrierException,
  awaitingPickup,
  deliveryAttemptFailed,
  wrongItem,
  missingItem,
] as const;
