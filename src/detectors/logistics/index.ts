import { deliveryDelayed } from './delivery-delayed.js';
import { deliveryRefused } from './delivery-refused.js';
import { missingItem } from './missing-item.js';
import { notShippedOnTime } from './not-shipped-on-time.js';
import { packageDamaged } from './package-damaged.js';
import { packageLost } from './package-lost.js';
import { trackingStalled } from './tracking-stalled.js';
import { wrongItem } from './wrong-item.js';

/** The logistics category's detectors, in report order. */
export const logisticsDetectors = [notShippedOnTime, trackingStalled, deliveryDelayed, packageLost, packageDamaged, deliveryRefused, wrongItem, missingItem] as const;
