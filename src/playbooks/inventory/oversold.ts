import { computeAvailability, demandBySku, type InventoryRecord, inventoryBySku } from '../../facts/inventory-facts.js';
import { draftChosenRemedy } from '../choices.js';
import { customerChoice } from '../decisions.js';
import { type ActionDraft, isPriorityOrder, type Playbook } from '../playbook.js';
import { tell } from '../tell.js';

/** The warehouse whose free stock covers `units` best, when the SKU is held in two or more. */
function donorFor(group: readonly InventoryRecord[], units: number): string | undefined {
  if (group.length < 2) return undefined;
  let donor: InventoryRecord | undefined;
  for (const r of group) {
    if (r.warehouse !== undefined && r.onHand - r.reserved >= units && (donor === undefined || r.onHand - r.reserved > donor.onHand - donor.reserved)) donor = r;
  }
  return donor?.warehouse;
}

/**
 * OVERSOLD. A line short in total (availability is summed over every warehouse) is restocked
 * urgently: no single warehouse can cover it. When the figures show enough stock but a
 * warehouse reported it missing, the line is moved from another warehouse whose free stock
 * covers it (the snapshot does not say which warehouse holds the order, so the one with the
 * most free stock), else restocked. The customer chooses between waiting and a full refund
 * (a checkout draft, not yet paid: waiting or cancelling). VIP and high-value orders are
 * handled first (phone too, and due on a shorter SLA).
 */
export const oversoldPlaybook: Playbook<unknown> = (input) => {
  const { order, facts, messages } = input;
  const priority = isPriorityOrder(input) ? ({ priority: 'high' } as const) : {};
  const short = computeAvailability(order).filter((a) => a.short > 0);
  const records = inventoryBySku(order);
  const restock = (sku: string, units: number): ActionDraft => ({
    kind: 'urgent_restock',
    params: { sku, units },
    owner: 'warehouse',
    key: [sku, units],
    automatable: false,
    note: messages.internal.restock({ orderId: order.id, sku, units }),
    ...priority,
  });
  const drafts: ActionDraft[] = short.map((a) => restock(a.sku, a.short));
  if (short.length === 0) {
    for (const line of demandBySku(order)) {
      const donor = donorFor(records.get(line.sku) ?? [], line.quantity);
      drafts.push(
        donor === undefined
          ? restock(line.sku, line.quantity)
          : {
              kind: 'transfer_stock',
              params: { sku: line.sku, units: line.quantity, fromWarehouse: donor },
              owner: 'warehouse',
              key: [line.sku, line.quantity],
              automatable: false,
              ...priority,
            },
      );
    }
  }
  const shortSkus = new Set(short.map((a) => a.sku));
  const names = order.items.filter((i) => short.length === 0 || shortSkus.has(i.sku)).map((i) => messages.productName(i.name ?? i.sku));
  const paid = facts['payments.succeededCount'] > 0;
  const choice = customerChoice(input.decision);
  if (choice === 'wait') return [...drafts, tell('choice_confirmed', messages.customer.sections.asChosen({ choice }))];
  if (choice === 'refund' || choice === 'cancel') {
    const cancel: ActionDraft = { kind: 'cancel_order', params: { reason: 'customer_cancelled' }, owner: 'customer_service', key: ['customer_cancelled'], automatable: true };
    return paid ? [cancel, ...draftChosenRemedy(input, 'refund', 'oversold')] : [cancel, tell('choice_confirmed', messages.customer.sections.asChosen({ choice: 'cancel' }))];
  }
  // Moved from another warehouse, the order still ships: a short delay, nothing to choose.
  const fromAnotherWarehouse = drafts.every((d) => d.kind === 'transfer_stock');
  const section = messages.customer.sections.oversold({ items: messages.list(names), charged: paid, fromAnotherWarehouse });
  const channels = isPriorityOrder(input) ? (['phone', 'sms'] as const) : (['sms'] as const);
  drafts.push(
    fromAnotherWarehouse
      ? tell('oversold_choice', section, { channels, ...priority })
      : tell('oversold_choice', section, { channels, options: paid ? ['wait_for_restock', 'refund'] : ['wait_for_restock', 'cancel'], ...priority }),
  );
  return drafts;
};
