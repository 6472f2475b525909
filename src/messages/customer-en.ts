import { readOwn } from '../_lib/own-key.js';
import { type CustomerTexts, holdOnce } from './customer-texts.js';
import { listFormat } from './list-format.js';

const LIST = listFormat('en', 'conjunction');
const OR = listFormat('en', 'disjunction');

const OPTIONS: Readonly<Record<string, string>> = {
  wait_for_restock: 'wait for the restock',
  refund: 'a full refund',
  reship: 'a replacement',
  cancel: 'cancel the order',
  redeliver: 'another delivery attempt at a time that suits you',
  pickup_point: 'collection from a nearby pickup point',
  quality_issue: 'something was wrong with the item',
  changed_mind: 'you changed your mind',
  other: 'something else',
};

/** Options that are reasons the customer gives, not remedies they choose. */
const REASONS: ReadonlySet<string> = new Set(['quality_issue', 'changed_mind', 'other']);

const after = (review: boolean) => (review ? ' once a colleague has approved it' : '');
const days = (min: number, max: number) => (min === max ? `${min} business ${min === 1 ? 'day' : 'days'}` : `${min}–${max} business days`);
const tracking = (carrier: string, trackingNumber: string) => (trackingNumber === '' ? '' : ` (${carrier}, tracking number ${trackingNumber})`);

/** The hold while the customer confirms their details: said once when the address and the phone both need it. */
const HOLD = ' We will keep the parcel here until we hear from you.';

/** Customer messages in English: one message per order, composed from these parts. */
export const enCustomer: CustomerTexts = {
  sections: {
    paymentRetry: (m) =>
      `Your payment of ${m.amount} on ${m.failedAt} did not go through${m.reason === undefined ? '' : ` (${m.reason})`}. We are holding your items until ${m.holdUntil}: you can try again, or pay with ${m.otherMethods}.`,
    paymentLink: (m) =>
      `Your order (${m.amount}) is still waiting for payment. We are holding your items until ${m.holdUntil}; the payment link we are sending lets you finish in a moment.`,
    unpaidCancelled: (m) =>
      `Your order (${m.amount}) was not paid within ${m.within}, so we will close it; nothing has been charged. If you still want the items, you are welcome to order again.`,
    duplicateCharge: (m) =>
      `You were charged twice: an extra ${m.amount} by ${m.method} on ${m.paidAt}${m.refunded === undefined ? '' : `, of which ${m.refunded} has already been refunded`}.`,
    overpaid: (m) =>
      `Your order comes to ${m.payable}, but we received ${m.paid}: ${m.surplus} too much${m.refunded === undefined ? '' : `, of which ${m.refunded} has already been refunded`}.`,
    chargeUnderReview: () => 'Our finance team is checking the payments on your order against the bank records and will come back to you with the result.',
    balanceDue: (m) =>
      `Your order comes to ${m.payable}, but we have received ${m.paid} so far, ${m.shortfall} short. The link we are sending lets you pay the remaining ${m.shortfall}${m.shipped ? '.' : '; we will ship as soon as it arrives, and hold the parcel until then.'}`,
    paymentConfirmed: (m) => `We have received your payment of ${m.amount}; our system was slow to show it, and we will mark your order as paid right away.`,
    capturedRefund: () => 'Your order was cancelled, but the money you paid for it has not come back to you yet. We will return it to your original payment method.',
    refundFailed: () => 'The refund to your original payment method did not go through. We are looking into it and will come back to you to agree how the money can reach you.',
    paymentVoucher: () =>
      'You told us you have paid, but the payment has not reached us yet. Please send us your payment voucher or a screenshot showing the time, amount and transaction number; our finance team will check it with the payment provider and come back to you with the result.',
    oversold: (m) =>
      m.fromAnotherWarehouse
        ? `${m.items} from your order is not at our usual warehouse, so we will send it from another one; it may take a little longer to reach you.`
        : m.charged
          ? `${m.items} from your order has just sold out, so we cannot ship it yet. We will restock it as fast as we can.`
          : `${m.items} in your order has just sold out. Nothing has been charged; we will restock it as fast as we can.`,
    shipDelay: () => 'Your order did not ship when we promised. We will have the warehouse put it first and send you the tracking number the moment it leaves.',
    trackingStalled: (m) =>
      `Tracking for your parcel${tracking(m.carrier, m.trackingNumber)} has not updated for ${m.since}. We will ask the carrier to locate it and let you know as soon as we hear back.`,
    deliveryDelayed: (m) =>
      `Your parcel${tracking(m.carrier, m.trackingNumber)} did not arrive when expected. We will ask the local depot to deliver it as soon as possible and keep you posted.`,
    notPickedUp: () => 'Your order is packed, but the courier has not collected it yet. We will chase the courier and check with our warehouse so it leaves as soon as possible.',
    carrierException: (m) =>
      `The courier flagged a problem delivering your parcel${tracking(m.carrier, m.trackingNumber)} that concerns the delivery address or phone number. We are resolving it with the courier and may contact you to confirm your details.`,
    awaitingPickup: (m) =>
      `Your parcel${tracking(m.carrier, m.trackingNumber)} is waiting for you${m.location === undefined ? ' at the pickup point' : ` at ${m.location}`}. Please collect it by ${m.until}; after that it may be sent back to us.`,
    redelivery: (m) => `The courier could not deliver your parcel${tracking(m.carrier, m.trackingNumber)}. We will arrange a new delivery with the courier as it suits you.`,
    lost: (m) =>
      m.outOfStock
        ? 'Your parcel was lost in transit, and the items are out of stock for now. We will handle the claim with the carrier; it will not hold up your refund.'
        : 'Your parcel was lost in transit. We will handle the claim with the carrier; it will not hold you up.',
    claimCheck: (m) =>
      `${m.carrier} shows your parcel as delivered${m.deliveredAt === undefined ? '' : ` on ${m.deliveredAt}`}, but you have not received it. We will check the proof of delivery with the courier and come back to you with what we find and how we will put it right.`,
    damaged: (m) =>
      m.confirmed
        ? m.delivered
          ? 'Your parcel was damaged on its way to you. If you can, please send us photos of the item and the packaging; we will handle the claim with the carrier.'
          : 'Your parcel was damaged in transit. We will handle the claim with the carrier; you do not need to do anything about the damaged parcel.'
        : 'You told us your parcel arrived damaged. Please send us photos of the item and the packaging; once we have looked at them we will arrange a replacement or a refund with you.',
    wrongItem: (m) =>
      m.confirmed
        ? `Your parcel held the wrong item instead of ${m.items}. ${m.keep ? 'Please keep the item you received; there is no need to send it back.' : 'We will arrange for the wrong item to be collected, at our expense.'}`
        : `You told us your parcel held the wrong item instead of ${m.items}. Please send us a photo of the item you received and its label; once we have checked it we will send you the right one.`,
    missingItem: (m) =>
      m.confirmed
        ? `Your parcel arrived without ${m.items}.${m.outOfStock === undefined ? '' : ` ${m.outOfStock} is out of stock for now, so we will refund it instead of sending it again.`}`
        : 'You told us items were missing from your parcel. Please tell us which ones, with a photo of what arrived if you can; once we have checked the packing record we will send them to you or refund them.',
    refusalReason: () => 'We see your parcel was refused. Could you tell us why?',
    refusalAwaitingReturn: (m) =>
      `Your refused parcel is on its way back to us. Once it arrives, we will refund ${m.amount} to your original payment method${m.deduction === undefined ? '' : ` (${m.deduction} shipping already deducted, under our returns policy)`}.`,
    refusalReturned: (m) =>
      `Your refused parcel is back with us${m.deduction === undefined ? '.' : `; under our returns policy, ${m.deduction} shipping is deducted from the refund.`}`,
    qualityReturn: (m) =>
      m.inspected
        ? 'We have inspected the returned items.'
        : 'You told us your order had a problem when it arrived. We will arrange its return; once we have inspected it, we will refund you in full.',
    confirmAddress: (m) =>
      m.shipped
        ? 'The address on your order seems to be incorrect and the courier cannot deliver. We will ask the carrier to intercept or redirect the parcel; please reply with the full correct address. If redirecting costs extra, we will check with you first.'
        : m.charged
          ? `The address on your order looks incomplete. Please reply with the full correct address.${HOLD}`
          : 'The address on your order looks incomplete. Please correct it before you pay, so the parcel can reach you.',
    confirmPhone: (m) => {
      const problem = m.landline
        ? 'The phone number on your order is a landline, which cannot receive the courier’s texts.'
        : 'The phone number on your order does not seem to work.';
      return m.charged
        ? `${problem} Please reply with a mobile number the courier can reach you on.${HOLD}`
        : `${problem} Please change it to a mobile number before you pay, so the courier can reach you.`;
    },
    orderRecreated: (m) =>
      `Your order hit a system error when it was placed. Your payment of ${m.amount} arrived safely; we will recreate the order and ship it as usual, and you do not need to pay again.`,
    cannotFulfil: () => 'We are unable to accept your order, so we will cancel it; nothing has been charged.',
    asChosen: (m) =>
      m.choice === 'wait'
        ? 'Thank you for choosing to wait: we will let you know as soon as the stock arrives.'
        : m.choice === 'reship'
          ? 'As you asked, we will send a replacement.'
          : m.choice === 'cancel'
            ? 'As you asked, we will cancel your order.'
            : 'As you asked, we will refund your order.',
    reminder: () => 'We have not heard back from you yet, so here is a reminder.',
  },
  remedies: {
    refunds: (m) =>
      `${m.done ? 'We have refunded' : 'We will refund'} ${LIST.format(m.parts.map((p) => `${p.amount} to your ${p.method}`))}${after(m.review)}; refunds usually arrive within ${days(m.etaMinDays, m.etaMaxDays)}.`,
    coupon: (m) =>
      `As an apology, ${m.done ? 'we have added' : 'we will add'} a ${m.amount} coupon to your account${after(m.review)}${m.validDays === undefined ? '' : `, valid for ${m.validDays} ${m.validDays === 1 ? 'day' : 'days'}`}.`,
    points: (m) => `As an apology, we will credit points worth ${m.amount} to your account${after(m.review)}.`,
    reship: (m) => `We will send ${m.items} to you again${after(m.review)} and share the new tracking number once it leaves.`,
  },
  options: (options) =>
    options.every((o) => REASONS.has(o))
      ? `Please reply to tell us why: ${OR.format(options.map((o) => readOwn(OPTIONS, o) ?? o))}.`
      : `Please reply to let us know which you prefer: ${OR.format(options.map((o) => readOwn(OPTIONS, o) ?? o))}.`,
  compose: (m) =>
    [
      `Hello! This is about your order ${m.orderId}.`,
      ...holdOnce(m.sections, HOLD),
      ...m.remedies,
      ...(m.options === undefined ? [] : [m.options]),
      'We are sorry for the trouble.',
    ].join(' ') + (m.shopName === undefined ? '' : ` — ${m.shopName}`),
  problems: {
    PAYMENT_FAILED: 'the payment that did not go through',
    DUPLICATE_PAYMENT: 'the double charge',
    AMOUNT_MISMATCH: 'the payment amount',
    PAID_NOT_UPDATED: 'the payment that did not show',
    CAPTURED_NOT_REFUNDED: 'the refund for your cancelled order',
    REFUND_FAILED: 'the refund that did not go through',
    PAYMENT_CLAIMED: 'the payment we could not find',
    OVERSOLD: 'the item that sold out',
    RESERVATION_FAILED: 'holding stock for your order',
    STOCK_SYNC_LAG: 'our stock figures',
    NOT_SHIPPED_ON_TIME: 'the late shipment',
    TRACKING_STALLED: 'the tracking that stopped updating',
    DELIVERY_DELAYED: 'the late delivery',
    PACKAGE_LOST: 'the lost parcel',
    PACKAGE_DAMAGED: 'the damaged parcel',
    DELIVERY_REFUSED: 'the refused parcel',
    NOT_PICKED_UP: 'the parcel the courier had not collected',
    CARRIER_EXCEPTION: 'the delivery problem the courier flagged',
    AWAITING_PICKUP: 'collecting your parcel from the pickup point',
    DELIVERY_ATTEMPT_FAILED: 'the missed delivery',
    WRONG_ITEM: 'the wrong item we sent',
    MISSING_ITEM: 'the items missing from your parcel',
    ADDRESS_INVALID: 'the delivery address',
    PHONE_INVALID: 'the phone number',
    REMARK_NEEDS_ATTENTION: 'your note on the order',
    ORDER_CREATE_FAILED: 'the system error when you ordered',
    SYNC_FAILED: 'our order systems',
    BLACKLISTED: 'your order',
    SUSPICIOUS_NEW_ACCOUNT: 'your order',
    ABNORMAL_QUANTITY: 'your order',
  },
  followUpSurvey: (m) =>
    `Hello! We have sorted out ${m.problems} on your order ${m.orderId}. Were you happy with how we handled it? Any suggestion is welcome. Thank you!${m.shopName === undefined ? '' : ` — ${m.shopName}`}`,
};
