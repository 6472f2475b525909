import type { Playbook } from '../playbook.js';
import { tell } from '../tell.js';

/**
 * PAYMENT_CLAIMED: finance checks the gateway with the customer's payment voucher; the customer
 * is asked for it. Nothing is refunded or cancelled on the claim alone (docs/playbooks.md,
 * "Precedence": an order awaiting payment is neither cancelled nor asked to pay again meanwhile).
 */
export const paymentClaimedPlaybook: Playbook<unknown> = ({ messages }) => [
  { kind: 'manual_review', params: { reason: 'payment_claimed' }, owner: 'finance', key: ['payment_claimed'], automatable: false },
  tell('payment_voucher', messages.customer.sections.paymentVoucher(), { channels: ['sms', 'in_app'] }),
];
