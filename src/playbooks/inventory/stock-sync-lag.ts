import type { Playbook } from '../playbook.js';

/** STOCK_SYNC_LAG: re-sync the SKUs of this order (automatable) before the next order oversells. */
export const stockSyncLagPlaybook: Playbook<unknown> = ({ order }) => {
  const skus = [...new Set(order.items.map((i) => i.sku))].sort();
  return [{ kind: 'resync_inventory', params: { skus }, owner: 'tech', key: skus, automatable: true }];
};
