import type { MessageCatalogue } from './catalogue.js';

const METHODS: Readonly<Record<string, string>> = {
  alipay: 'Alipay',
  wechat_pay: 'WeChat Pay',
  unionpay: 'UnionPay',
  card: 'card',
  paypal: 'PayPal',
  apple_pay: 'Apple Pay',
  bank_transfer: 'bank transfer',
  cod: 'cash on delivery',
  cash_on_delivery: 'cash on delivery',
};

const FAILURES: Readonly<Record<string, string>> = {
  insufficient_funds: 'insufficient funds',
  limit_exceeded: 'the card’s transaction limit was exceeded',
  bank_limit: 'the card’s transaction limit was exceeded',
  wrong_password: 'an incorrect payment password',
  incorrect_pin: 'an incorrect PIN',
  network_error: 'the connection dropped',
  timeout: 'the payment timed out',
  card_declined: 'the card issuer declined it',
  expired_card: 'the card has expired',
};

const OR = new Intl.ListFormat('en', { type: 'disjunction' });

/** English texts. */
export const en: MessageCatalogue = {
  locale: 'en',
  summaries: {
    PAYMENT_FAILED: ({ order, facts }) =>
      facts['payments.latestAttemptStatus'] === 'failed'
        ? `Order ${order.id}: the latest payment attempt failed and no payment has succeeded.`
        : `Order ${order.id} has been awaiting payment for ${facts['order.minutesSinceCreated']} minutes.`,
    DUPLICATE_PAYMENT: ({ order, facts, kit }) =>
      `Order ${order.id} has ${facts['payments.succeededCount']} succeeded payments netting ${kit.money(facts['payments.netPaid'])}, ${kit.money(facts['payments.surplus'] ?? 0)} more than the ${kit.money(order.totals.payable)} payable.`,
    AMOUNT_MISMATCH: ({ order, facts, kit }) =>
      (facts['payments.surplus'] ?? 0) > 0
        ? `Order ${order.id} received ${kit.money(facts['payments.netPaid'])}, ${kit.money(facts['payments.surplus'] ?? 0)} more than the ${kit.money(order.totals.payable)} payable.`
        : `Order ${order.id} received ${kit.money(facts['payments.netPaid'])}, ${kit.money(facts['payments.shortfall'] ?? 0)} less than the ${kit.money(order.totals.payable)} payable.`,
    PAID_NOT_UPDATED: ({ order, facts }) =>
      `Order ${order.id} was paid ${facts['payments.minutesSinceFirstPaid'] ?? 0} minutes ago but still shows as awaiting payment.`,
  },
  checklists: {
    PAYMENT_FAILED: [
      'Read the failure reason and error code the payment gateway returned',
      'Check for customer-side causes: card limit, insufficient funds, wrong password',
      'Check the payment API logs and network to rule out a gateway outage',
      'If unclear, ask the customer for a screenshot of the payment page',
    ],
    DUPLICATE_PAYMENT: [
      'Ask the customer for proof of payment (receipt or statement)',
      "Reconcile each transaction id and amount with the gateway's or bank's statement",
      'Read the payment API logs: double submission or a replayed callback?',
      'Confirm the surplus has not been refunded already and nothing shipped twice',
    ],
    AMOUNT_MISMATCH: [
      'Ask the customer for proof of payment (receipt or statement)',
      "Reconcile the amount received with the gateway's or bank's statement",
      "Re-check the order's arithmetic: items, shipping, discounts and tax",
      'Read the amount submitted in the payment API logs',
    ],
    PAID_NOT_UPDATED: [
      "Confirm the transaction's status and id in the gateway's dashboard",
      'Read the payment callback log: was it received, did handling fail?',
      'Check the network and message queue between the order service and the gateway',
      'After updating the status, confirm the order entered fulfilment',
    ],
  },
  paymentMethod: (method) => METHODS[method] ?? method,
  failureReason: (reason) => FAILURES[reason],
  alternatives: (names) =>
    names.length === 0 ? 'another payment method' : `another method such as ${OR.format(names)}`,
  customer: {
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
  },
  internal: {
    holdForBalance: (m) => `Order ${m.orderId} is ${m.shortfall} short: hold shipment until the balance arrives.`,
    callbackIncident: (m) =>
      `Payment ${m.paymentIds} on order ${m.orderId} succeeded ${m.minutes} minutes ago and the order was never updated: investigate the payment callback (receipt, signature check, handler, queue).`,
    statusUpdate: (m) => `Payment ${m.paymentIds} is confirmed at the gateway: mark order ${m.orderId} paid and release it to fulfilment.`,
  },
};
