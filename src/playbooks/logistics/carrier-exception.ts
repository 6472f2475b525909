import { lastKnownEvent, primaryShipment } from '../../facts/logistics-facts.js';
import { chaseKey, parcelOf } from '../parcel.js';
import type { ActionDraft, Playbook } from '../playbook.js';
import { tell } from '../tell.js';

/** Words in a carrier's exception that say the recipient's details are the cause (zh and en). */
const NEEDS_CUSTOMER = /地址|电话|手机|联系不上|无人接听|收件人|address|phone|recipient|contact|unreachable/i;

/**
 * CARRIER_EXCEPTION (问题件): chase the carrier for the cause. When the carrier's description
 * says the recipient's address or phone is the problem, tell the customer we are sorting it
 * out with the carrier (they may be asked to confirm their details).
 */
export const carrierExceptionPlaybook: Playbook<unknown> = ({ order, messages, policy, now }) => {
  const parcel = parcelOf(order);
  const shipment = primaryShipment(order);
  if (parcel === undefined || shipment === undefined) return [];
  const drafts: ActionDraft[] = [
    { kind: 'urge_carrier', params: parcel, owner: 'logistics', key: chaseKey(order, parcel.shipmentId, now, policy.followUp.updateEveryHours), automatable: true },
  ];
  const description = lastKnownEvent(shipment)?.description ?? '';
  if (NEEDS_CUSTOMER.test(description)) {
    drafts.push(tell('carrier_exception', messages.customer.sections.carrierException({ carrier: messages.carrierName(parcel.carrier), trackingNumber: parcel.trackingNumber })));
  }
  return drafts;
};
