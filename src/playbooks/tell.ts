import type { ContactChannel, ContactReason } from '../vocabulary/action-params.js';
import type { ActionDraft } from './playbook.js';

/** How a section reaches the customer, and what it asks of them. */
export interface TellOptions {
  /** @default ['sms'] */
  readonly channels?: readonly ContactChannel[];
  /** Choices offered; a message that offers choices needs a person to read the reply. */
  readonly options?: readonly string[];
  /** Handle first (VIP and high-value orders). */
  readonly priority?: 'high';
  /** The section only explains the finding's remedies: left out once they are all done. */
  readonly withRemedies?: true;
}

/**
 * A finding's section of the order's one message to the customer, as a `contact_customer`
 * draft; the plan composes every section of the order into one message (docs/playbooks.md).
 *
 * @example
 * tell('ship_delay', messages.customer.sections.shipDelay())
 * //=> { kind: 'contact_customer', params: { reason: 'ship_delay', channels: ['sms'] }, section: '...', ... }
 */
export function tell(reason: ContactReason, section: string, options: TellOptions = {}): Extract<ActionDraft, { kind: 'contact_customer' }> {
  return {
    kind: 'contact_customer',
    params: { reason, channels: [...(options.channels ?? ['sms'])], ...(options.options === undefined ? {} : { options: [...options.options] }) },
    owner: 'customer_service',
    key: [reason],
    automatable: options.options === undefined,
    section,
    ...(options.priority === undefined ? {} : { priority: options.priority }),
    ...(options.withRemedies === undefined ? {} : { withRemedies: true }),
  };
}
