import { amountMismatch } from './amount-mismatch.js';
import { duplicatePayment } from './duplicate-payment.js';
import { paidNotUpdated } from './paid-not-updated.js';
import { paymentFailed } from './payment-failed.js';

/** The payment category's detectors, in report order. */
export const paymentDetectors = [paymentFailed, duplicatePayment, amountMismatch, paidNotUpdated] as const;
