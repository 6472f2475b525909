import type { ThresholdsOf } from '../../detectors/registry.js';
import { reportedLines } from '../../facts/report-facts.js';
import type { OrderSnapshot } from '../../schema/snapshot.js';
import { staffVerdict } from '../decisions.js';
import { parcelOf, reportConfirmed, verifyClaimDraft } from '../parcel.js';
import type { ActionDraft, Playbook, PlaybookInput } from '../playbook.js';
import { tell } from '../tell.js';

type Thresholds = ThresholdsOf<'WRONG_ITEM'>;

/** Whether the order's items are worth less than `keepBelow` in its currency: the customer keeps the wrong item. */
function keepsIt(order: OrderSnapshot, keepBelow: Thresholds['keepBelow']): boolean {
  const limit = Object.hasOwn(keepBelow, order.currency) ? keepBelow[order.currency] : undefined;
  return limit !== undefined && order.totals.items < limit;
}

/** The names of the lines to send again, for the customer's message. */
function itemNames(input: PlaybookInput<Thresholds>, skus: ReadonlySet<string>): string {
  const { order, messages } = input;
  return messages.list(order.items.filter((i) => skus.has(i.sku)).map((i) => messages.productName(i.name ?? i.sku)));
}

/**
 * WRONG_ITEM. An exchange: the right item goes out again (`reship`, the lines the report names,
 * else every line for a person to confirm), and the wrong one comes back (`request_return`)
 * unless the order's items are worth less than `keepBelow` (the customer keeps it). A report only
 * the customer made is verified first (a photo of the item and its label; docs/playbooks.md,
 * "Gates"): nothing is sent until a person approves; a rejected claim needs nothing more.
 */
export const wrongItemPlaybook: Playbook<Thresholds> = (input) => {
  const { order, messages, thresholds, decision } = input;
  const lines = reportedLines(order, 'wrong_item');
  const items = itemNames(input, new Set(lines.items.map((i) => i.sku)));
  const keep = keepsIt(order, thresholds.keepBelow);
  if (!reportConfirmed(order, 'wrong_item')) {
    const verdict = staffVerdict(decision);
    if (verdict === 'reject') return [];
    if (verdict !== 'approve' && verdict !== 'reship' && verdict !== 'exchange') {
      return [
        verifyClaimDraft(order, messages, 'wrong_item'),
        tell('claim_check', messages.customer.sections.wrongItem({ items, confirmed: false, keep }), { channels: ['sms', 'in_app'] }),
      ];
    }
  }
  const drafts: ActionDraft[] = [
    { kind: 'reship', params: { items: lines.items.map((i) => ({ ...i })), reason: 'wrong_item' }, owner: 'warehouse', key: ['wrong_item'], automatable: lines.named },
  ];
  if (!keep) {
    const shipmentId = parcelOf(order)?.shipmentId;
    drafts.push({
      kind: 'request_return',
      params: { ...(shipmentId === undefined ? {} : { shipmentId }), reason: 'wrong_item' },
      owner: 'customer_service',
      key: ['wrong_item'],
      automatable: false,
    });
  }
  drafts.push(tell('wrong_item', messages.customer.sections.wrongItem({ items, confirmed: true, keep }), { channels: ['sms', 'in_app'] }));
  return drafts;
};
