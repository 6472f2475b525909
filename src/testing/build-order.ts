import type { OrderSnapshotInput } from '../schema/snapshot.js';
import { minutesAfter } from './time.js';

type Item = OrderSnapshotInput['items'][number];
type Payment = OrderSnapshotInput['payments'][number];
type Refund = NonNullable<OrderSnapshotInput['refunds']>[number];

// The snapshot type is loose (unknown fields pass through); its index signature would swallow
// the named fields under Omit, so keep only the named ones.
type NamedFields = { [K in keyof OrderSnapshotInput as string extends K ? never : K]: OrderSnapshotInput[K] };

/** What a test may change on the default order; `totals` may be given in part. */
export type OrderOverrides = Partial<Omit<NamedFields, 'totals'>> & {
  readonly totals?: Partial<NamedFields['totals']>;
};

/**
 * A payment attempt: by default a succeeded Alipay payment of ¥209.00 made a minute after the
 * order was created.
 *
 * @example
 * buildPayment({ id: 'pay_2', status: 'failed', failureReason: 'insufficient_funds' })
 */
export function buildPayment(overrides: Partial<Payment> = {}): Payment {
  const status = overrides.status ?? 'succeeded';
  const createdAt = overrides.createdAt ?? minutesAfter(1);
  return {
    id: 'pay_1',
    method: 'alipay',
    amount: 20_900,
    createdAt,
    ...(status === 'succeeded' ? { paidAt: createdAt, gatewayTxnId: `ALI-${overrides.id ?? 'pay_1'}` } : {}),
    ...overrides,
    status,
  };
}

/**
 * A refund: by default a succeeded refund of ¥50.00 against `pay_1`, an hour after the order.
 *
 * @example
 * buildRefund({ amount: 1000, status: 'pending' })
 */
export function buildRefund(overrides: Partial<Refund> = {}): Refund {
  return { id: 'ref_1', paymentId: 'pay_1', amount: 5_000, status: 'succeeded', createdAt: minutesAfter(60), ...overrides };
}

/**
 * A valid order snapshot: a paid order of one ¥199.00 T-shirt plus ¥10.00 shipping, paid in
 * full by Alipay, shipping to Shenzhen. Override any field; totals follow the items unless
 * given, and the default payment follows `totals.payable` unless `payments` is given.
 *
 * @example
 * buildOrder() // a clean order: evaluate finds nothing
 * buildOrder({ status: 'pending_payment', payments: [] }) // awaiting payment
 * buildOrder({ payments: [buildPayment(), buildPayment({ id: 'pay_2' })] }) // paid twice
 */
export function buildOrder(overrides: OrderOverrides = {}): OrderSnapshotInput {
  const items: Item[] = overrides.items ?? [{ sku: 'SKU-TEE-M', name: '纯棉T恤 M', quantity: 1, unitPrice: 19_900 }];
  const itemsTotal = items.reduce((sum, item) => sum + item.quantity * item.unitPrice, 0);
  const shipping = overrides.totals?.shipping ?? 1_000;
  const discount = overrides.totals?.discount ?? 0;
  const tax = overrides.totals?.tax;
  const payable = overrides.totals?.payable ?? itemsTotal + shipping - discount + (tax ?? 0);
  const totals = {
    items: overrides.totals?.items ?? itemsTotal,
    shipping,
    discount,
    ...(tax === undefined ? {} : { tax }),
    payable,
  };
  const { totals: _ignored, ...rest } = overrides;
  return {
    id: 'ORD-1001',
    channel: 'web',
    status: 'paid',
    createdAt: minutesAfter(0),
    currency: 'CNY',
    promisedShipBy: minutesAfter(48 * 60),
    items,
    payments: [buildPayment({ amount: payable })],
    customer: {
      id: 'CUST-1',
      accountCreatedAt: '2025-06-01T09:00:00+08:00',
      tier: 'regular',
      phone: '13800138000',
      orderCount: 7,
      refundCount: 0,
    },
    shippingAddress: {
      name: '张三',
      phone: '13800138000',
      country: 'CN',
      province: '广东省',
      city: '深圳市',
      district: '南山区',
      line1: '深南大道10000号腾讯大厦',
      postalCode: '518057',
    },
    ...rest,
    totals,
  };
}
