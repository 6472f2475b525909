import { unresolvedFailedRefunds } from '../../money/failed-refunds.js';
import type { ActionDraft, Playbook } from '../playbook.js';
import { tell } from '../tell.js';

/**
 * REFUND_FAILED: finance reviews the failed refund. The retry itself is planned by the finding
 * that asked for the refund, under a new key (docs/lifecycle.md), so no second refund is planned
 * here. The customer hears of it only when a retry failed too: the original method no longer
 * takes the money, and another needs their consent.
 */
export const refundFailedPlaybook: Playbook<unknown> = ({ order, messages }) => {
  const drafts: ActionDraft[] = [{ kind: 'manual_review', params: { reason: 'refund_failed' }, owner: 'finance', key: ['refund_failed'], automatable: false }];
  const retryFailed = unresolvedFailedRefunds(order).some((f) => f.attempt >= 2);
  if (retryFailed) drafts.push(tell('refund_failed', messages.customer.sections.refundFailed()));
  return drafts;
};
