import type { OrderSnapshotInput } from '../schema/snapshot.js';
import { buildOrder, buildPayment } from './build-order.js';
import { buildShipment, trackingEvent } from './build-records.js';
import { allScenarios, paymentScenarios } from './scenarios.js';
import { seeded } from './seeded.js';
import { minutesAfter } from './time.js';

/** Options of {@link generateOrders}. */
export interface GenerateOrdersOptions {
  /** How many orders. */
  readonly count: number;
  /** The same seed gives the same orders. @default 1 */
  readonly seed?: number;
  /** Share of orders built from an exception scenario (0..1). @default 0.1 */
  readonly exceptionRate?: number;
  /**
   * The shop's daily volume: orders are spread over `count / ordersPerDay` days before
   * {@link GENERATED_NOW} (at least ten hours), as a real stream is; clean orders older than two
   * days have been delivered, and exception orders are their scenario moved back in time.
   * @default 50000
   */
  readonly ordersPerDay?: number;
  /**
   * Fraud rings to plant: each is {@link RING_SIZE} orders by different accounts, with different
   * phones, shipping to one home address within the last hours, yielded after the `count` orders.
   * Without rings, no two generated orders share an address or a phone.
   * @default 0
   */
  readonly rings?: number;
}

/** Orders (accounts) in one planted ring: enough for SHARED_ADDRESS_CLUSTER and a blacklist proposal by default. */
export const RING_SIZE = 5;

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** A copy of `value` with every timestamp in it moved by `minutes`, each written in its own offset. */
function shiftTimestamps(value: unknown, minutes: number): unknown {
  if (Array.isArray(value)) return value.map((v) => shiftTimestamps(v, minutes));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shiftTimestamps(v, minutes)]));
  }
  const zone = typeof value === 'string' ? TIMESTAMP.exec(value)?.[1] : undefined;
  if (zone === undefined) return value;
  const offset = zone === 'Z' ? 0 : (zone.startsWith('-') ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6)));
  const local = new Date(Date.parse(value as string) + (minutes + offset) * 60_000).toISOString().slice(0, 19);
  return `${local}${zone}`;
}

// Scenarios that show an exception: the clean and cash-on-delivery ones are the 90% already.
const SCENARIOS = allScenarios.filter((make) => make !== paymentScenarios.clean && make !== paymentScenarios.cashOnDelivery);
const CITIES = [
  ['广东省', '深圳市', '南山区'],
  ['广东省', '广州市', '天河区'],
  ['浙江省', '杭州市', '西湖区'],
  ['上海市', '上海市', '浦东新区'],
  ['北京市', '北京市', '海淀区'],
  ['四川省', '成都市', '武侯区'],
] as const;
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '罗', '高'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '磊', '洋', '艳', '勇', '军', '杰', '娟', '涛', '明', '超', '霞', '平', '刚', '丽', '强'];
const STREETS = ['幸福路', '人民路', '建设路', '解放路', '中山路', '和平路', '文化路', '长江路', '青年路', '朝阳路'];
const SKUS = ['SKU-TEE-M', 'SKU-MUG', 'SKU-KETTLE', 'SKU-HEADSET', 'SKU-RICE', 'SKU-LAMP', 'SKU-TEA', 'SKU-SHOES'];
const CHANNELS = ['web', 'app', 'tmall', 'jd', 'mini_program'];
const CARRIERS = ['SF', 'ZTO', 'YTO', 'JD', 'EMS'];

/** The shipping phone of the i-th order: `13` then nine digits, one number per order (a bijection of i below 899,999,999). */
const phoneOf = (i: number): string => `13${String(100_000_000 + ((i * 7_919) % 899_999_999)).slice(0, 9)}`;

/** A home of the i-th order's customer: a street, a number, a building and a room, one per order. */
const homeOf = (i: number): string => `${STREETS[i % STREETS.length]}${1 + (i % 2_000)}号${1 + (i % 30)}栋${100 + (i % 900)}室`;

/**
 * Moves an exception scenario's buyer to the i-th generated customer: a name, a city, a home
 * and a phone of their own, so exception orders share nothing with each other. A scenario's
 * defect is kept: an incomplete address stays incomplete (its street number becomes the
 * customer's), a phone keeps its length and first digits (an invalid number stays invalid).
 */
function ownCustomer(order: OrderSnapshotInput, i: number, city: readonly [string, string, string]): OrderSnapshotInput {
  const a = order.shippingAddress;
  // Eight digits, one set per order below 100,000,000 orders (7,919 is prime to 10^8).
  const digits = String((i * 7_919) % 100_000_000).padStart(8, '0');
  let at = 0;
  // The first three digits stay (a mobile stays a mobile), the rest are the customer's.
  const phone = a.phone.replace(/\d/g, (d) => (at++ < 3 ? d : (digits[at - 4] ?? d)));
  const [province, cityName, district] = city;
  const placed = a.province === undefined ? {} : { province, city: cityName, district };
  const line1 = a.line1 === buildOrder().shippingAddress.line1 ? homeOf(i) : a.line1.replace(/\d+/, String(1 + (i % 2_000)));
  const { postalCode: _postalCode, ...address } = a;
  return {
    ...order,
    customer: { ...order.customer, ...(order.customer.phone === undefined ? {} : { phone }) },
    shippingAddress: { ...address, ...placed, name: `${SURNAMES[i % SURNAMES.length]}${GIVEN[Math.floor(i / SURNAMES.length) % GIVEN.length]}`, phone, line1 },
  };
}

/** The orders of planted ring r: RING_SIZE accounts and phones, one home, within the last hours. */
function* ring(seed: number, r: number, count: number): Generator<OrderSnapshotInput> {
  const [province, city, district] = CITIES[r % CITIES.length] as (typeof CITIES)[number];
  for (let k = 0; k < RING_SIZE; k++) {
    const i = count + r * RING_SIZE + k;
    yield buildOrder({
      id: `GEN-${seed}-RING-${r}-${k}`,
      createdAt: minutesAfter(-60 * (k + 1)),
      customer: { id: `GR-${r}-${k}`, accountCreatedAt: '2025-01-01T00:00:00+08:00' },
      shippingAddress: { name: '收货人', phone: phoneOf(i), country: 'CN', province, city, district, line1: `团结路${100 + r}号${1 + r}栋${101 + r}室` },
    });
  }
}

/**
 * Generates realistic orders lazily (an iterable, so a million never sit in memory at once):
 * distinct customers, phones and addresses across several cities, SKUs, channels and carriers,
 * orders at every stage from paid to delivered, and about `exceptionRate` of them built from the
 * exception scenarios of every category, each at a customer of its own (distinct name, city,
 * home and phone), and `rings` planted fraud rings. Evaluate them at {@link GENERATED_NOW}.
 *
 * @example
 * for (const order of generateOrders({ count: 1000, seed: 7 })) triage.evaluate(order, { now: GENERATED_NOW });
 */
export function* generateOrders(options: GenerateOrdersOptions): Generator<OrderSnapshotInput> {
  const random = seeded(options.seed ?? 1);
  const exceptionRate = options.exceptionRate ?? 0.1;
  // Minutes before GENERATED_NOW over which clean orders are spread (at least the first 10 hours).
  const spanMinutes = Math.max(600, Math.ceil((options.count / (options.ordersPerDay ?? 50_000)) * 24 * 60));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  for (let i = 0; i < options.count; i++) {
    const id = `GEN-${options.seed ?? 1}-${i}`;
    if (random() < exceptionRate) {
      const scenario = pick(SCENARIOS)();
      // Spread over the same days as clean orders: a real shop's exceptions arrive all along.
      const order = shiftTimestamps(scenario.order, -Math.floor(random() * spanMinutes)) as OrderSnapshotInput;
      yield ownCustomer({ ...order, id, customer: { ...order.customer, id: `GC-${i}` } }, i, pick(CITIES));
      continue;
    }
    const [province, city, district] = pick(CITIES);
    const sku = pick(SKUS);
    const quantity = 1 + Math.floor(random() * 3);
    const unitPrice = 1_000 + Math.floor(random() * 40) * 500;
    const createdMinutes = -Math.floor(random() * spanMinutes);
    const ageMinutes = 600 - createdMinutes;
    const stage = random();
    const delivered = ageMinutes > 2 * 24 * 60 || stage < 0.3;
    const shipped = delivered || stage < 0.6;
    yield buildOrder({
      id,
      channel: pick(CHANNELS),
      status: delivered ? 'delivered' : shipped ? 'shipped' : 'paid',
      createdAt: minutesAfter(createdMinutes),
      promisedShipBy: minutesAfter(createdMinutes + 48 * 60),
      items: [{ sku, name: sku, quantity, unitPrice }],
      payments: [buildPayment({ id: `${id}-P`, amount: quantity * unitPrice + 1_000, createdAt: minutesAfter(createdMinutes + 1) })],
      customer: { id: `GC-${i}`, tier: random() < 0.1 ? 'vip' : 'regular', accountCreatedAt: '2025-01-01T00:00:00+08:00' },
      shippingAddress: {
        name: '顾客',
        phone: phoneOf(i),
        country: 'CN',
        province,
        city,
        district,
        line1: homeOf(i),
      },
      ...(shipped
        ? {
            shipments: [
              buildShipment({
                id: `${id}-S`,
                carrier: pick(CARRIERS),
                trackingNumber: `T${i}`,
                shippedAt: minutesAfter(createdMinutes + 120),
                estimatedDeliveryAt: minutesAfter(createdMinutes + 3 * 24 * 60),
                events: [
                  trackingEvent('picked_up', createdMinutes + 120),
                  ...(delivered ? [trackingEvent('delivered', createdMinutes + 500)] : [trackingEvent('in_transit', createdMinutes + 400)]),
                ],
              }),
            ],
          }
        : {}),
    });
  }
  for (let r = 0; r < (options.rings ?? 0); r++) yield* ring(options.seed ?? 1, r, options.count);
}

/** The moment generated orders are meant to be evaluated at. */
export const GENERATED_NOW = minutesAfter(10 * 60);
