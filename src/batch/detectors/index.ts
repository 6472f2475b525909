import type { BatchDetector } from '../batch-detector.js';
import { couponAbuse } from './coupon-abuse.js';
import { rapidRepeatOrders } from './rapid-repeat-orders.js';
import { sharedAddressCluster } from './shared-address-cluster.js';
import { sharedContactCluster } from './shared-contact-cluster.js';

/** Every built-in cross-order detector; on one group they run in this order. */
export const batchDetectors = [sharedAddressCluster, sharedContactCluster, couponAbuse, rapidRepeatOrders] as const;

/** A cross-order code, derived from the registry so it cannot drift from it. */
export type BatchCode = (typeof batchDetectors)[number]['code'];

/** The codes of a list of batch detectors, in its order, as a tuple of literal types. */
type CodesOf<L extends readonly BatchDetector[]> = { readonly [I in keyof L]: L[I]['code'] };

/** The cross-order codes (docs/scaling.md), in registry order. */
export const BATCH_CODES = batchDetectors.map((d) => d.code) as unknown as CodesOf<typeof batchDetectors>;
