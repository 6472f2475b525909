import { matchBlacklist } from '../../facts/blacklist-match.js';
import type { Playbook } from '../playbook.js';

/** BLACKLISTED: before payment, cancel; after, hold the parcel and have risk review it. */
export const blacklistedPlaybook: Playbook<unknown> = ({ order, facts, context, messages }) => {
  const on = context.blacklist === undefined ? [] : [...new Set(matchBlacklist(order, context.blacklist).map((m) => m.on))];
  if (order.status === 'pending_payment' && facts['payments.succeededCount'] === 0) {
    return [
      {
        kind: 'cancel_order',
        params: { reason: 'blacklisted' },
        owner: 'risk',
        key: ['blacklisted'],
        automatable: false,
        customerText: messages.customer.cannotFulfil({ orderId: order.id }),
      },
    ];
  }
  return [
    { kind: 'manual_review', params: { reason: 'blacklisted', details: on }, owner: 'risk', key: ['blacklisted'], automatable: false },
    ...(facts['order.isShipped']
      ? []
      : [{ kind: 'hold_shipment' as const, params: { reason: 'fraud_review' as const }, owner: 'warehouse' as const, key: ['fraud_review'], automatable: true }]),
  ];
};
