import type { ClusterEntry } from '../batch-detector.js';
import { defineBatchDetector } from '../batch-detector.js';

/**
 * RAPID_REPEAT_ORDERS: `rapidRepeatOrders` orders or more by one account within
 * `rapidRepeatMinutes` (the first such run). Risk reviews them.
 */
export const rapidRepeatOrders = defineBatchDetector({
  code: 'RAPID_REPEAT_ORDERS',
  severity: 'medium',
  groupBy: ['customer'],
  thresholds: (t) => ({ rapidRepeatOrders: t.rapidRepeatOrders, rapidRepeatMinutes: t.rapidRepeatMinutes }),
  detect: (entries, t) => {
    const span = t.rapidRepeatMinutes * 60_000;
    for (let i = 0, j = 0; j < entries.length; j++) {
      while ((entries[j] as ClusterEntry).at - (entries[i] as ClusterEntry).at > span) i++;
      if (j - i + 1 >= t.rapidRepeatOrders) return entries.slice(i, j + 1);
    }
    return undefined;
  },
  actions: (cluster) => {
    const orderIds = cluster.entries.map((e) => e.orderId);
    return [{ kind: 'manual_review', params: { reason: 'rapid_repeat_orders', details: orderIds }, automatable: false, orderIds, key: [] }];
  },
});
