import { type Action, createTriage, type EvaluateContext, formatMoney, type OrderSnapshotInput } from 'order-triage';
import {
  buildInventory,
  buildOrder,
  buildPayment,
  buildRefund,
  buildReport,
  buildShipment,
  customerScenarios,
  logisticsScenarios,
  minutesAfter,
  trackingEvent,
} from 'order-triage/testing';
import { describe, expect, it } from 'vitest';

// The cases an operations manager reviewed (issue 14), each as the plan a good exception desk
// would send (docs/playbooks.md, "One plan per order").

const DAY = 24 * 60;
const en = createTriage({ locale: 'en' });
const zh = createTriage({ locale: 'zh-CN' });

type Triage = typeof en;
type Plan = { findings: string[]; actions: Action[] };

function plan(triage: Triage, order: OrderSnapshotInput, now: string, context: Omit<EvaluateContext, 'now'> = {}): Plan {
  const report = triage.evaluate(order, { now, ...context });
  if (!report.ok) throw new Error(`invalid order: ${JSON.stringify(report.error.issues)}`);
  return { findings: report.findings.map((f) => f.code), actions: report.actions };
}

const ofKind = <K extends Action['kind']>(p: Plan, kind: K) => p.actions.filter((a): a is Extract<Action, { kind: K }> => a.kind === kind);
const speaking = (p: Plan) => p.actions.filter((a) => a.customerMessage !== undefined);
/** The plan's one message (the test fails when there is not exactly one). */
function theMessage(p: Plan): Extract<Action, { kind: 'contact_customer' }> & { customerMessage: { text: string } } {
  const contacts = ofKind(p, 'contact_customer');
  expect(contacts).toHaveLength(1);
  expect(speaking(p)).toHaveLength(1);
  const [contact] = contacts as [Extract<Action, { kind: 'contact_customer' }>];
  expect(contact.customerMessage?.text).toBeTypeOf('string');
  return contact as Extract<Action, { kind: 'contact_customer' }> & { customerMessage: { text: string } };
}
const count = (text: string, part: string): number => text.split(part).length - 1;

const shipped = (events: ReturnType<typeof trackingEvent>[], overrides: Partial<OrderSnapshotInput> = {}) =>
  buildOrder({ status: 'shipped', shipments: [buildShipment({ events })], ...overrides });
const oversoldStock = (quantity: number) => [buildInventory({ onHand: quantity - 1, reserved: 0, syncedAt: minutesAfter(0) })];

describe('a parcel both damaged and late', () => {
  const order = shipped([trackingEvent('picked_up', 120), trackingEvent('in_transit', 2 * DAY), trackingEvent('damaged', 3 * DAY + 600)]);
  const now = minutesAfter(4 * DAY);

  it('is not chased, gets one coupon (the damage one, the larger) and one message offering reship or refund', () => {
    const p = plan(en, order, now);
    expect(p.findings).toEqual(expect.arrayContaining(['PACKAGE_DAMAGED', 'DELIVERY_DELAYED']));
    expect(ofKind(p, 'urge_carrier')).toEqual([]);
    const coupons = ofKind(p, 'coupon');
    expect(coupons).toHaveLength(1);
    expect(coupons[0]?.params).toMatchObject({ amount: 1_000, reason: 'PACKAGE_DAMAGED' });
    expect(ofKind(p, 'carrier_claim')).toHaveLength(1);
    const message = theMessage(p);
    expect(message.params.options).toEqual(expect.arrayContaining(['reship', 'refund']));
    expect(message.params.describes).toContain(coupons[0]?.idempotencyKey);
  });

  it('does not say in English that the parcel "arrived damaged" when it was damaged in transit', () => {
    expect(theMessage(plan(en, order, now)).customerMessage.text).not.toMatch(/arrived damaged/i);
  });
});

describe('sold out and past the ship-by date', () => {
  const order = buildOrder({ items: [{ sku: 'SKU-TEE-M', name: '纯棉T恤 M', quantity: 2, unitPrice: 19_900 }], inventory: oversoldStock(2) });
  const now = minutesAfter(50 * 60);

  it('restocks, does not promise to ship first, and sends one message with at most one coupon', () => {
    const p = plan(en, order, now);
    expect(p.findings).toEqual(expect.arrayContaining(['OVERSOLD', 'NOT_SHIPPED_ON_TIME']));
    expect(ofKind(p, 'urgent_restock')).toHaveLength(1);
    expect(ofKind(p, 'transfer_stock')).toEqual([]);
    expect(ofKind(p, 'escalate')).toEqual([]);
    expect(p.actions.filter((a) => a.because.length === 1 && a.because[0] === 'NOT_SHIPPED_ON_TIME')).toEqual([]);
    expect(ofKind(p, 'coupon').length).toBeLessThanOrEqual(1);
    const text = theMessage(p).customerMessage.text;
    expect(text).not.toMatch(/ship it first|put it first/i);
    expect(theMessage(plan(zh, order, now)).customerMessage.text).not.toMatch(/优先(处理|发货)/);
  });
});

describe('a paid-but-not-updated VIP order that is also oversold', () => {
  const order = buildOrder({
    status: 'pending_payment',
    customer: { ...buildOrder().customer, tier: 'vip' },
    items: [{ sku: 'SKU-TEE-M', name: '纯棉T恤 M', quantity: 2, unitPrice: 19_900 }],
    inventory: oversoldStock(2),
  });
  const now = minutesAfter(21);

  it('is marked paid but not released to fulfilment, and is not told both "sold out" and "we will ship it soon"', () => {
    const p = plan(en, order, now);
    expect(p.findings).toEqual(expect.arrayContaining(['PAID_NOT_UPDATED', 'OVERSOLD']));
    const updates = ofKind(p, 'update_order_status');
    expect(updates).toHaveLength(1);
    expect(updates[0]?.params.release).toBe(false);
    expect(theMessage(p).customerMessage.text).not.toMatch(/ship it as soon as possible|ship (it )?soon/i);
    expect(theMessage(plan(zh, order, now)).customerMessage.text).not.toContain('尽快为您安排发货');
  });
});

describe('an unpaid checkout draft that is oversold', () => {
  const order = buildOrder({
    status: 'pending_payment',
    payments: [],
    items: [{ sku: 'SKU-TEE-M', name: '纯棉T恤 M', quantity: 2, unitPrice: 19_900 }],
    inventory: oversoldStock(2),
  });
  const now = minutesAfter(10);

  it('is offered to wait or cancel, never a refund, and gets no coupon', () => {
    const p = plan(en, order, now);
    expect(p.findings).toContain('OVERSOLD');
    expect(p.actions.filter((a) => a.kind === 'refund' || a.kind === 'coupon' || a.kind === 'points')).toEqual([]);
    const message = theMessage(p);
    expect(message.params.options).toEqual(expect.arrayContaining(['wait_for_restock', 'cancel']));
    expect(message.params.options).not.toContain('refund');
    expect(message.customerMessage.text).not.toMatch(/refund|coupon/i);
  });
});

describe('a lost ¥380 parcel with no stock to send again', () => {
  const items = [{ sku: 'SKU-KETTLE', name: '电热水壶 1.7L', quantity: 1, unitPrice: 37_000 }];
  const base = {
    status: 'shipped' as const,
    items,
    shipments: [buildShipment({ events: [trackingEvent('picked_up', 120), trackingEvent('lost', DAY)] })],
    inventory: [buildInventory({ sku: 'SKU-KETTLE', onHand: 0, reserved: 0, syncedAt: minutesAfter(DAY + 50) })],
  };
  const split = buildOrder({
    ...base,
    payments: [buildPayment({ id: 'pay_1', method: 'alipay', amount: 19_000 }), buildPayment({ id: 'pay_2', method: 'wechat_pay', amount: 19_000, createdAt: minutesAfter(2) })],
  });
  const whole = buildOrder({ ...base, payments: [buildPayment({ id: 'pay_1', method: 'alipay', amount: 38_000 })] });
  const now = minutesAfter(DAY + 60);

  it('paid as two ¥190 payments, is refunded twice, each refund needing the approval one ¥380 refund needs', () => {
    const p = plan(en, split, now);
    const refunds = ofKind(p, 'refund');
    expect(refunds.map((r) => [r.params.paymentId, r.params.amount]).sort()).toEqual([
      ['pay_1', 19_000],
      ['pay_2', 19_000],
    ]);
    const single = ofKind(plan(en, whole, now), 'refund');
    expect(single).toHaveLength(1);
    expect(single[0]?.requiresApproval).toBe('supervisor');
    for (const refund of refunds) {
      expect(refund.requiresApproval).toBe(single[0]?.requiresApproval);
      expect(refund.automatable).toBe(false);
    }
  });

  it('names ¥190.00 twice with each method, never ¥760 or ¥380 to one method, and promises rather than claims the refunds', () => {
    const text = theMessage(plan(en, split, now)).customerMessage.text;
    expect(count(text, formatMoney(19_000, 'CNY', 'en'))).toBeGreaterThanOrEqual(2);
    expect(text).toContain('Alipay');
    expect(text).toContain('WeChat Pay');
    expect(text).not.toContain('760.00');
    expect(text).not.toMatch(/we have refunded|refunded you/i);
    const zhText = theMessage(plan(zh, split, now)).customerMessage.text;
    expect(count(zhText, formatMoney(19_000, 'CNY', 'zh-CN'))).toBeGreaterThanOrEqual(2);
    expect(zhText).toContain('支付宝');
    expect(zhText).toContain('微信支付');
    expect(zhText).not.toContain('760.00');
    expect(zhText).not.toMatch(/已为您(全额)?退款/);
  });
});

describe('signed for but not received', () => {
  const { order, now } = logisticsScenarios.deliveredNotReceived();

  it('is checked with the courier before any money moves: manual_review claim_unverified, no refund, reship or coupon', () => {
    const p = plan(en, order, now);
    expect(p.findings).toContain('PACKAGE_LOST');
    expect(ofKind(p, 'manual_review').map((a) => a.params.reason)).toContain('claim_unverified');
    expect(p.actions.filter((a) => ['refund', 'reship', 'coupon', 'points'].includes(a.kind))).toEqual([]);
    const message = theMessage(p);
    expect(message.params.topics).toContain('claim_check');
    expect(message.customerMessage.text).not.toMatch(/was lost|lost in transit|out of stock|sold out/i);
  });
});

describe('a parcel refused for a reason other than quality', () => {
  const refused = (returns?: OrderSnapshotInput['returns']) =>
    shipped([trackingEvent('picked_up', 120), trackingEvent('out_for_delivery', 2 * DAY), trackingEvent('refused', 2 * DAY + 60)], {
      reports: [buildReport({ kind: 'other', at: minutesAfter(2 * DAY + 120), text: '不想要了' })],
      ...(returns === undefined ? {} : { returns }),
    });
  const now = minutesAfter(3 * DAY + 120);

  it('is not refunded while on its way back; the message says what will be refunded once it is back', () => {
    const p = plan(en, refused(), now);
    expect(p.findings).toContain('DELIVERY_REFUSED');
    expect(ofKind(p, 'refund')).toEqual([]);
    const text = theMessage(p).customerMessage.text;
    expect(text).toContain(formatMoney(19_900, 'CNY', 'en'));
    expect(text).not.toMatch(/received your returned parcel|we have received/i);
    expect(theMessage(plan(zh, refused(), now)).customerMessage.text).not.toMatch(/已(安全)?收到/);
  });

  it('is refunded less shipping once the return is received', () => {
    const p = plan(en, refused([{ id: 'RET-1', shipmentId: 'SHP-1', status: 'received', at: minutesAfter(3 * DAY) }]), now);
    expect(ofKind(p, 'refund').map((r) => [r.params.amount, r.params.reason])).toEqual([[19_900, 'refused_not_quality']]);
  });
});

describe('a parcel refused for its quality', () => {
  const refused = (returns?: OrderSnapshotInput['returns']) =>
    shipped([trackingEvent('picked_up', 120), trackingEvent('out_for_delivery', 2 * DAY), trackingEvent('refused', 2 * DAY + 60)], {
      reports: [buildReport({ kind: 'damaged', at: minutesAfter(2 * DAY + 120), text: '外箱破损,拒收' })],
      ...(returns === undefined ? {} : { returns }),
    });
  const now = minutesAfter(3 * DAY + 120);

  it('starts a return, offers no choice of reship or refund and refunds nothing before inspection', () => {
    const p = plan(en, refused(), now);
    expect(ofKind(p, 'request_return')).toHaveLength(1);
    expect(ofKind(p, 'refund')).toEqual([]);
    expect(ofKind(p, 'reship')).toEqual([]);
    const message = theMessage(p);
    expect(message.params.options ?? []).not.toEqual(expect.arrayContaining(['reship']));
    expect(message.params.options ?? []).not.toEqual(expect.arrayContaining(['refund']));
    expect(message.customerMessage.text).not.toMatch(/reship or refund|refunded you in full|we have refunded/i);
    expect(message.params.describes).toContain(ofKind(p, 'request_return')[0]?.idempotencyKey);
  });

  it('is refunded in full once the return is inspected', () => {
    const p = plan(en, refused([{ id: 'RET-1', shipmentId: 'SHP-1', status: 'inspected', at: minutesAfter(3 * DAY), condition: 'damaged' }]), now);
    expect(ofKind(p, 'refund').map((r) => [r.params.amount, r.params.reason])).toEqual([[20_900, 'refused_quality_issue']]);
    expect(ofKind(p, 'request_return')).toEqual([]);
  });
});

describe('a phone found broken', () => {
  const { order, now } = customerScenarios.phoneInvalid();

  it('is never texted or called: the message goes by email when there is one, else in the app', () => {
    const withEmail = theMessage(plan(en, { ...order, customer: { ...order.customer, email: 'zhang@example.com' } }, now)).params.channels;
    expect(withEmail).toContain('email');
    const without = theMessage(plan(en, order, now)).params.channels;
    expect(without).toContain('in_app');
    for (const channels of [withEmail, without]) {
      expect(channels).not.toContain('sms');
      expect(channels).not.toContain('phone');
    }
  });

  it('is not texted when it is a landline a shop requires to be a mobile, though it may be called', () => {
    const landline = { ...order, shippingAddress: { ...order.shippingAddress, phone: '0755-8613 5678' } };
    const mobilesOnly = createTriage({ locale: 'en', thresholds: { PHONE_INVALID: { requireMobileIn: ['CN'] } } });
    const channels = theMessage(plan(mobilesOnly, landline, now)).params.channels;
    expect(channels).not.toContain('sms');
    expect(channels.length).toBeGreaterThan(0);
  });
});

describe("a shop's own goodwill refund on a delivered order", () => {
  for (const status of ['pending', 'succeeded'] as const) {
    it(`is never read as the customer underpaying (refund ${status}): no AMOUNT_MISMATCH, no payment link, nothing said held`, () => {
      const order = buildOrder({
        status: 'delivered',
        shipments: [buildShipment({ events: [trackingEvent('picked_up', 120), trackingEvent('delivered', 2 * DAY)] })],
        refunds: [buildRefund({ amount: 2_000, status, createdAt: minutesAfter(2 * DAY + 600) })],
      });
      for (const triage of [en, zh]) {
        const p = plan(triage, order, minutesAfter(3 * DAY));
        expect(p.findings).not.toContain('AMOUNT_MISMATCH');
        expect(p.actions.filter((a) => a.kind === 'send_payment_link' || a.kind === 'hold_shipment')).toEqual([]);
        for (const a of speaking(p)) expect(a.customerMessage?.text).not.toMatch(/held|paused shipping|暂缓|还差/);
      }
    });
  }
});

describe('oversell and warehouses', () => {
  const line = [{ sku: 'SKU-TEE-M', name: '纯棉T恤 M', quantity: 3, unitPrice: 19_900 }];
  const now = minutesAfter(30);

  it('restocks, never transfers, when the stock of all warehouses together is short', () => {
    const order = buildOrder({
      items: line,
      inventory: [
        buildInventory({ warehouse: 'SZ-01', onHand: 1, reserved: 0, syncedAt: minutesAfter(25) }),
        buildInventory({ warehouse: 'SH-02', onHand: 1, reserved: 0, syncedAt: minutesAfter(25) }),
      ],
    });
    const p = plan(en, order, now);
    expect(p.findings).toContain('OVERSOLD');
    expect(ofKind(p, 'urgent_restock').map((a) => a.params)).toEqual([{ sku: 'SKU-TEE-M', units: 1 }]);
    expect(ofKind(p, 'transfer_stock')).toEqual([]);
  });

  it('transfers the whole line from the warehouse that can cover it when a warehouse reports its stock missing and the total is enough', () => {
    const order = buildOrder({
      items: line,
      inventory: [
        buildInventory({ warehouse: 'SZ-01', onHand: 0, reserved: 0, syncedAt: minutesAfter(25) }),
        buildInventory({ warehouse: 'SH-02', onHand: 10, reserved: 0, syncedAt: minutesAfter(25) }),
      ],
      reports: [{ source: 'warehouse', kind: 'stock_missing', at: minutesAfter(20), text: 'SZ-01 shelf empty' }],
    });
    const p = plan(en, order, now);
    expect(p.findings).toContain('OVERSOLD');
    expect(ofKind(p, 'transfer_stock').map((a) => a.params)).toEqual([{ sku: 'SKU-TEE-M', units: 3, fromWarehouse: 'SH-02' }]);
    expect(ofKind(p, 'urgent_restock')).toEqual([]);
  });
});

describe("the demo's unpaid order with a bad address, a broken phone and a remark", () => {
  const order = buildOrder({
    status: 'pending_payment',
    payments: [],
    items: [{ sku: 'SKU-PHONE-CASE', name: '手机壳', quantity: 1, unitPrice: 2_900 }],
    totals: { shipping: 0 },
    shippingAddress: { name: '测试', phone: '1380013800', country: 'CN', province: '广东省', city: '深圳市', line1: '无' },
    remark: '急用,明天上午送到,谢谢',
  });
  const now = minutesAfter(45);

  it('gets one message, which never says a parcel was held and is not sent by SMS', () => {
    for (const triage of [en, zh]) {
      const p = plan(triage, order, now);
      expect(p.findings).toEqual(expect.arrayContaining(['PAYMENT_FAILED', 'ADDRESS_INVALID', 'PHONE_INVALID']));
      const message = theMessage(p);
      expect(message.customerMessage.text).not.toMatch(/we have held|held your parcel|暂缓了发货|已暂停发货/);
      expect(message.params.channels).not.toContain('sms');
      expect(message.because).toEqual(expect.arrayContaining(['PAYMENT_FAILED', 'ADDRESS_INVALID', 'PHONE_INVALID']));
    }
  });
});
