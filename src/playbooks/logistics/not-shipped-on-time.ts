import { draftCoupon } from '../compensation.js';
import type { ActionDraft, Playbook } from '../playbook.js';

/** NOT_SHIPPED_ON_TIME: escalate to the warehouse and tell the customer, with an apology and the policy's small coupon. */
export const notShippedOnTimePlaybook: Playbook<unknown> = (input) => {
  const { order, messages, kit } = input;
  const coupon = draftCoupon(input, 'NOT_SHIPPED_ON_TIME');
  const drafts: ActionDraft[] = [
    {
      kind: 'escalate',
      params: { to: 'warehouse', reason: 'not_shipped_on_time' },
      owner: 'warehouse',
      key: ['not_shipped_on_time'],
      automatable: true,
      note: messages.internal.shipLate({ orderId: order.id }),
    },
    {
      kind: 'contact_customer',
      params: { reason: 'ship_delay', channels: ['sms'] },
      owner: 'customer_service',
      key: ['ship_delay'],
      automatable: true,
      customerText: messages.customer.shipDelay({ orderId: order.id, coupon: coupon === undefined ? undefined : kit.money(coupon.params.amount) }),
    },
  ];
  if (coupon !== undefined) drafts.push(coupon);
  return drafts;
};
