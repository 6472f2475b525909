import { computeAvailability } from '../../facts/inventory-facts.js';
import type { ActionDraft, Playbook } from '../playbook.js';

/**
 * OVERSOLD: restock each short SKU urgently, and let the customer choose between waiting and a
 * refund (guide: 紧急采购 + 客户沟通). VIP customers are contacted by phone as well.
 */
export const oversoldPlaybook: Playbook<unknown> = ({ order, messages }) => {
  const short = computeAvailability(order).filter((a) => a.short > 0);
  const drafts: ActionDraft[] = short.map((a) => ({
    kind: 'urgent_restock',
    params: { sku: a.sku, units: a.short },
    owner: 'warehouse',
    key: [a.sku, a.short],
    automatable: false,
    note: messages.internal.restock({ orderId: order.id, sku: a.sku, units: a.short }),
  }));
  const names = order.items.filter((i) => short.length === 0 || short.some((a) => a.sku === i.sku)).map((i) => i.name ?? i.sku);
  drafts.push({
    kind: 'contact_customer',
    params: {
      reason: 'oversold_choice',
      channels: order.customer.tier === 'vip' ? ['phone', 'sms'] : ['sms'],
      options: ['wait_for_restock', 'refund'],
    },
    owner: 'customer_service',
    key: ['oversold_choice'],
    automatable: false,
    customerText: messages.customer.oversoldChoice({ orderId: order.id, items: messages.list(names) }),
  });
  return drafts;
};
