import type { OrderSnapshotInput } from '../schema/snapshot.js';
import { buildOrder, buildPayment, buildRefund } from './build-order.js';
import { buildInventory, buildReport, buildShipment, buildSync, trackingEvent } from './build-records.js';
import type { Scenario } from './scenarios.js';
import { seeded } from './seeded.js';
import { minutesAfter } from './time.js';

/** Options of {@link generateIncidents}. */
export interface GenerateIncidentsOptions {
  /** How many orders. */
  readonly count: number;
  /** The same seed gives the same orders. @default 1 */
  readonly seed?: number;
}

type Payment = OrderSnapshotInput['payments'][number];
type Item = OrderSnapshotInput['items'][number];
type Shipment = NonNullable<OrderSnapshotInput['shipments']>[number];
type Report = NonNullable<OrderSnapshotInput['reports']>[number];
type Return = NonNullable<OrderSnapshotInput['returns']>[number];
type ActionTaken = NonNullable<OrderSnapshotInput['actionsTaken']>[number];
type Inventory = NonNullable<OrderSnapshotInput['inventory']>[number];

const DAY = 24 * 60;

/** A seeded source of choices. */
interface Draw {
  readonly chance: (p: number) => boolean;
  readonly pick: <T>(list: readonly T[]) => T;
  readonly int: (min: number, max: number) => number;
}

function drawFrom(seed: number): Draw {
  const random = seeded(seed);
  return {
    chance: (p) => random() < p,
    pick: (list) => list[Math.floor(random() * list.length)] as (typeof list)[number],
    int: (min, max) => min + Math.floor(random() * (max - min + 1)),
  };
}

/** Where the parcel is, and the moment (minutes after the fixture time) the order is evaluated at. */
interface Journey {
  readonly shipped: boolean;
  readonly delivered: boolean;
  readonly now: number;
  readonly shipments?: Shipment[];
  readonly reports?: Report[];
  readonly returns?: Return[];
}

const JOURNEYS = [
  'not_shipped',
  'past_ship_by',
  'in_transit',
  'stalled',
  'late',
  'lost',
  'damaged',
  'damaged_late',
  'not_received',
  'delivered',
  'delivered_long_ago',
  'refused',
  'returned_to_sender',
] as const;
type JourneyKind = (typeof JOURNEYS)[number];

const parcel = (carrier: string, events: Shipment['events'], estimatedMinutes: number): Shipment[] => [
  buildShipment({ carrier, trackingNumber: `T${estimatedMinutes}${events.length}`, events, estimatedDeliveryAt: minutesAfter(estimatedMinutes) }),
];

/** A refusal: the reason the customer gave afterwards (if any) and how far the return has come. */
function refusal(d: Draw, code: 'refused' | 'returned_to_sender', carrier: string): Journey {
  const shipments = parcel(carrier, [trackingEvent('picked_up', 120), trackingEvent('out_for_delivery', 2 * DAY), trackingEvent(code, 2 * DAY + 60)], 3 * DAY);
  const reason = d.pick([undefined, 'other', 'damaged', 'wrong_item'] as const);
  const reports = reason === undefined ? [] : [buildReport({ kind: reason, at: minutesAfter(2 * DAY + 120), text: reason === 'other' ? '不想要了' : '收到时外箱破损' })];
  const stage = d.pick([undefined, 'requested', 'received', 'inspected'] as const);
  const returns: Return[] =
    stage === undefined
      ? []
      : [
          {
            id: 'RET-1',
            shipmentId: 'SHP-1',
            status: stage,
            at: minutesAfter(stage === 'requested' ? 2 * DAY + 180 : 3 * DAY),
            ...(stage === 'inspected' ? { condition: d.pick(['ok', 'damaged'] as const) } : {}),
          },
        ];
  return { shipped: true, delivered: false, now: 3 * DAY + 120, shipments, reports, returns };
}

/** The parcel's journey of one kind. */
function journey(d: Draw, kind: JourneyKind, carrier: string): Journey {
  const sent = (events: Shipment['events'], estimated: number, now: number): Journey => ({ shipped: true, delivered: false, now, shipments: parcel(carrier, events, estimated) });
  const delivered = (now: number, reports: Report[] = []): Journey => ({
    shipped: true,
    delivered: true,
    now,
    shipments: parcel(carrier, [trackingEvent('picked_up', 120), trackingEvent('delivered', 2 * DAY)], 3 * DAY),
    reports,
  });
  switch (kind) {
    case 'not_shipped':
      return { shipped: false, delivered: false, now: 45 };
    case 'past_ship_by':
      return { shipped: false, delivered: false, now: 50 * 60 };
    case 'in_transit':
      return sent([trackingEvent('picked_up', 120), trackingEvent('in_transit', DAY)], 3 * DAY, DAY + 720);
    case 'stalled':
      return sent([trackingEvent('picked_up', 120), trackingEvent('in_transit', 300)], 7 * DAY, 300 + 4 * DAY);
    case 'late':
      return sent([trackingEvent('picked_up', 120), trackingEvent('in_transit', 3 * DAY)], 3 * DAY - 60, 4 * DAY);
    case 'lost':
      return sent([trackingEvent('picked_up', 120), trackingEvent('lost', DAY)], 3 * DAY, DAY + 60);
    case 'damaged':
      return sent([trackingEvent('picked_up', 120), trackingEvent('damaged', DAY)], 3 * DAY, DAY + 60);
    case 'damaged_late':
      return sent([trackingEvent('picked_up', 120), trackingEvent('in_transit', 2 * DAY), trackingEvent('damaged', 3 * DAY + 600)], 3 * DAY, 4 * DAY);
    case 'not_received':
      return delivered(3 * DAY + 60, [buildReport({ at: minutesAfter(3 * DAY) })]);
    case 'delivered':
      return delivered(3 * DAY);
    case 'delivered_long_ago':
      return delivered(40 * DAY);
    default:
      return refusal(d, kind, carrier);
  }
}

const METHODS = { CNY: ['alipay', 'wechat_pay', 'unionpay'], USD: ['card', 'paypal', 'apple_pay'] } as const;
const PAYMENT_SHAPES = ['none', 'failed', 'one', 'split', 'duplicate', 'short', 'over'] as const;

/** The payments for `payable`: none, a failed one, or succeeded ones that pay it in full, twice, short or over. */
function payments(d: Draw, id: string, currency: 'CNY' | 'USD', payable: number, paidOnly: boolean): Payment[] {
  const shape = d.pick(paidOnly ? PAYMENT_SHAPES.slice(2) : PAYMENT_SHAPES);
  const [first, second] = d.chance(0.5) ? [METHODS[currency][0], METHODS[currency][1]] : [METHODS[currency][1], METHODS[currency][2]];
  const pay = (n: number, method: string, amount: number, status: Payment['status'] = 'succeeded'): Payment =>
    buildPayment({ id: `${id}-P${n}`, method, amount, status, createdAt: minutesAfter(n), ...(status === 'failed' ? { failureReason: 'insufficient_funds' } : {}) });
  const gap = Math.min(currency === 'USD' ? 500 : 2_000, Math.floor(payable / 2));
  switch (shape) {
    case 'none':
      return [];
    case 'failed':
      return [pay(1, first, payable, 'failed')];
    case 'one':
      return [pay(1, first, payable)];
    case 'split': {
      const part = Math.floor((payable * d.int(3, 7)) / 10);
      return [pay(1, first, part), pay(2, second, payable - part)];
    }
    case 'duplicate':
      return [pay(1, first, payable), pay(2, second, payable)];
    case 'short':
      return [pay(1, first, payable - gap)];
    default:
      return [pay(1, first, payable + gap)];
  }
}

const SKUS = [
  ['SKU-TEE-M', '纯棉T恤 M'],
  ['SKU-MUG', '陶瓷马克杯 两只装'],
  ['SKU-KETTLE', '电热水壶 1.7L'],
  ['SKU-HEADSET', '降噪蓝牙耳机'],
  ['SKU-LAMP', 'LED 台灯'],
] as const;

/** One or two lines; `fraud` decides whether the first line's quantity is suspicious. */
function items(d: Draw, currency: 'CNY' | 'USD', quantity: number | undefined): Item[] {
  const first = d.int(0, SKUS.length - 1);
  const skus = d.chance(0.3) ? [SKUS[first], SKUS[(first + 1) % SKUS.length]] : [SKUS[first]];
  return skus.map((entry, line) => {
    const [sku, name] = entry as (typeof SKUS)[number];
    const unitPrice = currency === 'USD' ? 1_000 + 500 * d.int(0, 17) : 2_900 + 1_000 * d.int(0, 40);
    return { sku, name, quantity: line === 0 && quantity !== undefined ? quantity : d.int(1, 3), unitPrice };
  });
}

/** Stock per line: none recorded, enough, short in total, or spread over two warehouses with a stock_missing report. */
function stock(d: Draw, lines: readonly Item[], now: number): { inventory?: Inventory[]; reports: Report[] } {
  const kind = d.pick(['none', 'none', 'enough', 'enough', 'short', 'two_warehouses'] as const);
  const syncedAt = minutesAfter(now - 5);
  if (kind === 'none') return { reports: [] };
  if (kind === 'enough') return { inventory: lines.map((l) => buildInventory({ sku: l.sku, onHand: 50, reserved: 5, syncedAt })), reports: [] };
  if (kind === 'short') return { inventory: lines.map((l) => buildInventory({ sku: l.sku, onHand: l.quantity, reserved: 1, syncedAt })), reports: [] };
  const [line] = lines as [Item];
  return {
    inventory: [
      buildInventory({ sku: line.sku, warehouse: 'SZ-01', onHand: 1, reserved: 0, syncedAt }),
      buildInventory({ sku: line.sku, warehouse: 'SH-02', onHand: line.quantity + 20, reserved: 0, syncedAt }),
    ],
    reports: [{ source: 'warehouse', kind: 'stock_missing', at: minutesAfter(Math.max(3, now - 30)), text: 'SZ-01 shelf empty' }],
  };
}

const CN_ADDRESS = { country: 'CN', province: '广东省', city: '深圳市', district: '南山区', line1: '深南大道10000号腾讯大厦', postalCode: '518057' } as const;
const US_ADDRESS = { country: 'US', province: 'CA', city: 'San Francisco', line1: '500 Market Street, Suite 200', postalCode: '94105' } as const;

/** The shipping address and phone: good, or an incomplete address, an invalid number or a landline. */
function address(d: Draw, currency: 'CNY' | 'USD', i: number): OrderSnapshotInput['shippingAddress'] {
  const us = currency === 'USD';
  const phone = us
    ? d.pick(['4155552671', '4155552671', '4155552671', '415555'])
    : d.pick([`139${String(10_000_000 + ((i * 7_919) % 89_999_999))}`, `139${String(10_000_000 + ((i * 7_919) % 89_999_999))}`, '1380013800', '0755-8613 5678']);
  const full = us ? US_ADDRESS : CN_ADDRESS;
  if (d.chance(0.2)) return { name: us ? 'Alex Doe' : '李四', phone, country: full.country, line1: us ? 'N/A' : '人民路88号' };
  return { name: us ? 'Alex Doe' : '李四', phone, ...full };
}

/** What the shop already did: an earlier apology coupon, a goodwill refund recorded within or beyond 30 days. */
function actionsTaken(d: Draw, id: string, currency: 'CNY' | 'USD', captured: number, now: number): ActionTaken[] {
  const taken: ActionTaken[] = [];
  if (d.chance(0.15))
    taken.push({ kind: 'coupon', idempotencyKey: `${id}/coupon/earlier-apology`, at: minutesAfter(Math.max(3, now - 120)), amount: currency === 'USD' ? 200 : 500 });
  if (captured > 0 && d.chance(0.2)) {
    const amount = Math.min(currency === 'USD' ? 300 : 1_500, Math.floor(captured / 4));
    taken.push({ kind: 'refund', idempotencyKey: `${id}/refund/goodwill`, at: minutesAfter(Math.min(now - 1, 3 * DAY)), amount });
  }
  return taken;
}

/** The shop's own refunds already at the gateway (a goodwill refund, pending or done). */
function shopRefunds(d: Draw, paid: readonly Payment[], now: number): NonNullable<OrderSnapshotInput['refunds']> {
  const first = paid[0];
  if (first === undefined || !d.chance(0.2)) return [];
  return [
    buildRefund({
      id: `${first.id}-R`,
      paymentId: first.id,
      amount: Math.min(2_000, Math.floor(first.amount / 5)),
      status: d.pick(['pending', 'succeeded'] as const),
      createdAt: minutesAfter(Math.max(3, now - 60)),
    }),
  ];
}

type Fraud = 'none' | 'new_account' | 'abnormal_quantity' | 'blacklisted';

/** The buyer: tier, account age (a new account for the fraud case), email or not. */
function customer(d: Draw, seed: number, i: number, fraud: Fraud): OrderSnapshotInput['customer'] {
  const id = `INC-C-${seed}-${i}`;
  const email = d.chance(0.5) ? { email: `buyer${i}@example.com` } : {};
  if (fraud === 'new_account') return { id, tier: 'new', accountCreatedAt: minutesAfter(-120), ...email };
  return { id, tier: d.pick(['regular', 'regular', 'vip', 'new'] as const), accountCreatedAt: '2025-06-01T09:00:00+08:00', orderCount: d.int(1, 30), ...email };
}

/** One incident: an order with several things wrong at once, and the moment to evaluate it at. */
function incident(d: Draw, seed: number, i: number): Scenario {
  const id = `INC-${seed}-${i}`;
  const currency = d.chance(0.25) ? 'USD' : 'CNY';
  const fraud: Fraud = d.chance(0.7) ? 'none' : d.pick(['new_account', 'abnormal_quantity', 'blacklisted']);
  const lines = items(d, currency, fraud === 'new_account' ? 12 : fraud === 'abnormal_quantity' ? 30 : undefined);
  const path = journey(d, d.pick([...JOURNEYS, 'not_shipped', 'past_ship_by']), currency === 'USD' ? d.pick(['UPS', 'FEDEX']) : d.pick(['SF', 'ZTO', 'YTO', 'JD']));
  const shipping = currency === 'USD' ? 500 : d.pick([0, 1_000]);
  const payable = lines.reduce((sum, l) => sum + l.quantity * l.unitPrice, 0) + shipping;
  const paid = payments(d, id, currency, payable, path.shipped);
  const succeeded = paid.filter((p) => p.status === 'succeeded');
  const captured = succeeded.reduce((sum, p) => sum + p.amount, 0);
  const status = path.delivered ? 'delivered' : path.shipped ? 'shipped' : succeeded.length === 0 || d.chance(0.15) ? 'pending_payment' : d.pick(['paid', 'processing'] as const);
  const goods = stock(d, lines, path.now);
  const shippingAddress = address(d, currency, i);
  const refunds = shopRefunds(d, succeeded, path.now);
  const taken = actionsTaken(d, id, currency, captured, path.now);
  const reports = [...(path.reports ?? []), ...goods.reports];
  const order = buildOrder({
    id,
    channel: d.pick(['web', 'app', 'tmall', 'jd']),
    status,
    currency,
    items: lines,
    totals: { shipping },
    payments: paid,
    customer: customer(d, seed, i, fraud),
    shippingAddress,
    ...(path.shipments === undefined ? {} : { shipments: path.shipments }),
    ...(goods.inventory === undefined ? {} : { inventory: goods.inventory }),
    ...(reports.length === 0 ? {} : { reports }),
    ...(path.returns === undefined || path.returns.length === 0 ? {} : { returns: path.returns }),
    ...(refunds.length === 0 ? {} : { refunds }),
    ...(taken.length === 0 ? {} : { actionsTaken: taken }),
    ...(d.chance(0.15) ? { remark: currency === 'USD' ? 'Please deliver on Saturday, it is a gift.' : '麻烦开发票,周末送货,谢谢!' } : {}),
    ...(d.chance(0.12) ? { sync: [buildSync(), buildSync({ system: 'wms', status: 'failed', lastAttemptAt: minutesAfter(5), error: 'WMS 503', failedAttempts: 3 })] } : {}),
  });
  const context = fraud === 'blacklisted' ? { blacklist: { customerIds: [order.customer.id] } } : undefined;
  return { order, now: minutesAfter(path.now), ...(context === undefined ? {} : { context }) };
}

/**
 * Generates orders with several findings each (an incident: say a parcel both damaged and late,
 * paid in two parts, to a landline, with a coupon already given), lazily and reproducibly from
 * the seed, each with the moment to evaluate it at and the blacklist when it needs one, as the
 * scenarios give them. Ingredients are combined at random: payments (none, failed, one, two
 * splitting the total, duplicate, short, over; the shop's own refunds pending or done), the
 * parcel's journey (not shipped, past its ship-by date, in transit, stalled, late, lost, damaged,
 * delivered and reported not received, refused or returned to sender with or without a reason
 * and a return requested, received or inspected), stock (short in total, two warehouses), a bad
 * address, an invalid or landline phone, an email or not, a remark, a blacklisted buyer, a new
 * account, a failed sync, tiers, earlier coupons and refunds within or beyond 30 days, CNY and
 * USD. Most orders raise two findings or more; use them for order-level properties.
 *
 * @example
 * for (const { order, now, context } of generateIncidents({ count: 5000, seed: 14 })) {
 *   const report = triage.evaluate(order, { now, ...context });
 *   // at most one contact_customer, whatever the findings
 * }
 */
export function* generateIncidents(options: GenerateIncidentsOptions): Generator<Scenario> {
  const seed = options.seed ?? 1;
  const d = drawFrom(seed);
  for (let i = 0; i < options.count; i++) yield incident(d, seed, i);
}
