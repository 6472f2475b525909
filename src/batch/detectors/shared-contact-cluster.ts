import { defineBatchDetector } from '../batch-detector.js';
import { enoughAccounts } from './enough-accounts.js';

/** SHARED_CONTACT_CLUSTER: `minAccounts` accounts or more give one phone or one device. Risk reviews every order. */
export const sharedContactCluster = defineBatchDetector({
  code: 'SHARED_CONTACT_CLUSTER',
  severity: 'medium',
  groupBy: ['phone', 'device'],
  thresholds: (t) => ({ minAccounts: t.minAccounts }),
  detect: enoughAccounts,
  actions: (cluster) => {
    const orderIds = cluster.entries.map((e) => e.orderId);
    return [{ kind: 'manual_review', params: { reason: 'shared_contact_cluster', details: orderIds }, automatable: false, orderIds, key: [] }];
  },
});
