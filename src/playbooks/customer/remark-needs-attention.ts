import { findRemarkRequests } from '../../facts/remark-requests.js';
import type { Playbook } from '../playbook.js';

/** REMARK_NEEDS_ATTENTION: a person reviews the remark's requests before the parcel ships. */
export const remarkNeedsAttentionPlaybook: Playbook<unknown> = ({ order, context, messages }) => {
  const requests = findRemarkRequests(order.remark ?? '', context.settings.remarkKeywords);
  const details = requests.map((r) => `${r.kind}: ${r.phrase}`);
  return [
    {
      kind: 'manual_review',
      params: { reason: 'remark_requests', details },
      owner: 'customer_service',
      key: ['remark_requests', ...requests.map((r) => r.kind)],
      automatable: false,
      note: messages.internal.remark({ orderId: order.id, remark: order.remark ?? '', requests: details }),
    },
  ];
};
