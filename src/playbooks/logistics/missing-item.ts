import { computeAvailability } from '../../facts/inventory-facts.js';
import { reportedLines } from '../../facts/report-facts.js';
import { computeRefundableBalances } from '../../money/refundable-balance.js';
import { splitByLargestRemainder } from '../../money/split-largest-remainder.js';
import type { OrderSnapshot } from '../../schema/snapshot.js';
import { staffVerdict } from '../decisions.js';
import { reportConfirmed, verifyClaimDraft } from '../parcel.js';
import { reviewUnclearLedger } from '../plan-surplus-refunds.js';
import type { ActionDraft, Playbook, PlaybookInput } from '../playbook.js';
import { tell } from '../tell.js';

type Line = { readonly sku: string; readonly quantity: number };

/** Lines out of stock now: the stock on hand, less other orders' reservations, cannot cover them. No inventory record: in stock (a person confirms the reshipment). */
function outOfStock(order: OrderSnapshot, lines: readonly Line[]): Set<string> {
  const availability = new Map(computeAvailability(order).map((a) => [a.sku, a.available]));
  return new Set(lines.filter((l) => (availability.get(l.sku) ?? Number.POSITIVE_INFINITY) < l.quantity).map((l) => l.sku));
}

/** What the customer paid for `skus`: the items' total less the discount, shared over the lines by value (largest remainder). */
function paidFor(order: OrderSnapshot, skus: ReadonlySet<string>): number {
  const values = order.items.map((i) => i.unitPrice * i.quantity);
  const net = Math.max(0, order.totals.items - order.totals.discount);
  const shares = splitByLargestRemainder(net, values);
  return order.items.reduce((sum, item, i) => sum + (skus.has(item.sku) ? (shares[i] ?? 0) : 0), 0);
}

/** Refunds of what was paid for the out-of-stock lines, split over the refundable payments; a review when the ledger is unclear. */
function refundDrafts(order: OrderSnapshot, skus: ReadonlySet<string>): ActionDraft[] {
  const ledger = computeRefundableBalances(order);
  if (ledger.blocked) return [reviewUnclearLedger()];
  const refundable = ledger.payments.reduce((sum, b) => sum + b.refundable, 0);
  const total = Math.min(refundable, paidFor(order, skus));
  const shares = splitByLargestRemainder(
    total,
    ledger.payments.map((b) => b.refundable),
  );
  return ledger.payments.flatMap((balance, i): ActionDraft[] => {
    const amount = shares[i] ?? 0;
    if (amount <= 0) return [];
    const params = { paymentId: balance.payment.id, amount, currency: order.currency, method: balance.payment.method, reason: 'missing_item' } as const;
    return [{ kind: 'refund', params, owner: 'finance', key: [balance.payment.id, amount, 'missing_item'], automatable: false, amount }];
  });
}

/** The names of `lines`, for the customer's message; undefined when there are none. */
function names(input: PlaybookInput<unknown>, lines: readonly Line[]): string | undefined {
  const skus = new Set(lines.map((l) => l.sku));
  const { order, messages } = input;
  return lines.length === 0 ? undefined : messages.list(order.items.filter((i) => skus.has(i.sku)).map((i) => messages.productName(i.name ?? i.sku)));
}

/**
 * MISSING_ITEM. The missing lines only (those the report names; when it names none, every line,
 * for a person to confirm: not automatable) go out again (`reship`); those out of stock are
 * refunded instead (what was paid for them, discount shared by value). A report only the customer
 * made is verified first (which items, the packing record, the parcel's weight; docs/playbooks.md,
 * "Gates"): nothing moves until a person approves; a rejected claim needs nothing more.
 */
export const missingItemPlaybook: Playbook<unknown> = (input) => {
  const { order, messages, decision } = input;
  if (!reportConfirmed(order, 'missing_item')) {
    const verdict = staffVerdict(decision);
    if (verdict === 'reject') return [];
    if (verdict !== 'approve' && verdict !== 'reship' && verdict !== 'refund') {
      const section = messages.customer.sections.missingItem({ confirmed: false, items: '', outOfStock: undefined });
      return [verifyClaimDraft(order, messages, 'missing_item'), tell('claim_check', section, { channels: ['sms', 'in_app'] })];
    }
  }
  const lines = reportedLines(order, 'missing_item');
  const gone = outOfStock(order, lines.items);
  const reship = lines.items.filter((l) => !gone.has(l.sku));
  const refund = lines.items.filter((l) => gone.has(l.sku));
  const drafts: ActionDraft[] = [];
  if (reship.length > 0) {
    drafts.push({ kind: 'reship', params: { items: reship.map((l) => ({ ...l })), reason: 'missing_item' }, owner: 'warehouse', key: ['missing_item'], automatable: lines.named });
  }
  if (refund.length > 0) for (const draft of refundDrafts(order, gone)) drafts.push(draft);
  const section = messages.customer.sections.missingItem({ confirmed: true, items: names(input, lines.items) ?? '', outOfStock: names(input, refund) });
  drafts.push(tell('missing_item', section, { channels: ['sms', 'in_app'], ...(refund.length > 0 ? { withRemedies: true } : {}) }));
  return drafts;
};
