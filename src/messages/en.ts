import { readOwn } from '../_lib/own-key.js';
import { carrierNameFrom, EN_CARRIERS } from './carrier-names.js';
import type { MessageCatalogue } from './catalogue.js';
import { enCustomer } from './customer-en.js';
import { blacklistEntriesFrom, codeNameFrom, labelFrom, reasonName, recipientName, reviewDetail, stringsOf } from './labels.js';
import { EN_CODE_NAMES, EN_LABELS } from './labels-en.js';
import { listFormat } from './list-format.js';
import { type StaffNotes, staffNoteFrom } from './staff-notes.js';
import { enCount, enDuration } from './units.js';

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

const OR = listFormat('en', 'disjunction');
const LIST = listFormat('en', 'conjunction');

const label = labelFrom(EN_LABELS);
const codeName = codeNameFrom(EN_CODE_NAMES);
const method = (m: unknown): string => readOwn(METHODS, String(m)) ?? String(m);
const failure = (r: unknown): string => readOwn(FAILURES, String(r)) ?? String(r);
const count = enCount;
const duration = enDuration;

/** The identifiers a blacklist entry would add, each kind named. */
const blacklistEntries = blacklistEntriesFrom(label, { join: ', ', separator: '; ', none: 'nothing new' });

/** Staff notes per action kind, with the action's real figures, every value named (docs/messages.md). */
const EN_STAFF_NOTES: StaffNotes = {
  refund: ({ orderId, params: p, kit }) =>
    `Order ${orderId}: refund ${kit.money(p.amount)} to payment ${String(p.paymentId)} (${method(p.method)}); reason: ${label('refundReason', p.reason)}.`,
  coupon: ({ orderId, params: p, kit }) =>
    `Order ${orderId}: issue a ${kit.money(p.amount)} coupon (valid ${count(p.validDays, 'day')}); reason: ${reasonName(codeName, String(p.reason))}.`,
  hold_shipment: ({ orderId, params: p }) => `Order ${orderId}: hold the shipment (${label('holdReason', p.reason)}) until it is cleared.`,
  urge_carrier: ({ orderId, params: p, kit }) =>
    `Order ${orderId}: chase ${kit.carrierName(String(p.carrier))} about ${String(p.trackingNumber)} and report where the parcel is and when it will be delivered.`,
  carrier_claim: ({ orderId, params: p, kit }) =>
    `Order ${orderId}: claim from ${kit.carrierName(String(p.carrier))} for ${String(p.trackingNumber)} (${label('claimReason', p.reason)}); the claim never delays the customer's remedy.`,
  intercept_shipment: ({ orderId, params: p, kit }) =>
    `Order ${orderId}: ask ${kit.carrierName(String(p.carrier))} to intercept or redirect ${String(p.trackingNumber)}; agree any fee with the customer first.`,
  correct_address: ({ orderId }) => `Order ${orderId}: confirm and correct the address with the customer before shipping.`,
  manual_review: ({ orderId, params: p }) => {
    const details = stringsOf(p.details).map((d) => reviewDetail(label, String(p.reason), d, ': '));
    if (p.reason === 'blacklisted' && details.length > 0)
      return `Order ${orderId}: review: the buyer's ${LIST.format(details)} ${details.length === 1 ? 'is' : 'are'} on the blacklist.`;
    return `Order ${orderId}: review (${label('reviewReason', p.reason)})${details.length > 0 ? `: ${details.join('; ')}` : ''}.`;
  },
  release_or_retry_reservation: ({ orderId, params: p }) => `Order ${orderId}: reserve stock again for ${stringsOf(p.skus).join(', ')}.`,
  resync_inventory: ({ orderId, params: p }) => `Order ${orderId}: re-sync stock for ${stringsOf(p.skus).join(', ')}.`,
  retry_sync: ({ orderId, params: p }) => `Order ${orderId}: retry the sync to ${label('system', String(p.system))}.`,
  recreate_order: ({ orderId, params: p }) => `Order ${orderId}: recreate the order from the snapshot, keeping payments ${stringsOf(p.paymentIds).join(', ') || '(none)'}.`,
  tech_incident: ({ orderId, params: p }) =>
    `Order ${orderId}: tech incident in ${label('system', String(p.system))}: ${label('techReason', p.reason)}${typeof p.minutesLate === 'number' ? ` (${duration(p.minutesLate)} late)` : ''}.`,
  transfer_stock: ({ orderId, params: p }) => `Order ${orderId}: transfer ${count(p.units, 'unit')} of ${String(p.sku)} from warehouse ${String(p.fromWarehouse)}.`,
  urgent_restock: ({ orderId, params: p }) => `Order ${orderId}: restock ${count(p.units, 'unit')} of ${String(p.sku)} urgently.`,
  request_return: ({ orderId, params: p }) =>
    p.reason === 'wrong_item'
      ? `Order ${orderId}: arrange the return of the wrong item${p.shipmentId === undefined ? '' : ` from shipment ${p.shipmentId}`}, at our cost.`
      : `Order ${orderId}: start a return${p.shipmentId === undefined ? '' : ` of shipment ${p.shipmentId}`} and refund in full once the goods are inspected.`,
  reship: ({ orderId, params: p }) => `Order ${orderId}: ship again: ${(p.items as { sku: string; quantity: number }[]).map((i) => `${i.sku} ×${i.quantity}`).join(', ')}.`,
  cancel_order: ({ orderId, params: p }) => `Order ${orderId}: cancel it (${label('cancelReason', p.reason)}).`,
  update_order_status: ({ orderId, params: p }) =>
    `Order ${orderId}: change its status from ${label('orderStatus', p.from)} to ${label('orderStatus', p.to)}${p.release === false ? ', and keep it from fulfilment: another finding holds it' : ''}.`,
  contact_customer: ({ orderId, params: p }) => {
    const topics = stringsOf(p.topics).length > 0 ? stringsOf(p.topics) : [String(p.reason)];
    const options = stringsOf(p.options).map((o) => label('customerOption', o));
    return `Order ${orderId}: contact the customer by ${OR.format(stringsOf(p.channels).map((c) => label('contactChannel', c)))} about ${LIST.format(topics.map((t) => label('contactReason', t)))}${options.length > 0 ? `; they choose: ${options.join(' / ')}` : ''}.`;
  },
  send_payment_link: ({ orderId, params: p, kit }) =>
    `Order ${orderId}: send a payment link for ${kit.money(p.amount)} (${p.purpose === 'balance' ? 'the balance due' : 'the order'}).`,
  suggest_payment_retry: ({ orderId, params: p }) =>
    `Order ${orderId}: payment ${String(p.paymentId)} failed${p.failureReason === undefined ? '' : ` (${failure(p.failureReason)})`}; invite the customer to retry or use another method.`,
  escalate: ({ orderId, params: p }) =>
    `Order ${orderId}: escalate to ${recipientName(label, String(p.to))} (${reasonName(codeName, String(p.reason))}${typeof p.openMinutes === 'number' ? `, open ${duration(p.openMinutes)}` : ''}).`,
  add_to_blacklist: ({ orderId, params: p }) => `Order ${orderId}: once risk confirms, blacklist ${blacklistEntries(p)}.`,
  report_to_authorities: ({ orderId, params: p, kit }) => `Order ${orderId}: ${kit.money(p.amount)} at stake; a manager decides whether to report it to the police.`,
  follow_up_survey: ({ orderId, params: p }) => `Order ${orderId}: resolved (${LIST.format(stringsOf(p.resolved).map(codeName))}); ask the customer how it went.`,
  points: ({ orderId, params: p, kit }) =>
    `Order ${orderId}: credit points worth ${kit.money(p.amount)}${p.validDays === undefined ? '' : ` (valid ${count(p.validDays, 'day')})`}.`,
};

/** English texts. */
export const en: MessageCatalogue = {
  locale: 'en',
  summaries: {
    PAYMENT_FAILED: ({ order, facts }) =>
      facts['payments.latestAttemptStatus'] === 'failed'
        ? `Order ${order.id}: the latest payment attempt failed and no payment has succeeded.`
        : `Order ${order.id} has been awaiting payment for ${duration(facts['order.minutesSinceCreated'])}.`,
    DUPLICATE_PAYMENT: ({ order, facts, kit }) =>
      `Order ${order.id} has ${facts['payments.succeededCount']} succeeded payments netting ${kit.money(facts['payments.netPaid'])}, ${kit.money(facts['payments.surplus'] ?? 0)} more than the ${kit.money(order.totals.payable)} payable.`,
    AMOUNT_MISMATCH: ({ order, facts, kit }) =>
      (facts['payments.surplus'] ?? 0) > 0
        ? `Order ${order.id} received ${kit.money(facts['payments.netPaid'])}, ${kit.money(facts['payments.surplus'] ?? 0)} more than the ${kit.money(order.totals.payable)} payable.`
        : `Order ${order.id} received ${kit.money(facts['payments.succeededTotal'])}, ${kit.money(facts['payments.shortfall'] ?? 0)} less than the ${kit.money(order.totals.payable)} payable.`,
    PAID_NOT_UPDATED: ({ order, facts }) => `Order ${order.id} was paid ${duration(facts['payments.minutesSinceFirstPaid'] ?? 0)} ago but still shows as awaiting payment.`,
    CAPTURED_NOT_REFUNDED: ({ order, facts, kit }) =>
      facts['payments.refundLedgerUnclear']
        ? `Order ${order.id} will not ship (${order.status}) yet still holds money the customer paid; the refund records do not add up.`
        : `Order ${order.id} will not ship (${order.status}), but ${kit.money(facts['payments.capturedNotRefunded'])} the customer paid has not been refunded.`,
    REFUND_FAILED: ({ order, facts }) => {
      const n = facts['payments.failedRefundCount'];
      return `Order ${order.id}: ${n === 1 ? 'a refund' : `${n} refunds`} did not go through.`;
    },
    PAYMENT_CLAIMED: ({ order }) => `The customer of order ${order.id} says they paid, but no payment succeeded on record.`,
    OVERSOLD: ({ order, facts }) =>
      (facts['inventory.maxShortUnits'] ?? 0) > 0
        ? `Order ${order.id}: ${count(facts['inventory.oversoldLineCount'] ?? 0, 'item')} short of stock, by up to ${count(facts['inventory.maxShortUnits'] ?? 0, 'unit')}.`
        : `The warehouse reported stock missing for order ${order.id}.`,
    RESERVATION_FAILED: ({ order, facts }) => {
      const lines = facts['reservations.unreservedLineCount'] ?? 0;
      return `Order ${order.id} is paid but ${count(lines, 'item')} ${lines === 1 ? 'has' : 'have'} no stock reserved.`;
    },
    STOCK_SYNC_LAG: ({ order, facts }) =>
      (facts['inventory.maxChannelDrift'] ?? 0) > 0
        ? `Order ${order.id}: channel stock differs from the warehouse by ${count(facts['inventory.maxChannelDrift'] ?? 0, 'unit')}.`
        : `Order ${order.id}: stock figures have not synced for ${duration(facts['inventory.maxMinutesSinceSync'] ?? 0)}.`,
    NOT_SHIPPED_ON_TIME: ({ order, facts }) =>
      facts['shipping.minutesPastShipBy'] !== null
        ? `Order ${order.id} is ${duration(facts['shipping.minutesPastShipBy'])} past its promised ship-by time and not shipped.`
        : `Order ${order.id} was paid ${duration(facts['payments.minutesSinceFirstPaid'] ?? 0)} ago and has not shipped.`,
    TRACKING_STALLED: ({ order, facts, kit }) =>
      `Order ${order.id}: the parcel (${kit.carrierName(facts['shipment.carrier'] ?? '')}) has had no tracking update for ${duration((facts['tracking.hoursSinceLastEvent'] ?? 0) * 60)}.`,
    DELIVERY_DELAYED: ({ order, facts }) => `Order ${order.id} is ${duration(facts['delivery.minutesPastDue'] ?? 0)} past its delivery date and not delivered.`,
    PACKAGE_LOST: ({ order, facts }) =>
      facts['tracking.hasLostEvent']
        ? `The carrier reported the parcel for order ${order.id} lost.`
        : facts['tracking.isDelivered']
          ? `Order ${order.id} shows as delivered, but the customer says it never arrived.`
          : `Order ${order.id}: no tracking update for ${count(facts['tracking.daysSinceLastEvent'] ?? 0, 'day')}; the parcel counts as lost.`,
    PACKAGE_DAMAGED: ({ order }) => `The parcel for order ${order.id} was damaged in transit.`,
    DELIVERY_REFUSED: ({ order }) => `The parcel for order ${order.id} was refused or is returning to us.`,
    NOT_PICKED_UP: ({ order, facts, kit }) =>
      `Order ${order.id}: the label was printed ${duration((facts['pickup.hoursSinceLabel'] ?? 0) * 60)} ago and ${kit.carrierName(facts['shipment.carrier'] ?? '')} has not scanned the parcel in.`,
    CARRIER_EXCEPTION: ({ order, facts, kit }) => `Order ${order.id}: ${kit.carrierName(facts['shipment.carrier'] ?? '')} flagged the parcel as an exception (问题件).`,
    AWAITING_PICKUP: ({ order, facts }) =>
      `Order ${order.id}: the parcel has waited at the pickup point for ${duration((facts['tracking.hoursSinceLastEvent'] ?? 0) * 60)}, not collected.`,
    DELIVERY_ATTEMPT_FAILED: ({ order, facts }) =>
      `Order ${order.id}: the courier could not deliver the parcel ${duration((facts['tracking.hoursSinceFailedAttempt'] ?? 0) * 60)} ago and it has not been delivered since.`,
    WRONG_ITEM: ({ order }) => `The parcel for order ${order.id} is reported to hold the wrong item.`,
    MISSING_ITEM: ({ order }) => `The parcel for order ${order.id} is reported to have arrived with items missing.`,
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
        ? `Order ${order.id} failed to sync to ${count(facts['sync.failedSystemCount'] ?? 0, 'system')} (up to ${count(facts['sync.maxFailuresInARow'] ?? 0, 'failure')} in a row).`
        : `Order ${order.id} has been waiting ${duration(facts['sync.maxPendingMinutes'] ?? 0)} to sync.`,
    BLACKLISTED: ({ order, facts }) => `Order ${order.id} matches the blacklist on ${count(facts['blacklist.matchCount'] ?? 0, 'identifier')}.`,
    SUSPICIOUS_NEW_ACCOUNT: ({ order, facts }) =>
      `Order ${order.id} comes from an account ${duration((facts['customer.accountAgeHours'] ?? 0) * 60)} old, for ${count(facts['items.totalQuantity'], 'unit')}.`,
    ABNORMAL_QUANTITY: ({ order, facts }) => {
      const lines = facts['items.linesOverQuantityLimit'];
      return `Order ${order.id} has ${count(lines, 'item')} above ${lines === 1 ? 'its' : 'their'} quantity limit.`;
    },
  },
  ruleSummary: (m) => `Order ${m.orderId} matched rule "${m.ruleName}" (${m.code}).`,
  batch: {
    summaries: {
      SHARED_ADDRESS_CLUSTER: (m) => `${count(m.accounts, 'account')} placed ${count(m.orders, 'order')} to one address ("${m.value}") within the window.`,
      SHARED_CONTACT_CLUSTER: (m) => `${count(m.accounts, 'account')} share one ${m.on} ("${m.value}") across ${count(m.orders, 'order')}.`,
      COUPON_ABUSE: (m) => `A new-user coupon was redeemed ${count(m.orders, 'time')} by one ${m.on} ("${m.value}").`,
      RAPID_REPEAT_ORDERS: (m) => `Account ${m.value} placed ${count(m.orders, 'order')} in quick succession.`,
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
    CAPTURED_NOT_REFUNDED: [
      'Confirm why the order was cancelled or closed, and that nothing shipped',
      "Reconcile each payment's captured amount and refunds with the gateway",
      'Refund what is left of each payment to its original method',
    ],
    REFUND_FAILED: [
      "Read the gateway's reason for the failed refund",
      'Check the original payment method can still take refunds (card closed, account frozen)',
      'Retry to the original method, or agree another method with the customer',
      'Confirm no other refund of the same amount already went through',
    ],
    PAYMENT_CLAIMED: [
      'Ask the customer for the payment voucher or a screenshot (time, amount, transaction id)',
      "Search the gateway's records for the transaction, by id, amount and time",
      'Check whether it was paid to another order or another shop',
      'Do not refund or cancel on the claim alone',
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
    WRONG_ITEM: [
      'Ask the customer for a photo of the item received and its label',
      "Check the packing record (pick list, packing video) against the order's lines",
      'Ship the right item; arrange the return of the wrong one unless the customer keeps it',
    ],
    MISSING_ITEM: [
      'Confirm with the customer which items are missing',
      'Check the packing record and the parcel weight against the order',
      'Ship the missing items, or refund them if out of stock',
    ],
    DELIVERY_REFUSED: ['Ask the customer why they refused it', 'Tell a quality problem apart from a change of mind', 'Track the parcel on its way back'],
    NOT_PICKED_UP: [
      'Ask the carrier when the courier will collect the parcel',
      'Check with the warehouse that the parcel is packed and at the dock',
      'Check the label matches the carrier booked',
    ],
    CARRIER_EXCEPTION: [
      'Ask the carrier for the cause of the exception',
      'If it concerns the address or phone, confirm the details with the customer',
      'Follow the parcel until it moves again',
    ],
    AWAITING_PICKUP: [
      'Remind the customer where to collect the parcel and by when',
      'Check the pickup point’s holding period',
      'Before it runs out, offer delivery to the door instead',
    ],
    DELIVERY_ATTEMPT_FAILED: [
      'Ask the carrier why the delivery failed',
      'Agree a new delivery time or a pickup point with the customer',
      'Pass the arrangement to the local depot',
    ],
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
  carrierName: carrierNameFrom(EN_CARRIERS),
  productName: (name) => `“${name}”`,
  duration: enDuration,
  count: enCount,
  codeName,
  label,
  list: (items) => LIST.format(items),
  alternatives: (names) => (names.length === 0 ? 'another payment method' : `another method such as ${OR.format(names)}`),
  customer: enCustomer,
  staffNote: staffNoteFrom(EN_STAFF_NOTES, (orderId, kind) => `Order ${orderId}: ${kind}.`),
  internal: {
    refundUnsettled: (m) =>
      `Order ${m.orderId}: money owed to the customer has not reached them in time (a refund not settled, or a cancelled order not refunded); check with the gateway and refund it.`,
    customerSilent: (m) => `Order ${m.orderId}: the customer has not answered about ${codeName(m.code)} through every reminder; call them or decide for them.`,
    verifyClaim: (m) =>
      m.claim === 'not_received'
        ? `The carrier shows order ${m.orderId} delivered, but the customer says it never arrived: check the proof of delivery (signature, photo, locker record) with the courier before any refund or reshipment.`
        : m.claim === 'wrong_item'
          ? `The customer reports order ${m.orderId} held the wrong item: ask for a photo of the item and its label, check it against the packing record, before any reshipment or return.`
          : m.claim === 'missing_item'
            ? `The customer reports order ${m.orderId} arrived with items missing: confirm which, and check the packing record and the parcel weight, before any reshipment or refund.`
            : `The customer reports order ${m.orderId} arrived damaged, and the carrier recorded no damage: ask for photos of the item and packaging and judge them before any refund or reshipment.`,
    holdForBalance: (m) => `Order ${m.orderId} is ${m.shortfall} short: hold shipment until the balance arrives.`,
    callbackIncident: (m) =>
      `Payment ${m.paymentIds} on order ${m.orderId} succeeded ${duration(m.minutes)} ago and the order was never updated: investigate the payment callback (receipt, signature check, handler, queue).`,
    statusUpdate: (m) => `Payment ${m.paymentIds} is confirmed at the gateway: mark order ${m.orderId} paid and release it to fulfilment.`,
    restock: (m) => `Order ${m.orderId} is short: restock ${count(m.units, 'unit')} of ${m.sku} urgently: every warehouse together holds too few.`,
    shipLate: (m) => `Order ${m.orderId} is past its promised ship-by time: pick and ship it first, and report when it will leave.`,
    remark: (m) => {
      const read = (m.requests ?? []).map((d) => reviewDetail(label, 'remark_requests', d, ': '));
      return `Customer remark on order ${m.orderId}: "${m.remark}".${read.length > 0 ? ` Read as: ${read.join('; ')}.` : ''} Confirm and arrange what it asks for before shipping.`;
    },
    escalation: (m) => `Order ${m.orderId}: “${reasonName(codeName, m.code)}” has been open for ${duration(m.minutes)}; escalated to ${recipientName(label, m.to)}.`,
    blacklistRepeater: (m) =>
      `Order ${m.orderId} matched the blacklist (${LIST.format(
        m.matchedOn
          .split(', ')
          .filter(Boolean)
          .map((on) => label('blacklistMatch', on)),
      )}): once risk confirms, add the buyer's other identifiers to the blacklist too.`,
    reportFraud: (m) => `Order ${m.orderId} puts ${m.amount} at stake and the buyer is blacklisted: a risk manager decides whether to report it to the police.`,
  },
};
