import { readOwn } from '../_lib/own-key.js';
import type { MessageCatalogue } from './catalogue.js';
import { enCustomer } from './customer-en.js';
import { type StaffNotes, staffNoteFrom } from './staff-notes.js';

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
const LIST = new Intl.ListFormat('en', { type: 'conjunction' });

/** Staff notes per action kind, with the action's real figures. */
const EN_STAFF_NOTES: StaffNotes = {
  refund: ({ orderId, params: p, kit }) => `Order ${orderId}: refund ${kit.money(p.amount)} to payment ${String(p.paymentId)} (${String(p.method)}), reason ${String(p.reason)}.`,
  coupon: ({ orderId, params: p, kit }) => `Order ${orderId}: issue a ${kit.money(p.amount)} coupon (valid ${String(p.validDays)} days), reason ${String(p.reason)}.`,
  hold_shipment: ({ orderId, params: p }) => `Order ${orderId}: hold the shipment (${String(p.reason)}) until it is cleared.`,
  urge_carrier: ({ orderId, params: p }) =>
    `Order ${orderId}: chase ${String(p.carrier)} about ${String(p.trackingNumber)} and report where the parcel is and when it will be delivered.`,
  carrier_claim: ({ orderId, params: p }) =>
    `Order ${orderId}: claim from ${String(p.carrier)} for ${String(p.trackingNumber)} (${String(p.reason)}); the claim never delays the customer's remedy.`,
  intercept_shipment: ({ orderId, params: p }) =>
    `Order ${orderId}: ask ${String(p.carrier)} to intercept or redirect ${String(p.trackingNumber)}; agree any fee with the customer first.`,
  correct_address: ({ orderId }) => `Order ${orderId}: confirm and correct the address with the customer before shipping.`,
  manual_review: ({ orderId, params: p }) =>
    `Order ${orderId}: review (${String(p.reason)})${Array.isArray(p.details) && p.details.length > 0 ? `: ${p.details.join('; ')}` : ''}.`,
  release_or_retry_reservation: ({ orderId, params: p }) => `Order ${orderId}: reserve stock again for ${(p.skus as string[]).join(', ')}.`,
  resync_inventory: ({ orderId, params: p }) => `Order ${orderId}: re-sync stock for ${(p.skus as string[]).join(', ')}.`,
  retry_sync: ({ orderId, params: p }) => `Order ${orderId}: retry the sync to ${String(p.system)}.`,
  recreate_order: ({ orderId, params: p }) => `Order ${orderId}: recreate the order from the snapshot, keeping payments ${(p.paymentIds as string[]).join(', ') || '(none)'}.`,
  tech_incident: ({ orderId, params: p }) => `Order ${orderId}: tech incident (${String(p.system)}, ${String(p.reason)}).`,
  transfer_stock: ({ orderId, params: p }) => `Order ${orderId}: transfer ${String(p.units)} of ${String(p.sku)} from ${String(p.fromWarehouse)}.`,
  urgent_restock: ({ orderId, params: p }) => `Order ${orderId}: restock ${String(p.units)} of ${String(p.sku)} urgently.`,
  request_return: ({ orderId, params: p }) =>
    `Order ${orderId}: start a return${p.shipmentId === undefined ? '' : ` of shipment ${p.shipmentId}`} and refund in full once the goods are inspected.`,
  reship: ({ orderId, params: p }) => `Order ${orderId}: ship again: ${(p.items as { sku: string; quantity: number }[]).map((i) => `${i.sku} ×${i.quantity}`).join(', ')}.`,
  cancel_order: ({ orderId, params: p }) => `Order ${orderId}: cancel (${String(p.reason)}).`,
  update_order_status: ({ orderId, params: p }) => `Order ${orderId}: status ${String(p.from)} → ${String(p.to)}.`,
  contact_customer: ({ orderId, params: p }) =>
    `Order ${orderId}: contact the customer (${String(p.reason)}) by ${(p.channels as string[]).join(' or ')}${Array.isArray(p.options) ? `; they choose: ${p.options.join(' / ')}` : ''}.`,
  send_payment_link: ({ orderId, params: p, kit }) =>
    `Order ${orderId}: send a payment link for ${kit.money(p.amount)} (${p.purpose === 'balance' ? 'the balance due' : 'the order'}).`,
  suggest_payment_retry: ({ orderId, params: p }) =>
    `Order ${orderId}: payment ${String(p.paymentId)} failed${p.failureReason === undefined ? '' : ` (${String(p.failureReason)})`}; invite the customer to retry or use another method.`,
  escalate: ({ orderId, params: p }) => `Order ${orderId}: escalate to ${String(p.to)} (${String(p.reason)}).`,
  add_to_blacklist: ({ orderId, params: p }) => `Order ${orderId}: once risk confirms, blacklist ${JSON.stringify(p)}.`,
  report_to_authorities: ({ orderId, params: p, kit }) => `Order ${orderId}: ${kit.money(p.amount)} at stake; a manager decides whether to report it to the police.`,
  follow_up_survey: ({ orderId, params: p }) => `Order ${orderId}: resolved (${(p.resolved as string[]).join(', ')}); ask the customer how it went.`,
  points: ({ orderId, params: p, kit }) =>
    `Order ${orderId}: credit points worth ${kit.money(p.amount)}${p.validDays === undefined ? '' : ` (valid ${String(p.validDays)} days)`}.`,
};

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
        : `Order ${order.id} received ${kit.money(facts['payments.succeededTotal'])}, ${kit.money(facts['payments.shortfall'] ?? 0)} less than the ${kit.money(order.totals.payable)} payable.`,
    PAID_NOT_UPDATED: ({ order, facts }) => `Order ${order.id} was paid ${facts['payments.minutesSinceFirstPaid'] ?? 0} minutes ago but still shows as awaiting payment.`,
    OVERSOLD: ({ order, facts }) =>
      (facts['inventory.maxShortUnits'] ?? 0) > 0
        ? `Order ${order.id}: ${facts['inventory.oversoldLineCount'] ?? 0} item(s) short of stock, by up to ${facts['inventory.maxShortUnits'] ?? 0} unit(s).`
        : `The warehouse reported stock missing for order ${order.id}.`,
    RESERVATION_FAILED: ({ order, facts }) => `Order ${order.id} is paid but ${facts['reservations.unreservedLineCount'] ?? 0} item(s) have no stock reserved.`,
    STOCK_SYNC_LAG: ({ order, facts }) =>
      (facts['inventory.maxChannelDrift'] ?? 0) > 0
        ? `Order ${order.id}: channel stock differs from the warehouse by ${facts['inventory.maxChannelDrift'] ?? 0} unit(s).`
        : `Order ${order.id}: stock figures have not synced for ${facts['inventory.maxMinutesSinceSync'] ?? 0} minutes.`,
    NOT_SHIPPED_ON_TIME: ({ order, facts }) =>
      facts['shipping.minutesPastShipBy'] !== null
        ? `Order ${order.id} is ${facts['shipping.minutesPastShipBy']} minutes past its promised ship-by time and not shipped.`
        : `Order ${order.id} was paid ${facts['payments.minutesSinceFirstPaid'] ?? 0} minutes ago and has not shipped.`,
    TRACKING_STALLED: ({ order, facts }) =>
      `Order ${order.id}: the parcel (${facts['shipment.carrier'] ?? ''}) has had no tracking update for ${facts['tracking.hoursSinceLastEvent'] ?? 0} hours.`,
    DELIVERY_DELAYED: ({ order, facts }) => `Order ${order.id} is ${Math.floor((facts['delivery.minutesPastDue'] ?? 0) / 60)} hours past its delivery date and not delivered.`,
    PACKAGE_LOST: ({ order, facts }) =>
      facts['tracking.hasLostEvent']
        ? `The carrier reported the parcel for order ${order.id} lost.`
        : facts['tracking.isDelivered']
          ? `Order ${order.id} shows as delivered, but the customer says it never arrived.`
          : `Order ${order.id}: no tracking update for ${facts['tracking.daysSinceLastEvent'] ?? 0} days; the parcel counts as lost.`,
    PACKAGE_DAMAGED: ({ order }) => `The parcel for order ${order.id} was damaged in transit.`,
    DELIVERY_REFUSED: ({ order }) => `The parcel for order ${order.id} was refused or is returning to us.`,
    ADDRESS_INVALID: ({ order, facts }) =>
      facts['tracking.lastEventCode'] === 'address_issue'
        ? `The carrier reported a problem with the address of order ${order.id}.`
        : `The shipping address of order ${order.id} is incomplete or unusable.`,
    PHONE_INVALID: ({ order, facts }) =>
      facts['phone.isValid'] ? `The phone on order ${order.id} is a landline; the courier cannot text it.` : `The phone on order ${order.id} is not a valid number.`,
    REMARK_NEEDS_ATTENTION: ({ order }) => `The remark on order ${order.id} asks for something special; check it before shipping.`,
    ORDER_CREATE_FAILED: ({ order, facts }) =>
      facts['payments.succeededCount'] > 0 ? `Order ${order.id} failed to be created, but the customer has paid.` : `Order ${order.id} failed to be created.`,
    SYNC_FAILED: ({ order, facts }) =>
      (facts['sync.failedSystemCount'] ?? 0) > 0
        ? `Order ${order.id} failed to sync to ${facts['sync.failedSystemCount']} system(s) (up to ${facts['sync.maxFailuresInARow'] ?? 0} failures in a row).`
        : `Order ${order.id} has been waiting ${facts['sync.maxPendingMinutes'] ?? 0} minutes to sync.`,
    BLACKLISTED: ({ order, facts }) => `Order ${order.id} matches the blacklist on ${facts['blacklist.matchCount'] ?? 0} point(s).`,
    SUSPICIOUS_NEW_ACCOUNT: ({ order, facts }) =>
      `Order ${order.id} comes from an account ${facts['customer.accountAgeHours'] ?? 0} hours old, for ${facts['items.totalQuantity']} unit(s).`,
    ABNORMAL_QUANTITY: ({ order, facts }) => `Order ${order.id} has ${facts['items.linesOverQuantityLimit']} item(s) above their quantity limit.`,
  },
  ruleSummary: (m) => `Order ${m.orderId} matched rule "${m.ruleName}" (${m.code}).`,
  batch: {
    summaries: {
      SHARED_ADDRESS_CLUSTER: (m) => `${m.accounts} accounts placed ${m.orders} orders to one address ("${m.value}") within the window.`,
      SHARED_CONTACT_CLUSTER: (m) => `${m.accounts} accounts share one ${m.on} ("${m.value}") across ${m.orders} orders.`,
      COUPON_ABUSE: (m) => `A new-user coupon was redeemed ${m.orders} times by one ${m.on} ("${m.value}").`,
      RAPID_REPEAT_ORDERS: (m) => `Account ${m.value} placed ${m.orders} orders in quick succession.`,
    },
    checklists: {
      SHARED_ADDRESS_CLUSTER: [
        "Compare the accounts' sign-up details and devices",
        'Check whether the address is a collection point (office, parcel locker)',
        'Compare the items and coupons of these orders',
      ],
      SHARED_CONTACT_CLUSTER: [
        'Check how the accounts sharing the phone or device are related',
        'Compare the addresses and items of these orders',
        'Consider a household or business sharing it',
      ],
      COUPON_ABUSE: ['Check when and how the new-user coupons were claimed', "Check the accounts' sign-up times and devices", 'Hold the unshipped orders meanwhile'],
      RAPID_REPEAT_ORDERS: ['Check for a customer placing the same order twice by mistake', 'Compare the payments and addresses of these orders', 'If unsure, ask the customer'],
    },
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
    OVERSOLD: [
      'Compare system stock with what is physically in the warehouse',
      'Read recent stock-in and stock-out records',
      'Check which other orders hold this stock',
      'Check the presale allowance of presale items',
    ],
    RESERVATION_FAILED: [
      'Read the reservation API logs and errors',
      'Confirm the warehouse still has stock for the item',
      'Check retry and timeout settings under high concurrency',
    ],
    STOCK_SYNC_LAG: [
      'Compare channel stock with the warehouse system',
      'Check the last run and errors of the stock sync job',
      'Check every channel draws on one stock pool',
      'Confirm delisted items are not still on sale',
    ],
    NOT_SHIPPED_ON_TIME: ['Ask the warehouse whether the order is picked and packed', 'Check whether it waits for stock', 'Check the order reached the warehouse system (WMS)'],
    TRACKING_STALLED: [
      "Ask the carrier's service desk for the parcel's detailed status",
      'Confirm its location and delivery plan with the local depot',
      'Check for holidays, weather or route disruption',
    ],
    DELIVERY_DELAYED: ['Chase the local depot to deliver', 'Track the parcel and note each update', 'Check for backlog, weather or route disruption'],
    PACKAGE_LOST: [
      'Ask the carrier for the last scan location',
      'Request a loss certificate from the carrier for the claim',
      'Check the proof of delivery (signature, photo)',
      'Confirm stock for a reshipment',
    ],
    PACKAGE_DAMAGED: ['Ask the customer for photos of the item and packaging', 'Check the transit and delivery record with the carrier', 'Prepare the claim documents'],
    DELIVERY_REFUSED: ['Ask the customer why they refused it', 'Tell a quality problem apart from a change of mind', 'Track the parcel on its way back'],
    ADDRESS_INVALID: [
      'Contact the customer by SMS or phone to confirm the address',
      'Not shipped: correct the address before shipping',
      'Shipped: ask the carrier to intercept or redirect, and agree any fee with the customer',
    ],
    PHONE_INVALID: ['Reach the customer by SMS, email or another channel', 'Confirm and update the phone number', 'Hold the shipment until it is confirmed'],
    REMARK_NEEDS_ATTENTION: [
      'Read the remark and note each request',
      'Arrange what can be done (time, invoice, packaging, ...)',
      'Tell the customer promptly about anything that cannot',
    ],
    ORDER_CREATE_FAILED: ['Ask tech to check the system logs and servers', 'Check whether the customer has paid', 'Check whether the order was partly written'],
    SYNC_FAILED: ['Read the sync API error', 'Check the target system (ERP/WMS/CRM) is up', 'Check a retry cannot create duplicates'],
    BLACKLISTED: ['Check the blacklist entry matched and why it was listed', "Read the customer's order and refund history", 'Rule out a false match (same name, shared address)'],
    SUSPICIOUS_NEW_ACCOUNT: [
      "Check the account's sign-up details and devices",
      'Compare its address and contacts with other accounts',
      'Consider legitimate bulk buying (business purchase)',
    ],
    ABNORMAL_QUANTITY: ['Ask what the quantity is for (own use, resale, business)', 'Check for a mistake at checkout', 'Look at other orders from the same address or device'],
  },
  paymentMethod: (method) => readOwn(METHODS, method) ?? method,
  failureReason: (reason) => readOwn(FAILURES, reason),
  list: (items) => LIST.format(items),
  alternatives: (names) => (names.length === 0 ? 'another payment method' : `another method such as ${OR.format(names)}`),
  customer: enCustomer,
  staffNote: staffNoteFrom(EN_STAFF_NOTES, (orderId, kind) => `Order ${orderId}: ${kind}.`),
  internal: {
    holdForBalance: (m) => `Order ${m.orderId} is ${m.shortfall} short: hold shipment until the balance arrives.`,
    callbackIncident: (m) =>
      `Payment ${m.paymentIds} on order ${m.orderId} succeeded ${m.minutes} minutes ago and the order was never updated: investigate the payment callback (receipt, signature check, handler, queue).`,
    statusUpdate: (m) => `Payment ${m.paymentIds} is confirmed at the gateway: mark order ${m.orderId} paid and release it to fulfilment.`,
    restock: (m) => `Order ${m.orderId} is short: restock ${m.units} unit(s) of ${m.sku} urgently, or transfer them from another warehouse.`,
    shipLate: (m) => `Order ${m.orderId} is past its promised ship-by time: pick and ship it first, and report when it will leave.`,
    remark: (m) => `Customer remark on order ${m.orderId}: "${m.remark}". Confirm and arrange what it asks for before shipping.`,
    escalation: (m) => `${m.code} on order ${m.orderId} has been open for ${m.minutes} minutes: escalated to ${m.to}.`,
    blacklistRepeater: (m) => `Order ${m.orderId} matched the blacklist (${m.matchedOn}): once risk confirms, add the buyer's other identifiers to the blacklist too.`,
    reportFraud: (m) => `Order ${m.orderId} puts ${m.amount} at stake and the buyer is blacklisted: a risk manager decides whether to report it to the police.`,
  },
};
