import type { Playbook } from '../playbook.js';

/** SUSPICIOUS_NEW_ACCOUNT: hold the parcel while risk reviews the account. */
export const suspiciousNewAccountPlaybook: Playbook<unknown> = ({ facts }) => [
  { kind: 'manual_review', params: { reason: 'suspicious_new_account' }, owner: 'risk', key: ['suspicious_new_account'], automatable: false },
  ...(facts['order.isShipped']
    ? []
    : [{ kind: 'hold_shipment' as const, params: { reason: 'fraud_review' as const }, owner: 'warehouse' as const, key: ['fraud_review'], automatable: true }]),
];
