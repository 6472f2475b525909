import { parseTimestamp } from '../../_lib/timestamp.js';
import { unpickedShipment } from '../../facts/logistics-facts.js';
import { chaseKey } from '../parcel.js';
import type { ActionDraft, Playbook } from '../playbook.js';
import { tell } from '../tell.js';

/**
 * NOT_PICKED_UP: chase the carrier to collect the parcel and ask the warehouse whether it is
 * really ready at the dock. Internal work: the customer hears of it only once the promised
 * ship-by time has passed.
 */
export const notPickedUpPlaybook: Playbook<unknown> = ({ order, messages, policy, now }) => {
  const shipment = unpickedShipment(order);
  if (shipment === undefined) return [];
  const parcel = { shipmentId: shipment.id, carrier: shipment.carrier, trackingNumber: shipment.trackingNumber };
  const drafts: ActionDraft[] = [
    { kind: 'urge_carrier', params: parcel, owner: 'logistics', key: chaseKey(order, parcel.shipmentId, now, policy.followUp.updateEveryHours), automatable: true },
    { kind: 'escalate', params: { to: 'warehouse', reason: 'not_picked_up' }, owner: 'warehouse', key: ['not_picked_up', parcel.shipmentId], automatable: true },
  ];
  if (order.promisedShipBy !== undefined && now > parseTimestamp(order.promisedShipBy)) {
    drafts.push(tell('not_picked_up', messages.customer.sections.notPickedUp()));
  }
  return drafts;
};
