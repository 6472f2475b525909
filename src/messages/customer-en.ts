import type { MessageCatalogue } from './catalogue.js';

const coupon = (amount: string | undefined) => (amount === undefined ? '' : ` As an apology, we have added a ${amount} coupon to your account.`);

/** Customer messages in English. */
export const enCustomer: MessageCatalogue['customer'] = {
  paymentRetry: (m) =>
    `Hello! Your payment of ${m.amount} for order ${m.orderId} on ${m.failedAt} did not go through${m.reason === undefined ? '' : ` (${m.reason})`}. We are holding your items until ${m.holdUntil}: you can try again, or pay with ${m.otherMethods}. We are sorry for the trouble!`,
  paymentLink: (m) =>
    `Hello! Your order ${m.orderId} (${m.amount}) is still waiting for payment. We are holding your items until ${m.holdUntil}; the payment link we are sending lets you finish in a moment. Sorry for any inconvenience, and if anything gets in the way, just reply and we will help right away.`,
  unpaidCancelled: (m) =>
    `Hello! Your order ${m.orderId} (${m.amount}) was not paid within ${m.hours} hours, so we have closed it; nothing has been charged. We are sorry it did not work out this time. If you still want the items, you are welcome to order again and we will ship promptly.`,
  refund: (m) =>
    (m.reason === 'duplicate_payment'
      ? `Hello! We noticed you were charged twice for order ${m.orderId}: an extra ${m.amount} by ${m.method} on ${m.paidAt}.`
      : `Hello! Order ${m.orderId} came to ${m.payable}, but we received ${m.paid}, ${m.amount} too much.`) +
    ` We are very sorry for the trouble! We have arranged to return the ${m.amount} to your ${m.method}; it should arrive within ${m.etaMinDays}–${m.etaMaxDays} business days. If you have any questions, we are here to help.`,
  balanceDue: (m) =>
    `Hello! Order ${m.orderId} comes to ${m.payable}, but we have received ${m.paid} so far, ${m.shortfall} short. To keep your account straight we have paused shipping; the link we are sending lets you pay the remaining ${m.shortfall}, and we will ship as soon as it arrives. We are sorry for the inconvenience!`,
  paymentConfirmed: (m) =>
    `Hello! We have received your payment of ${m.amount} for order ${m.orderId}; our system was slow to show it, and we are sorry for the worry. Your order is now marked as paid and we will ship it as soon as possible.`,
  oversoldChoice: (m) =>
    `Hello! We are very sorry: ${m.items} from your order ${m.orderId} has just sold out, so we cannot ship it yet. We are restocking urgently. You can choose to wait (we will tell you as soon as we know when it arrives) or take a full refund.${coupon(m.coupon)} Just reply with your choice and we will take care of it right away.`,
  shipDelay: (m) =>
    `Hello! We are sorry that your order ${m.orderId} did not ship when we promised. We have asked the warehouse to put it first, and we will send you the tracking number the moment it leaves.${coupon(m.coupon)} Thank you for your patience!`,
  trackingStalled: (m) =>
    `Hello! Tracking for your order ${m.orderId} (${m.carrier}, ${m.trackingNumber}) has not updated for a few days, and we are sorry for the wait. We have asked the carrier to locate the parcel and will let you know as soon as we hear back.`,
  deliveryDelayed: (m) =>
    `Hello! Your order ${m.orderId}${m.trackingNumber === '' ? '' : ` (${m.carrier}, ${m.trackingNumber})`} did not arrive when expected, and we are sorry. We have asked the local depot to deliver it as soon as possible and will keep you posted on every update.${coupon(m.coupon)}`,
  lostReship: (m) =>
    `Hello! We are very sorry: the parcel for your order ${m.orderId} was lost in transit. We are sending your items again and will share the new tracking number once they leave; we will handle the carrier claim, so there is nothing you need to do.${coupon(m.coupon)} Our apologies again!`,
  lostChoice: (m) =>
    `Hello! We are very sorry: the parcel for your order ${m.orderId} was lost in transit. We can send your items again right away, or refund you in full: just reply with what you prefer and we will arrange it at once. We will handle the carrier claim, and it will not hold you up.${coupon(m.coupon)} Our apologies again!`,
  lostRefund: (m) =>
    `Hello! We are very sorry: the parcel for your order ${m.orderId} was lost in transit, and the items are out of stock for now. We are refunding the full ${m.amount} to your ${m.method}; we will handle the carrier claim, and it will not hold up your refund.${coupon(m.coupon)} Our apologies for the trouble!`,
  damaged: (m) =>
    `Hello! We are very sorry that the parcel for your order ${m.orderId} arrived damaged. When convenient, please send us photos of the item and the packaging. You can choose a replacement or a refund and we will arrange it straight away; we will handle the carrier claim.${coupon(m.coupon)}`,
  refusalReason: (m) =>
    `Hello! We see the parcel for your order ${m.orderId} was refused. Could you tell us why: was something wrong with the item, or did something else come up? Reply and we will sort out your refund or whatever suits you best. If anything disappointed you, we are sorry.`,
  confirmAddress: (m) =>
    m.shipped
      ? `Hello! The address on your order ${m.orderId} seems to be incorrect and the courier cannot deliver. We are asking the carrier to intercept or redirect it; please reply with the full correct address. If redirecting costs extra, we will check with you first. Sorry for the trouble!`
      : `Hello! The address on your order ${m.orderId} looks incomplete, so we have held the parcel to make sure it reaches you. Please reply with the full correct address and we will ship right away. Sorry for the trouble!`,
  confirmPhone: (m) =>
    `Hello! The phone number on your order ${m.orderId} does not seem to work, so the courier may not be able to reach you. Please reply with a number we can call, and we will ship as soon as it is confirmed. Sorry for the trouble!`,
  orderRecreated: (m) =>
    `Hello! We are very sorry: your order ${m.orderId} hit a system error when it was placed. Your payment of ${m.amount} arrived safely; we are recreating the order and will ship it as usual, and you do not need to pay again.`,
  refusedRefund: (m) =>
    m.quality
      ? `Hello! We are very sorry the item was not up to standard. We will take care of the return for order ${m.orderId} and have refunded the full ${m.amount} to your original payment method. Thank you for telling us; we will do better.`
      : `Hello! The refused parcel for order ${m.orderId} has come back to us. Under our returns policy we are refunding ${m.amount}${m.deduction === undefined ? '' : ` (less ${m.deduction} shipping)`} to your original payment method. If you have any questions, we are here to help.`,
  followUpSurvey: (m) =>
    `Hello! The problem with your order ${m.orderId} has been resolved. We would love to hear how it went: were you happy with how we handled it? Any suggestion is welcome. Thank you!`,
  cannotFulfil: (m) =>
    `Hello! We are sorry, but we are unable to accept your order ${m.orderId}; it has been cancelled and nothing has been charged. If you have any questions, please contact our customer service.`,
};
