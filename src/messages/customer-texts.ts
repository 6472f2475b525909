import type { DetectorCode } from '../detectors/registry.js';

/**
 * The parts of the order's one message to the customer (docs/messages.md, "One voice"). A
 * finding contributes a *section*: what happened and what we will do, with no greeting, no
 * apology and no remedy figures; the plan adds one line per remedy (each refund with its
 * amount and method, the one coupon, a reshipment), the choices offered, and composes them
 * with one greeting, one apology and the shop's signature. Money and times arrive formatted.
 * Everything the plan has not recorded as done is written in the future tense.
 */
export interface CustomerTexts {
  readonly sections: {
    /** A payment attempt failed; the items are held until `holdUntil`. */
    readonly paymentRetry: (m: { amount: string; failedAt: string; reason: string | undefined; holdUntil: string; otherMethods: string }) => string;
    /** The order still awaits payment; a payment link follows. */
    readonly paymentLink: (m: { amount: string; holdUntil: string }) => string;
    /** The order will be closed, unpaid after `within` (a duration); nothing was charged. */
    readonly unpaidCancelled: (m: { amount: string; within: string }) => string;
    /** The customer was charged twice: `amount` extra by `method` at `paidAt`; `refunded` of it already went back. */
    readonly duplicateCharge: (m: { amount: string; method: string; paidAt: string; refunded: string | undefined }) => string;
    /** The customer paid `surplus` more than the order's `payable`; `refunded` of it already went back. */
    readonly overpaid: (m: { payable: string; paid: string; surplus: string; refunded: string | undefined }) => string;
    /** The payments are being reconciled by finance before any refund. */
    readonly chargeUnderReview: () => string;
    /** `shortfall` is still owed; a link to pay it follows. Held only when not `shipped`. */
    readonly balanceDue: (m: { payable: string; paid: string; shortfall: string; shipped: boolean }) => string;
    /** A payment the order did not show at first has been confirmed. */
    readonly paymentConfirmed: (m: { amount: string }) => string;
    /** The order will not ship (cancelled or closed) but what the customer paid has not come back: the refund lines follow. */
    readonly capturedRefund: () => string;
    /** A refund did not go through and retrying needs the customer: we are looking into it and will come back. */
    readonly refundFailed: () => string;
    /** The customer says they paid but nothing arrived: please send the payment voucher; finance checks it with the gateway. */
    readonly paymentVoucher: () => string;
    /**
     * `items` sold out: restocking (`charged`: the customer has paid, else a checkout draft), or,
     * `fromAnotherWarehouse`, shipping from another warehouse after a short delay.
     */
    readonly oversold: (m: { items: string; charged: boolean; fromAnotherWarehouse: boolean }) => string;
    /** The order missed its ship-by time. */
    readonly shipDelay: () => string;
    /** Tracking has not moved for `since` (a duration). */
    readonly trackingStalled: (m: { carrier: string; trackingNumber: string; since: string }) => string;
    /** The parcel is past its delivery date. */
    readonly deliveryDelayed: (m: { carrier: string; trackingNumber: string }) => string;
    /** The parcel has not been collected by the carrier yet, past the promised ship-by time. */
    readonly notPickedUp: () => string;
    /** The carrier flagged a problem with the parcel (问题件) about the recipient's details: we are resolving it with the carrier. */
    readonly carrierException: (m: { carrier: string; trackingNumber: string }) => string;
    /** The parcel waits for collection at `location` (when the carrier gave it) until `until` (a time). */
    readonly awaitingPickup: (m: { carrier: string; trackingNumber: string; location: string | undefined; until: string }) => string;
    /** The courier could not deliver: we will arrange a re-delivery or a pickup point with the customer. */
    readonly redelivery: (m: { carrier: string; trackingNumber: string }) => string;
    /** The parcel was lost in transit; `outOfStock`: the items cannot be sent again for now. */
    readonly lost: (m: { outOfStock: boolean }) => string;
    /** The carrier shows the parcel delivered but the customer has not received it: we check first. */
    readonly claimCheck: (m: { carrier: string; deliveredAt: string | undefined }) => string;
    /** The parcel was damaged: `delivered` (arrived damaged) or in transit; `confirmed` by the carrier, or only reported. */
    readonly damaged: (m: { delivered: boolean; confirmed: boolean }) => string;
    /**
     * The parcel held the wrong item (`items`: what should have come); `confirmed` by the warehouse or
     * carrier, or only reported (a photo first); `keep`: the customer keeps it, else we collect it.
     */
    readonly wrongItem: (m: { items: string; confirmed: boolean; keep: boolean }) => string;
    /**
     * Items were missing from the parcel; `confirmed` by the warehouse or carrier (`items`: which),
     * or only reported (we check first); `outOfStock`: those we cannot send again and refund instead.
     */
    readonly missingItem: (m: { confirmed: boolean; items: string; outOfStock: string | undefined }) => string;
    /** The parcel was refused: why? */
    readonly refusalReason: () => string;
    /** A refused parcel (not a quality issue): the refund of `amount` follows once it is back. */
    readonly refusalAwaitingReturn: (m: { amount: string; deduction: string | undefined }) => string;
    /** A refused parcel is back; the refund below is less `deduction` shipping, if any. */
    readonly refusalReturned: (m: { deduction: string | undefined }) => string;
    /** Refused for a quality reason: a return first, a full refund after inspection (`inspected`: done). */
    readonly qualityReturn: (m: { inspected: boolean }) => string;
    /** The address needs correcting: `shipped` (intercept), `charged` (held) or a checkout draft. */
    readonly confirmAddress: (m: { shipped: boolean; charged: boolean }) => string;
    /** The phone number does not work (`landline`: it cannot take texts); `charged`: the parcel waits for a new one (else: a checkout draft). */
    readonly confirmPhone: (m: { charged: boolean; landline: boolean }) => string;
    /** The order hit a system error; the payment of `amount` is safe; it is recreated. */
    readonly orderRecreated: (m: { amount: string }) => string;
    /** The order cannot be accepted and is cancelled; nothing was charged. */
    readonly cannotFulfil: () => string;
    /** The customer's choice (`refund`, `reship`, `cancel`, `wait`), confirmed: the remedy lines follow. */
    readonly asChosen: (m: { choice: string }) => string;
    /** Opens a reminder: the customer has not answered a question asked before. */
    readonly reminder: () => string;
  };
  /**
   * One line per remedy: what the plan will do (`review`: a person approves it first), or, `done`,
   * what `actionsTaken` records done that no earlier message told.
   */
  readonly remedies: {
    /** Refunds, each with its amount and method, arriving within the ETA. */
    readonly refunds: (m: { parts: readonly { amount: string; method: string }[]; etaMinDays: number; etaMaxDays: number; review: boolean; done: boolean }) => string;
    readonly coupon: (m: { amount: string; validDays: number | undefined; review: boolean; done: boolean }) => string;
    readonly points: (m: { amount: string; review: boolean }) => string;
    readonly reship: (m: { items: string; review: boolean }) => string;
  };
  /** The choices offered, asking for a reply (`wait_for_restock`, `refund`, `reship`, `cancel`, `redeliver`, `pickup_point`; or a refusal's reasons: `quality_issue`, `changed_mind`, `other`). */
  readonly options: (options: readonly string[]) => string;
  /** The whole message: one greeting, the sections, the remedies, the choices, one apology, the signature. */
  readonly compose: (m: { orderId: string; sections: readonly string[]; remedies: readonly string[]; options: string | undefined; shopName: string | undefined }) => string;
  /** What the customer would call each problem, for the follow-up survey ("the late delivery"). */
  readonly problems: { readonly [C in DetectorCode]: string };
  /** After resolution: how did we handle `problems`? */
  readonly followUpSurvey: (m: { orderId: string; problems: string; shopName: string | undefined }) => string;
}

/**
 * `sections` with the sentence `hold` kept only in the last section that says it: two sections
 * that each hold the parcel (the address and the phone both to confirm) say the hold once.
 *
 * @example
 * holdOnce(['Check the address. Held.', 'Check the phone. Held.'], ' Held.') //=> ['Check the address.', 'Check the phone. Held.']
 */
export function holdOnce(sections: readonly string[], hold: string): string[] {
  const last = sections.reduce((at, s, i) => (s.includes(hold) ? i : at), -1);
  return sections.map((s, i) => (i < last && s.includes(hold) ? s.replace(hold, '') : s));
}
