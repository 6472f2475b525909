import { readOwn } from '../../_lib/own-key.js';
import { isSharedDropOff } from '../../_lib/shared-drop-off.js';
import { matchBlacklist } from '../../facts/blacklist-match.js';
import type { ActionDraft, Playbook } from '../playbook.js';
import { tell } from '../tell.js';

/**
 * BLACKLISTED: before payment, cancel; after, hold the parcel and have risk review it. A listed
 * buyer placing another order is a repeater: the identifiers not yet listed (a new phone, device
 * or address) are proposed for the blacklist, with a supervisor's approval, never a business or
 * pickup address. Severe cases, with more at stake than
 * policy.fraudReporting, are put to a manager to report to the police.
 */
export const blacklistedPlaybook: Playbook<unknown> = ({ order, facts, context, policy, messages, kit }) => {
  const matches = context.blacklist === undefined ? [] : matchBlacklist(order, context.blacklist);
  const on = [...new Set(matches.map((m) => m.on))];
  const drafts: ActionDraft[] = [];
  if (order.status === 'pending_payment' && facts['payments.succeededCount'] === 0) {
    drafts.push({
      kind: 'cancel_order',
      params: { reason: 'blacklisted' },
      owner: 'risk',
      key: ['blacklisted'],
      automatable: false,
    });
    drafts.push(tell('cannot_fulfil', messages.customer.sections.cannotFulfil(), { withRemedies: true }));
  } else {
    drafts.push({ kind: 'manual_review', params: { reason: 'blacklisted', details: on }, owner: 'risk', key: ['blacklisted'], automatable: false });
    if (!facts['order.isShipped']) {
      drafts.push({ kind: 'hold_shipment', params: { reason: 'fraud_review' }, owner: 'warehouse', key: ['fraud_review'], automatable: true });
    }
  }
  const a = order.shippingAddress;
  const address = [a.province, a.city, a.district, a.line1, a.line2].filter(Boolean).join(' ');
  const fresh = {
    ...(on.includes('customerId') ? {} : { customerIds: [order.customer.id] }),
    ...(on.includes('phone') ? {} : { phones: [a.phone] }),
    // A business or pickup address (an office tower's reception, a parcel station) is shared by honest buyers: never proposed.
    ...(on.includes('address') || isSharedDropOff(address) ? {} : { addresses: [address] }),
    ...(on.includes('device') || order.device?.fingerprint === undefined ? {} : { devices: [order.device.fingerprint] }),
  };
  if (Object.keys(fresh).length > 0) {
    drafts.push({
      kind: 'add_to_blacklist',
      params: fresh,
      owner: 'risk',
      key: Object.keys(fresh).sort(),
      automatable: false,
      approval: 'supervisor',
      note: messages.internal.blacklistRepeater({ orderId: order.id, matchedOn: on.join(', ') }),
    });
  }
  const line = readOwn(policy.fraudReporting, order.currency);
  if (line !== undefined && order.totals.payable >= line) {
    drafts.push({
      kind: 'report_to_authorities',
      params: { reason: 'blacklisted_high_value', amount: order.totals.payable, currency: order.currency },
      owner: 'risk',
      key: ['blacklisted_high_value'],
      automatable: false,
      approval: 'manager',
      note: messages.internal.reportFraud({ orderId: order.id, amount: kit.money(order.totals.payable) }),
    });
  }
  return drafts;
};
