import { appendAll } from '../../_lib/append-all.js';
import { type BatchActionDraft, blacklistDraft, defineBatchDetector } from '../batch-detector.js';
import { enoughAccounts } from './enough-accounts.js';

/**
 * SHARED_ADDRESS_CLUSTER: `minAccounts` accounts or more ship to one address (the room included).
 * Risk reviews every order; from `blacklistAtAccounts` accounts the address is proposed for the
 * blacklist (a supervisor approves). A business or pickup address (a reception desk, 驿站,
 * 快递柜, a locker), which colleagues and neighbours share, is medium severity and never proposed.
 */
export const sharedAddressCluster = defineBatchDetector({
  code: 'SHARED_ADDRESS_CLUSTER',
  severity: 'high',
  severityOf: (cluster) => (cluster.sharedDropOff ? 'medium' : 'high'),
  groupBy: ['address'],
  thresholds: (t) => ({ minAccounts: t.minAccounts }),
  detect: enoughAccounts,
  actions: (cluster, t) => {
    const orderIds = cluster.entries.map((e) => e.orderId);
    const drafts: BatchActionDraft[] = [{ kind: 'manual_review', params: { reason: 'shared_address_cluster', details: orderIds }, automatable: false, orderIds, key: [] }];
    if (cluster.accounts.length >= t.blacklistAtAccounts) appendAll(drafts, blacklistDraft(cluster, orderIds));
    return drafts;
  },
});
