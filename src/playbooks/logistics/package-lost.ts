import { computeAvailability } from '../../facts/inventory-facts.js';
import { draftCoupon } from '../compensation.js';
import { parcelOf } from '../parcel.js';
import { planFullRefunds, reviewUnclearLedger } from '../plan-surplus-refunds.js';
import type { ActionDraft, Playbook } from '../playbook.js';

/**
 * PACKAGE_LOST: reship when stock allows (inventory data shows every line available); refund in
 * full when it shows stock short; and when the snapshot carries no stock data, offer the customer
 * the choice rather than move money on a guess. Always claim from the carrier, which never delays
 * the customer's remedy.
 */
export const packageLostPlaybook: Playbook<unknown> = (input) => {
  const { order, messages, kit } = input;
  const coupon = draftCoupon(input, 'PACKAGE_LOST');
  const couponText = coupon === undefined ? undefined : kit.money(coupon.params.amount);
  const availability = computeAvailability(order);
  const known = availability.length > 0 && availability.length === new Set(order.items.map((i) => i.sku)).size;
  const inStock = known && availability.every((a) => a.available >= a.ordered);
  const drafts: ActionDraft[] = [];
  if (!known) {
    drafts.push({
      kind: 'contact_customer',
      params: { reason: 'package_lost', channels: ['phone', 'sms'], options: ['reship', 'refund'] },
      owner: 'customer_service',
      key: ['package_lost'],
      automatable: false,
      customerText: messages.customer.lostChoice({ orderId: order.id, coupon: couponText }),
    });
  } else if (inStock) {
    const items = order.items.map((i) => ({ sku: i.sku, quantity: i.quantity }));
    drafts.push({
      kind: 'reship',
      params: { items, reason: 'package_lost' },
      owner: 'warehouse',
      key: ['package_lost'],
      automatable: false,
      customerText: messages.customer.lostReship({ orderId: order.id, coupon: couponText }),
    });
  } else {
    const plan = planFullRefunds(order);
    const total = plan.refunds.reduce((sum, r) => sum + r.amount, 0);
    for (const { balance, amount } of plan.refunds) {
      drafts.push({
        kind: 'refund',
        params: { paymentId: balance.payment.id, amount, currency: order.currency, method: balance.payment.method, reason: 'package_lost' },
        owner: 'finance',
        key: [balance.payment.id, amount],
        automatable: true,
        amount,
        customerText: messages.customer.lostRefund({
          orderId: order.id,
          amount: kit.money(total),
          method: messages.paymentMethod(balance.payment.method),
          coupon: couponText,
        }),
      });
    }
    if (plan.blocked) {
      drafts.push(reviewUnclearLedger());
    }
  }
  if (coupon !== undefined) drafts.push(coupon);
  const parcel = parcelOf(order);
  if (parcel !== undefined) {
    drafts.push({ kind: 'carrier_claim', params: { ...parcel, reason: 'lost' }, owner: 'logistics', key: [parcel.shipmentId, 'lost'], automatable: false });
  }
  return drafts;
};
