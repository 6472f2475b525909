import { type Action, createTriage, type EvaluateContext, type OrderSnapshotInput } from 'order-triage';
import {
  buildInventory,
  buildOrder,
  buildPayment,
  buildRefund,
  buildReport,
  buildShipment,
  customerMessageOf,
  customerTextOf,
  expectReport,
  generateIncidents,
  minutesAfter,
  trackingEvent,
} from 'order-triage/testing';
import { describe, expect, it } from 'vitest';

// What an outside review of the plan stage found, each as the order that showed it.
const en = createTriage({ locale: 'en', policy: { shopName: 'Xiaoman Living' } });
const zh = createTriage({ policy: { shopName: '小满生活馆' } });
const DAY = 24 * 60;
const kinds = (actions: readonly Action[]) => actions.map((a) => a.kind);

/** The order with every action of `actions` recorded done at `at`, as a backend records what it carried out. */
function recordAll(order: OrderSnapshotInput, actions: readonly Action[], at: string): OrderSnapshotInput {
  const taken = actions.map((a) => ({ kind: a.kind, idempotencyKey: a.idempotencyKey, at, ...('amount' in a.params ? { amount: a.params.amount } : {}) }));
  return { ...order, actionsTaken: [...(order.actionsTaken ?? []), ...taken] };
}

const lostParcel = () => buildShipment({ events: [trackingEvent('picked_up', 120), trackingEvent('lost', DAY)] });

describe('a case carried across evaluations', () => {
  it('sends nothing again once everything the plan said was recorded done, over 1,000 generated incidents in both locales', () => {
    const repeated: string[] = [];
    for (const { order, now, context } of generateIncidents({ count: 500, seed: 21 })) {
      for (const triage of [en, zh]) {
        const first = triage.evaluate(order, { now, ...context } as EvaluateContext);
        if (!first.ok || first.actions.length === 0) continue;
        const later = new Date(Date.parse(now) + 60_000).toISOString();
        const second = expectReport(triage.evaluate(recordAll(order, first.actions, now), { ...context, now: later } as EvaluateContext));
        const again = second.actions.filter((a) => ['contact_customer', 'refund', 'coupon', 'points', 'reship'].includes(a.kind));
        if (again.length > 0 && repeated.length < 8) repeated.push(`${first.orderId}: ${again.map((a) => `${a.kind} ${a.customerMessage?.text ?? a.idempotencyKey}`).join(' | ')}`);
      }
    }
    expect(repeated).toEqual([]);
  });

  it('tells the customer, in the past tense, a refund recorded done that no message announced', () => {
    const order = buildOrder({ payments: [buildPayment({ id: 'pay_1' }), buildPayment({ id: 'pay_2', method: 'wechat_pay', createdAt: minutesAfter(2) })] });
    const first = expectReport(zh.evaluate(order, { now: minutesAfter(30) }));
    const refund = first.actions.find((a) => a.kind === 'refund') as Action;
    const refunded = recordAll(order, [refund], minutesAfter(31));
    const r = expectReport(zh.evaluate(refunded, { now: minutesAfter(40) }));
    expect(customerTextOf(r)).toContain('我们已为您退款 ¥209.00，原路退回您的微信支付');
    expect(customerTextOf(r)).toContain('您被重复扣款了');
  });
});

describe('no text contradicts the order or the plan', () => {
  it('promises no shipping for a parcel already on its way whose phone does not work', () => {
    const order = buildOrder({
      status: 'shipped',
      shippingAddress: { name: '张三', phone: '1380013800', country: 'CN', province: '广东省', city: '深圳市', district: '南山区', line1: '深南大道10000号' },
      shipments: [buildShipment({ estimatedDeliveryAt: minutesAfter(2 * DAY), events: [trackingEvent('picked_up', 120), trackingEvent('in_transit', 2 * DAY)] })],
    });
    const r = expectReport(en.evaluate(order, { now: minutesAfter(3 * DAY) }));
    expect(r.findings.map((f) => f.code)).toEqual(expect.arrayContaining(['DELIVERY_DELAYED', 'PHONE_INVALID']));
    expect(customerTextOf(r)).not.toMatch(/we will ship|确认后.*发货/);
  });

  it('does not intercept a lost parcel for a bad address, and asks for no balance on an order refunded in full', () => {
    const order = buildOrder({
      status: 'shipped',
      payments: [buildPayment({ amount: 18_900 })],
      inventory: [buildInventory({ onHand: 0, reserved: 0 })],
      shippingAddress: { name: '李四', phone: '13900139000', country: 'CN', line1: '人民路88号' },
      shipments: [lostParcel()],
    });
    const r = expectReport(en.evaluate(order, { now: minutesAfter(DAY + 60) }));
    expect(r.findings.map((f) => f.code)).toEqual(expect.arrayContaining(['AMOUNT_MISMATCH', 'PACKAGE_LOST', 'ADDRESS_INVALID']));
    expect(kinds(r.actions)).toContain('refund');
    expect(kinds(r.actions)).not.toContain('intercept_shipment');
    expect(kinds(r.actions)).not.toContain('send_payment_link');
    expect(customerTextOf(r)).not.toMatch(/intercept|remaining|balance/i);
  });

  it('asks a checkout draft whose item sold out to choose before paying, not to pay for stock that does not exist', () => {
    const order = buildOrder({ status: 'pending_payment', payments: [], inventory: [buildInventory({ onHand: 0, reserved: 0 })] });
    const r = expectReport(en.evaluate(order, { now: minutesAfter(45) }));
    expect(r.findings.map((f) => f.code)).toEqual(expect.arrayContaining(['PAYMENT_FAILED', 'OVERSOLD']));
    expect(kinds(r.actions)).not.toContain('send_payment_link');
    expect(customerMessageOf(r)?.params.options).toEqual(['wait_for_restock', 'cancel']);
    expect(customerTextOf(r)).not.toMatch(/payment link|holding your items/);
  });

  it('tells a customer whose item moves from another warehouse that it ships a little later, offering no refund', () => {
    const order = buildOrder({
      inventory: [
        buildInventory({ warehouse: 'SZ-01', onHand: 5, reserved: 0, syncedAt: minutesAfter(25) }),
        buildInventory({ warehouse: 'GZ-02', onHand: 40, reserved: 0, syncedAt: minutesAfter(25) }),
      ],
      reports: [buildReport({ source: 'warehouse', kind: 'stock_missing', at: minutesAfter(20) })],
    });
    const r = expectReport(en.evaluate(order, { now: minutesAfter(30) }));
    expect(kinds(r.actions)).toContain('transfer_stock');
    expect(customerMessageOf(r)?.params.options).toBeUndefined();
    expect(customerTextOf(r)).toContain('we will send it from another one');
    expect(customerTextOf(r)).not.toMatch(/sold out|refund/);
  });

  it('ships nothing again to a buyer under fraud review', () => {
    const order = buildOrder({ status: 'shipped', inventory: [buildInventory({ onHand: 10, reserved: 0 })], shipments: [lostParcel()] });
    const r = expectReport(en.evaluate(order, { now: minutesAfter(DAY + 60), blacklist: { customerIds: ['CUST-1'] } }));
    expect(r.findings.map((f) => f.code)).toEqual(expect.arrayContaining(['PACKAGE_LOST', 'BLACKLISTED']));
    expect(kinds(r.actions)).not.toContain('reship');
    expect(customerTextOf(r)).not.toMatch(/send .* to you again/);
  });

  it('asks no photos of a parcel damaged in transit the customer does not have', () => {
    const order = buildOrder({ status: 'shipped', shipments: [buildShipment({ events: [trackingEvent('picked_up', 120), trackingEvent('damaged', DAY)] })] });
    const r = expectReport(en.evaluate(order, { now: minutesAfter(DAY + 60) }));
    expect(customerTextOf(r)).toContain('damaged in transit');
    expect(customerTextOf(r)).not.toMatch(/photo/);
  });

  it('says a late payment will be marked paid, not that it already is', () => {
    const order = buildOrder({ status: 'pending_payment' });
    const text = customerTextOf(expectReport(en.evaluate(order, { now: minutesAfter(20) })));
    expect(text).toContain('we will mark your order as paid');
    expect(text).not.toContain('now shows as paid');
  });

  it('adds up its figures when part of a surplus went back already', () => {
    const order = buildOrder({
      payments: [buildPayment({ id: 'pay_1', amount: 22_900 })],
      actionsTaken: [{ kind: 'refund', idempotencyKey: 'crm-1', at: minutesAfter(20), amount: 1_500 }],
    });
    const text = customerTextOf(expectReport(en.evaluate(order, { now: minutesAfter(30) })));
    expect(text).toContain('CN¥20.00 too much, of which CN¥15.00 has already been refunded');
    expect(text).toContain('We will refund CN¥5.00');
  });
});

describe('one approval, whatever records the earlier refunds', () => {
  it('needs the same approval whether an earlier refund is in refunds[] or in actionsTaken', () => {
    const items = [{ sku: 'SKU-TEE-M', name: 'Tee', quantity: 1, unitPrice: 120_000 }];
    const base = {
      items,
      totals: { shipping: 1_000 },
      payments: [buildPayment({ amount: 121_000 }), buildPayment({ id: 'pay_2', method: 'wechat_pay', amount: 121_000, createdAt: minutesAfter(2) })],
    };
    const onRecord = buildRefund({ amount: 40_000, paymentId: 'pay_1', createdAt: minutesAfter(100) });
    const split = buildOrder({
      ...base,
      refunds: [onRecord],
      actionsTaken: [{ kind: 'refund', idempotencyKey: 'ORD-1001/refund/pay_2/40000', at: minutesAfter(120), amount: 40_000 }],
    });
    const both = buildOrder({ ...base, refunds: [onRecord, buildRefund({ id: 'r2', amount: 40_000, paymentId: 'pay_2', createdAt: minutesAfter(120) })] });
    const approval = (order: OrderSnapshotInput) => expectReport(en.evaluate(order, { now: minutesAfter(600) })).actions.find((a) => a.kind === 'refund')?.requiresApproval;
    expect(approval(split)).toBe('manager');
    expect(approval(both)).toBe('manager');
  });
});

describe('texts a reader reads', () => {
  it('gives one progress update for a parcel both stalled and late', () => {
    const order = buildOrder({ status: 'shipped', shipments: [buildShipment({ estimatedDeliveryAt: minutesAfter(2 * DAY), events: [trackingEvent('in_transit', 300)] })] });
    const text = customerTextOf(expectReport(zh.evaluate(order, { now: minutesAfter(300 + 4 * DAY) })));
    expect(text.match(/SF1234567890/g)).toHaveLength(1);
  });

  it('asks why a parcel was refused as a question, not as a choice', () => {
    const order = buildOrder({ status: 'shipped', shipments: [buildShipment({ events: [trackingEvent('picked_up', 120), trackingEvent('refused', 2 * DAY)] })] });
    expect(customerTextOf(expectReport(en.evaluate(order, { now: minutesAfter(2 * DAY + 60) })))).toContain('Please reply to tell us why:');
    expect(customerTextOf(expectReport(zh.evaluate(order, { now: minutesAfter(2 * DAY + 60) })))).toContain('请回复告诉我们拒收的原因');
  });

  it('writes "1 hour", not "1 hours", for a one-hour auto-cancel', () => {
    const hasty = createTriage({ locale: 'en', thresholds: { PAYMENT_FAILED: { autoCancelHours: 1 } } });
    const text = customerTextOf(expectReport(hasty.evaluate(buildOrder({ status: 'pending_payment', payments: [] }), { now: minutesAfter(61) })));
    expect(text).toContain('within 1 hour,');
  });

  it('names FedEx as people know it', () => {
    const order = buildOrder({ status: 'shipped', shipments: [buildShipment({ carrier: 'fedex', events: [trackingEvent('in_transit', 300)] })] });
    expect(customerTextOf(expectReport(en.evaluate(order, { now: minutesAfter(300 + 4 * DAY) })))).toContain('FedEx');
  });
});
