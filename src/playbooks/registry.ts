import type { z } from 'zod';
import type { detectors } from '../detectors/registry.js';
import { addressInvalidPlaybook } from './customer/address-invalid.js';
import { phoneInvalidPlaybook } from './customer/phone-invalid.js';
import { remarkNeedsAttentionPlaybook } from './customer/remark-needs-attention.js';
import { abnormalQuantityPlaybook } from './fraud/abnormal-quantity.js';
import { blacklistedPlaybook } from './fraud/blacklisted.js';
import { suspiciousNewAccountPlaybook } from './fraud/suspicious-new-account.js';
import { oversoldPlaybook } from './inventory/oversold.js';
import { reservationFailedPlaybook } from './inventory/reservation-failed.js';
import { stockSyncLagPlaybook } from './inventory/stock-sync-lag.js';
import { awaitingPickupPlaybook } from './logistics/awaiting-pickup.js';
import { carrierExceptionPlaybook } from './logistics/carrier-exception.js';
import { deliveryAttemptFailedPlaybook } from './logistics/delivery-attempt-failed.js';
import { deliveryDelayedPlaybook } from './logistics/delivery-delayed.js';
import { deliveryRefusedPlaybook } from './logistics/delivery-refused.js';
import { missingItemPlaybook } from './logistics/missing-item.js';
import { notPickedUpPlaybook } from './logistics/not-picked-up.js';
import { notShippedOnTimePlaybook } from './logistics/not-shipped-on-time.js';
import { packageDamagedPlaybook } from './logistics/package-damaged.js';
import { packageLostPlaybook } from './logistics/package-lost.js';
import { trackingStalledPlaybook } from './logistics/tracking-stalled.js';
import { wrongItemPlaybook } from './logistics/wrong-item.js';
import { amountMismatchPlaybook } from './payment/amount-mismatch.js';
import { capturedNotRefundedPlaybook } from './payment/captured-not-refunded.js';
import { duplicatePaymentPlaybook } from './payment/duplicate-payment.js';
import { paidNotUpdatedPlaybook } from './payment/paid-not-updated.js';
import { paymentClaimedPlaybook } from './payment/payment-claimed.js';
import { paymentFailedPlaybook } from './payment/payment-failed.js';
import { refundFailedPlaybook } from './payment/refund-failed.js';
import type { Playbook } from './playbook.js';
import { orderCreateFailedPlaybook } from './system/order-create-failed.js';
import { syncFailedPlaybook } from './system/sync-failed.js';

type Detector = (typeof detectors)[number];

/** The playbook of every built-in code: a missing one is a type error. */
export const playbooks: { readonly [D in Detector as D['code']]: Playbook<z.output<D['thresholds']>> } = {
  PAYMENT_FAILED: paymentFailedPlaybook,
  DUPLICATE_PAYMENT: duplicatePaymentPlaybook,
  AMOUNT_MISMATCH: amountMismatchPlaybook,
  PAID_NOT_UPDATED: paidNotUpdatedPlaybook,
  CAPTURED_NOT_REFUNDED: capturedNotRefundedPlaybook,
  REFUND_FAILED: refundFailedPlaybook,
  PAYMENT_CLAIMED: paymentClaimedPlaybook,
  OVERSOLD: oversoldPlaybook,
  RESERVATION_FAILED: reservationFailedPlaybook,
  STOCK_SYNC_LAG: stockSyncLagPlaybook,
  NOT_SHIPPED_ON_TIME: notShippedOnTimePlaybook,
  TRACKING_STALLED: trackingStalledPlaybook,
  DELIVERY_DELAYED: deliveryDelayedPlaybook,
  PACKAGE_LOST: packageLostPlaybook,
  PACKAGE_DAMAGED: packageDamagedPlaybook,
  WRONG_ITEM: wrongItemPlaybook,
  MISSING_ITEM: missingItemPlaybook,
  DELIVERY_REFUSED: deliveryRefusedPlaybook,
  NOT_PICKED_UP: notPickedUpPlaybook,
  CARRIER_EXCEPTION: carrierExceptionPlaybook,
  AWAITING_PICKUP: awaitingPickupPlaybook,
  DELIVERY_ATTEMPT_FAILED: deliveryAttemptFailedPlaybook,
  ADDRESS_INVALID: addressInvalidPlaybook,
  PHONE_INVALID: phoneInvalidPlaybook,
  REMARK_NEEDS_ATTENTION: remarkNeedsAttentionPlaybook,
  ORDER_CREATE_FAILED: orderCreateFailedPlaybook,
  SYNC_FAILED: syncFailedPlaybook,
  BLACKLISTED: blacklistedPlaybook,
  SUSPICIOUS_NEW_ACCOUNT: suspiciousNewAccountPlaybook,
  ABNORMAL_QUANTITY: abnormalQuantityPlaybook,
};
