import { computeAvailability, inventoryBySku } from '../../facts/inventory-facts.js';
import { draftCoupon } from '../compensation.js';
import { type ActionDraft, isPriorityOrder, type Playbook } from '../playbook.js';

/**
 * OVERSOLD: for each short SKU, transfer from a warehouse whose free stock covers the shortfall,
 * else restock urgently; offer the customer the choice between waiting and a refund, with the
 * policy's apology coupon either way. VIP and high-value orders are handled first (phone too,
 * and due on a shorter SLA).
 */
export const oversoldPlaybook: Playbook<unknown> = (input) => {
  const { order, messages, kit } = input;
  const priority = isPriorityOrder(input) ? ({ priority: 'high' } as const) : {};
  const short = computeAvailability(order).filter((a) => a.short > 0);
  const records = inventoryBySku(order);
  const drafts: ActionDraft[] = short.map((a): ActionDraft => {
    const group = records.get(a.sku) ?? [];
    const donor = group.find((r) => r.warehouse !== undefined && r.onHand - r.reserved >= a.short);
    return donor?.warehouse !== undefined && group.length > 1
      ? {
          kind: 'transfer_stock',
          params: { sku: a.sku, units: a.short, fromWarehouse: donor.warehouse },
          owner: 'warehouse',
          key: [a.sku, a.short],
          automatable: false,
          ...priority,
        }
      : {
          kind: 'urgent_restock',
          params: { sku: a.sku, units: a.short },
          owner: 'warehouse',
          key: [a.sku, a.short],
          automatable: false,
          note: messages.internal.restock({ orderId: order.id, sku: a.sku, units: a.short }),
          ...priority,
        };
  });
  const coupon = draftCoupon(input, 'OVERSOLD');
  if (coupon !== undefined) drafts.push(coupon);
  const shortSkus = new Set(short.map((a) => a.sku));
  const names = order.items.filter((i) => short.length === 0 || shortSkus.has(i.sku)).map((i) => i.name ?? i.sku);
  drafts.push({
    kind: 'contact_customer',
    params: {
      reason: 'oversold_choice',
      channels: isPriorityOrder(input) ? ['phone', 'sms'] : ['sms'],
      options: ['wait_for_restock', 'refund'],
    },
    owner: 'customer_service',
    key: ['oversold_choice'],
    automatable: false,
    customerText: messages.customer.oversoldChoice({
      orderId: order.id,
      items: messages.list(names),
      coupon: coupon === undefined ? undefined : kit.money(coupon.params.amount),
    }),
    ...priority,
  });
  return drafts;
};
