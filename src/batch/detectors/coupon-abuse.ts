import { appendAll } from '../../_lib/append-all.js';
import { type BatchActionDraft, blacklistDraft, defineBatchDetector } from '../batch-detector.js';

/**
 * COUPON_ABUSE: `minCouponRedemptions` new-user coupons or more redeemed from one address, phone
 * or device. The first redemption may be the genuine new customer; the repeats are cancelled if
 * they have not shipped, and the shared value is proposed for the blacklist (a supervisor
 * approves; never a business or pickup address).
 */
export const couponAbuse = defineBatchDetector({
  code: 'COUPON_ABUSE',
  severity: 'high',
  groupBy: ['address', 'phone', 'device'],
  thresholds: (t) => ({ minCouponRedemptions: t.minCouponRedemptions }),
  detect: (entries, t) => {
    const redeemed = entries.filter((e) => e.newUserCoupon);
    return redeemed.length >= t.minCouponRedemptions ? redeemed : undefined;
  },
  actions: (cluster) => {
    const drafts: BatchActionDraft[] = [];
    for (const entry of cluster.entries.slice(1)) {
      if (!entry.unshipped) continue;
      drafts.push({ kind: 'cancel_order', params: { reason: 'coupon_abuse' }, automatable: false, orderIds: [entry.orderId], key: [entry.orderId] });
    }
    appendAll(
      drafts,
      blacklistDraft(
        cluster,
        cluster.entries.map((e) => e.orderId),
      ),
    );
    return drafts;
  },
});
