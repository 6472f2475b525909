/** The cross-order codes (docs/scaling.md). */
export const BATCH_CODES = ['SHARED_ADDRESS_CLUSTER', 'SHARED_CONTACT_CLUSTER', 'COUPON_ABUSE', 'RAPID_REPEAT_ORDERS'] as const;
/** A cross-order code. */
export type BatchCode = (typeof BATCH_CODES)[number];
