import type { Playbook } from '../playbook.js';
import { draftSurplusRefunds } from './draft-refunds.js';

/**
 * DUPLICATE_PAYMENT: refund each surplus payment to its original method (latest first), never
 * more than it can still refund, telling the customer when the money arrives.
 */
export const duplicatePaymentPlaybook: Playbook<unknown> = (input) => draftSurplusRefunds(input, input.facts['payments.surplus'] ?? 0, 'duplicate_payment');
