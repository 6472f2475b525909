import { amountMismatch } from './amount-mismatch.js';
import { capturedNotRefunded } from './captured-not-refunded.js';
import { duplicatePayment } from './duplicate-payment.js';
import { paidNotUpdated } from './paid-not-updated.js';
import { paymentClaimed } from './payment-claimed.js';
import { paymentFailed } from './payment-failed.js';
import { refundFailed } from './refund-failed.js';

/** The payment category's detectors, in report order. */
export const paymentDetectors = [paymentFailed, duplicatePayment, amountMismatch, paidNotUpdated, capturedNotRefunded, refundFailed, paymentClaimed] as const;
