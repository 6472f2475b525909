import type { z } from 'zod';
import type { detectors } from '../detectors/registry.js';
import { amountMismatchPlaybook } from './payment/amount-mismatch.js';
import { duplicatePaymentPlaybook } from './payment/duplicate-payment.js';
import { paidNotUpdatedPlaybook } from './payment/paid-not-updated.js';
import { paymentFailedPlaybook } from './payment/payment-failed.js';
import type { Playbook } from './playbook.js';

type Detector = (typeof detectors)[number];

/** The playbook of every built-in code: a missing one is a type error. */
export const playbooks: { readonly [D in Detector as D['code']]: Playbook<z.output<D['thresholds']>> } = {
  PAYMENT_FAILED: paymentFailedPlaybook,
  DUPLICATE_PAYMENT: duplicatePaymentPlaybook,
  AMOUNT_MISMATCH: amountMismatchPlaybook,
  PAID_NOT_UPDATED: paidNotUpdatedPlaybook,
};
