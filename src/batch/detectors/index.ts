import { BATCH_CODES, type BatchCode } from '../../vocabulary/batch-code.js';
import { couponAbuse } from './coupon-abuse.js';
import { rapidRepeatOrders } from './rapid-repeat-orders.js';
import { sharedAddressCluster } from './shared-address-cluster.js';
import { sharedContactCluster } from './shared-contact-cluster.js';

/** Every built-in cross-order detector; on one group they run in this order. */
export const batchDetectors = [sharedAddressCluster, sharedContactCluster, couponAbuse, rapidRepeatOrders] as const;

// The codes are listed once, in src/vocabulary/ (the message catalogues, a lower layer, key
// their texts by them). The registry must match that list exactly: a code without a detector,
// or a detector whose code is not listed, is a type error here that names it.
type Registered = (typeof batchDetectors)[number]['code'];
type Mismatch = { readonly missingDetectorFor: Exclude<BatchCode, Registered>; readonly notInVocabulary: Exclude<Registered, BatchCode> };
const registryMatchesVocabulary: [Exclude<BatchCode, Registered>, Exclude<Registered, BatchCode>] extends [never, never] ? true : Mismatch = true;
void registryMatchesVocabulary;

export { BATCH_CODES, type BatchCode };
