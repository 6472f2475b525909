import { type Action, createTriage, type MessageCatalogue, messageCatalogues } from 'order-triage';
import {
  buildInventory,
  buildOrder,
  buildPayment,
  buildReport,
  buildShipment,
  customerTextOf,
  expectReport,
  fraudScenarios,
  inventoryScenarios,
  logisticsScenarios,
  minutesAfter,
  paymentScenarios,
  trackingEvent,
} from 'order-triage/testing';
import { describe, expect, it } from 'vitest';

const triage = createTriage({ locale: 'en' });
const DAY = 24 * 60;
const kinds = (actions: readonly Action[]) => actions.map((a) => a.kind);
const find = <K extends Action['kind']>(actions: readonly Action[], kind: K) => actions.find((a): a is Extract<Action, { kind: K }> => a.kind === kind);

describe('compensation', () => {
  it('gives the coupon of the customer’s tier, and the regular amount when the tier is unknown', () => {
    const { order, now } = logisticsScenarios.notShippedOnTime();
    const amount = (tier?: 'new' | 'regular' | 'vip') => {
      const customer = tier === undefined ? { id: 'C' } : { ...order.customer, tier };
      return find(expectReport(triage.evaluate({ ...order, customer }, { now })).actions, 'coupon')?.params.amount;
    };
    expect([amount('new'), amount('regular'), amount('vip'), amount()]).toEqual([500, 500, 1_000, 500]);
  });

  it('gives one compensation per incident: tops up to the largest due, counting coupons already given, never past the cap', () => {
    const { order, now } = logisticsScenarios.notShippedOnTime();
    const given = (amount: number) => ({ ...order, actionsTaken: [{ kind: 'coupon', idempotencyKey: 'crm-c1', at: minutesAfter(10), amount }] });
    expect(find(expectReport(triage.evaluate(given(300), { now })).actions, 'coupon')?.params.amount).toBe(200);
    expect(find(expectReport(triage.evaluate(given(500), { now })).actions, 'coupon')).toBeUndefined();
    const r = expectReport(triage.evaluate(given(500), { now }));
    expect(find(r.actions, 'contact_customer')?.customerMessage?.text).not.toContain('coupon');
    const capped = createTriage({ locale: 'en', policy: { compensation: { CNY: { coupons: { NOT_SHIPPED_ON_TIME: { regular: 3_000 } }, maxPerOrder: 700 } } } });
    expect(find(expectReport(capped.evaluate(order, { now })).actions, 'coupon')?.params.amount).toBe(700);
  });

  it('gives no coupon in a currency the policy has no compensation for', () => {
    const { order, now } = logisticsScenarios.notShippedOnTime();
    const yen = { ...order, currency: 'JPY', payments: [buildPayment({ amount: 20_900, currency: 'JPY' })] };
    expect(kinds(expectReport(triage.evaluate(yen, { now })).actions)).toEqual(['escalate', 'contact_customer']);
  });

  it('needs approval for a coupon above the agent’s authority', () => {
    const generous = createTriage({
      policy: { compensation: { CNY: { coupons: { NOT_SHIPPED_ON_TIME: { regular: 30_000 } }, maxPerOrder: 50_000 } } },
    });
    const { order, now } = logisticsScenarios.notShippedOnTime();
    expect(find(expectReport(generous.evaluate(order, { now })).actions, 'coupon')).toMatchObject({
      params: { amount: 30_000 },
      requiresApproval: 'supervisor',
      automatable: false,
    });
  });

  it('is a configuration away for a USD shop', () => {
    const { order, now } = logisticsScenarios.notShippedOnTime();
    const usd = { ...order, currency: 'USD', payments: [buildPayment({ amount: 20_900, currency: 'USD' })] };
    const r = expectReport(triage.evaluate(usd, { now }));
    expect(find(r.actions, 'coupon')?.params).toEqual({ amount: 200, currency: 'USD', validDays: 30, reason: 'NOT_SHIPPED_ON_TIME' });
    expect(find(r.actions, 'contact_customer')?.customerMessage?.text).toContain('$2.00 coupon');
  });
});

describe('currencies with other minor units', () => {
  it.each([
    ['JPY', 1_500, '¥1,500'],
    ['KWD', 12_345, 'KWD\u00a012.345'],
  ])('refund %s exactly, in its own minor units', (currency, amount, shown) => {
    const order = buildOrder({
      currency,
      items: [{ sku: 'X', quantity: 1, unitPrice: amount }],
      totals: { shipping: 0 },
      payments: [buildPayment({ id: 'pay_1', amount }), buildPayment({ id: 'pay_2', amount, createdAt: minutesAfter(2) })],
    });
    const r = expectReport(triage.evaluate(order, { now: minutesAfter(30) }));
    expect(find(r.actions, 'refund')?.params).toMatchObject({ paymentId: 'pay_2', amount, currency });
    expect(customerTextOf(r)).toContain(shown);
  });
});

describe('oversold', () => {
  it('restocks what is short in total, never transferring from a warehouse whose stock was already counted', () => {
    const { order, now } = inventoryScenarios.oversold();
    const withDonor = { ...order, inventory: [...(order.inventory ?? []), buildInventory({ warehouse: 'GZ-02', onHand: 40, reserved: 0, syncedAt: minutesAfter(25) })] };
    // Both warehouses count towards the SKU's stock, so make the order short overall.
    const short = { ...withDonor, items: [{ sku: 'SKU-TEE-M', name: 'T', quantity: 45, unitPrice: 19_900 }] };
    const r = expectReport(triage.evaluate(short, { now }));
    expect(find(r.actions, 'urgent_restock')?.params).toEqual({ sku: 'SKU-TEE-M', units: 4 });
    expect(find(r.actions, 'transfer_stock')).toBeUndefined();
  });

  it('transfers from another warehouse that covers the line when a warehouse reports stock missing the figures still show', () => {
    const order = buildOrder({
      inventory: [
        buildInventory({ warehouse: 'SZ-01', onHand: 5, reserved: 0, syncedAt: minutesAfter(25) }),
        buildInventory({ warehouse: 'GZ-02', onHand: 40, reserved: 0, syncedAt: minutesAfter(25) }),
      ],
      reports: [buildReport({ source: 'warehouse', kind: 'stock_missing', at: minutesAfter(20) })],
    });
    const r = expectReport(triage.evaluate(order, { now: minutesAfter(30) }));
    expect(r.findings.map((f) => f.code)).toContain('OVERSOLD');
    expect(find(r.actions, 'transfer_stock')?.params).toEqual({ sku: 'SKU-TEE-M', units: 1, fromWarehouse: 'GZ-02' });
    expect(find(r.actions, 'urgent_restock')).toBeUndefined();
  });

  it('handles VIP and high-value orders first: phone as well, due on the next severity’s SLA', () => {
    const { order, now } = inventoryScenarios.oversold();
    const regular = expectReport(triage.evaluate(order, { now }));
    const vip = expectReport(triage.evaluate({ ...order, customer: { ...order.customer, tier: 'vip' } }, { now }));
    expect(find(regular.actions, 'contact_customer')?.params.channels).toEqual(['sms']);
    expect(find(vip.actions, 'contact_customer')?.params.channels).toEqual(['phone', 'sms']);
    // high severity: 60 min; one up (critical): 15 min.
    expect(find(regular.actions, 'urgent_restock')?.dueBy).toBe('2026-03-01T03:30:00.000Z');
    expect(find(vip.actions, 'urgent_restock')?.dueBy).toBe('2026-03-01T02:45:00.000Z');
  });

  it('offers waiting or a refund, with the coupon either way', () => {
    const { order, now } = inventoryScenarios.oversold();
    const r = expectReport(triage.evaluate(order, { now }));
    expect(find(r.actions, 'contact_customer')?.params.options).toEqual(['wait_for_restock', 'refund']);
    expect(find(r.actions, 'contact_customer')?.customerMessage?.text).toContain('CN¥10.00 coupon');
  });
});

describe('refused parcels', () => {
  const refused = (...reports: Parameters<typeof buildReport>[0][]) => {
    const { order, now } = logisticsScenarios.deliveryRefused();
    return {
      order: {
        ...order,
        payments: [buildPayment({ id: 'pay_1', amount: 12_000 }), buildPayment({ id: 'pay_2', amount: 8_900, createdAt: minutesAfter(2) })],
        reports: reports.map((r) => buildReport({ at: minutesAfter(2 * DAY + 90), ...r })),
      },
      now,
    };
  };

  it('ask the customer why while no reason is on record', () => {
    const { order, now } = refused();
    expect(kinds(expectReport(triage.evaluate(order, { now })).actions)).toEqual(['contact_customer']);
  });

  const back = (status: 'received' | 'inspected') => [{ id: 'RET-1', shipmentId: 'SHP-1', status, at: minutesAfter(2 * DAY + 100) }];

  it('wait for the parcel to come back before refunding, saying what will be refunded', () => {
    const { order, now } = refused({ kind: 'other', text: '不想要了' });
    const r = expectReport(triage.evaluate(order, { now }));
    expect(kinds(r.actions)).toEqual(['contact_customer']);
    expect(customerTextOf(r)).toContain('Once it arrives, we will refund CN¥199.00 to your original payment method (CN¥10.00 shipping already deducted');
  });

  it('start a return for a quality problem, admitting no defect before inspection', () => {
    const { order, now } = refused({ kind: 'damaged', text: '外包装破了' });
    const r = expectReport(triage.evaluate(order, { now }));
    expect(r.actions.map((a) => [a.kind, a.params])).toEqual([
      ['request_return', { shipmentId: 'SHP-1', reason: 'refused_quality_issue' }],
      expect.arrayContaining(['contact_customer']),
    ]);
    expect(customerTextOf(r)).toContain('once we have inspected it, we will refund you in full');
    expect(customerTextOf(r)).not.toMatch(/choose|replacement|quality problem/i);
  });

  it('refund less the shipping fee, split across payments by largest remainder, when not a quality problem', () => {
    const { order: refusedOrder, now } = refused({ kind: 'other', text: '不想要了' });
    const order = { ...refusedOrder, returns: back('received') };
    const r = expectReport(triage.evaluate(order, { now }));
    const refunds = r.actions.filter((a) => a.kind === 'refund');
    // 20,900 paid − 1,000 shipping = 19,900, in proportion 12,000 : 8,900.
    expect(refunds.map((a) => [a.params.paymentId, a.params.amount, a.params.reason])).toEqual([
      ['pay_1', 11_426, 'refused_not_quality'],
      ['pay_2', 8_474, 'refused_not_quality'],
    ]);
    expect(customerTextOf(r)).toContain('CN¥10.00 shipping is deducted');
    expect(customerTextOf(r)).toContain('We will refund CN¥114.26 to your Alipay and CN¥84.74 to your Alipay');
  });

  it('refund in full for a quality problem once the return is inspected', () => {
    const { order: refusedOrder, now } = refused({ kind: 'wrong_item', text: '发错货了' });
    const order = { ...refusedOrder, returns: back('inspected') };
    const refunds = expectReport(triage.evaluate(order, { now })).actions.filter((a) => a.kind === 'refund');
    expect(refunds.map((a) => [a.params.amount, a.params.reason])).toEqual([
      [12_000, 'refused_quality_issue'],
      [8_900, 'refused_quality_issue'],
    ]);
  });

  it('refund in full when the policy deducts no shipping', () => {
    const { order: refusedOrder, now } = refused({ kind: 'other' });
    const order = { ...refusedOrder, returns: back('received') };
    const noDeduction = createTriage({ policy: { refusal: { deductShipping: false } } });
    const total = expectReport(noDeduction.evaluate(order, { now }))
      .actions.filter((a) => a.kind === 'refund')
      .reduce((s, a) => s + (a.kind === 'refund' ? a.params.amount : 0), 0);
    expect(total).toBe(20_900);
  });
});

describe('fraud', () => {
  it('proposes the repeater’s unlisted identifiers for the blacklist, for a supervisor to approve', () => {
    const home = { ...buildOrder().shippingAddress, line1: '幸福路8号3栋201室' };
    const order = buildOrder({ device: { fingerprint: 'fp-new' }, shippingAddress: home });
    const r = expectReport(triage.evaluate(order, { now: minutesAfter(30), blacklist: { customerIds: ['CUST-1'] } }));
    expect(find(r.actions, 'add_to_blacklist')).toMatchObject({
      params: { phones: ['13800138000'], addresses: ['广东省 深圳市 南山区 幸福路8号3栋201室'], devices: ['fp-new'] },
      automatable: false,
      requiresApproval: 'supervisor',
    });
  });

  it.each([
    ['a whole office tower', '深南大道10000号腾讯大厦'],
    ['a tower’s reception desk', '科技园 腾讯大厦 前台'],
    ['a parcel station', '南山区菜鸟驿站'],
    ['a parcel locker', '幸福小区 丰巢快递柜'],
  ])('never proposes %s for the blacklist when a listed buyer ships there', (_name, line1) => {
    const order = buildOrder({ device: { fingerprint: 'fp-new' }, shippingAddress: { ...buildOrder().shippingAddress, line1 } });
    const r = expectReport(triage.evaluate(order, { now: minutesAfter(30), blacklist: { customerIds: ['CUST-1'] } }));
    expect(find(r.actions, 'add_to_blacklist')).toMatchObject({ params: { phones: ['13800138000'], devices: ['fp-new'] }, requiresApproval: 'supervisor' });
    expect(find(r.actions, 'add_to_blacklist')?.params).not.toHaveProperty('addresses');
  });

  it('puts only severe cases to a manager to report to the police', () => {
    const expensive = buildOrder({ items: [{ sku: 'GOLD', quantity: 1, unitPrice: 1_200_000 }] });
    const blacklist = { customerIds: ['CUST-1'] };
    expect(find(expectReport(triage.evaluate(buildOrder(), { now: minutesAfter(30), blacklist })).actions, 'report_to_authorities')).toBeUndefined();
    expect(find(expectReport(triage.evaluate(expensive, { now: minutesAfter(30), blacklist })).actions, 'report_to_authorities')).toMatchObject({
      params: { reason: 'blacklisted_high_value', amount: 1_201_000, currency: 'CNY' },
      requiresApproval: 'manager',
    });
  });
});

describe('conflicting actions', () => {
  it('a cancellation drops payment requests, coupons and other customer contacts', () => {
    const { order, now, context } = fraudScenarios.blacklisted(); // awaiting payment
    const messy = { ...order, shippingAddress: { ...order.shippingAddress, line1: '无' }, createdAt: minutesAfter(-60) };
    const r = expectReport(triage.evaluate(messy, { now, ...context }));
    expect(r.findings.map((f) => f.code)).toEqual(['PAYMENT_FAILED', 'ADDRESS_INVALID', 'BLACKLISTED']);
    expect(kinds(r.actions)).toEqual(['cancel_order', 'add_to_blacklist', 'contact_customer']);
    // The one message is about the cancellation, not about fixing an address for an order that will not ship.
    expect(find(r.actions, 'contact_customer')?.params.topics).toEqual(['cannot_fulfil']);
  });

  it('a whole-order refund for a lost parcel never comes with a reshipment from another finding', () => {
    const { order, now } = logisticsScenarios.packageLost();
    const short = { ...order, inventory: [buildInventory({ onHand: 0, reserved: 0, syncedAt: minutesAfter(DAY + 50) })] };
    const r = expectReport(triage.evaluate(short, { now }));
    expect(kinds(r.actions)).toContain('refund');
    expect(kinds(r.actions)).not.toContain('reship');
  });

  it('a parcel both stalled and late gets one message, one chase and one coupon', () => {
    const order = buildOrder({
      status: 'shipped',
      shipments: [buildShipment({ estimatedDeliveryAt: minutesAfter(2 * DAY), events: [trackingEvent('in_transit', 300)] })],
    });
    const r = expectReport(triage.evaluate(order, { now: minutesAfter(300 + 4 * DAY) }));
    expect(kinds(r.actions)).toEqual(['urge_carrier', 'coupon', 'contact_customer']);
  });
});

describe('the case record', () => {
  const { order, now } = logisticsScenarios.deliveryDelayed();

  it('reports what is open and since when, keeping the date a finding was first seen', () => {
    const first = expectReport(triage.evaluate(order, { now }));
    // now is day 4 at 10:00 in Shanghai: 2026-03-05T02:00Z.
    expect(first.case).toEqual({
      evaluatedAt: '2026-03-05T02:00:00.000Z',
      policyVersion: '1',
      // First seen: new; look again when its actions are due (medium: 4 hours).
      openFindings: [{ code: 'DELIVERY_DELAYED', since: '2026-03-05T02:00:00.000Z', state: 'new', nextCheckAt: '2026-03-05T06:00:00.000Z' }],
    });
    const later = expectReport(triage.evaluate({ ...order, openFindings: first.case.openFindings }, { now: minutesAfter(4 * DAY + 60) }));
    expect(later.case.openFindings).toMatchObject([{ code: 'DELIVERY_DELAYED', since: '2026-03-05T02:00:00.000Z', state: 'acting' }]);
    expect(JSON.parse(JSON.stringify(later.case))).toEqual(later.case);
  });

  it('escalates a finding open past each level, to that level’s role', () => {
    const open = { ...order, openFindings: [{ code: 'DELIVERY_DELAYED', since: minutesAfter(4 * DAY - 300) }] };
    const at5h = expectReport(triage.evaluate(open, { now: minutesAfter(4 * DAY) }));
    expect(find(at5h.actions, 'escalate')?.params).toEqual({ to: 'supervisor', reason: 'DELIVERY_DELAYED', openMinutes: 300 });
    const at2d = expectReport(triage.evaluate({ ...open, openFindings: [{ code: 'DELIVERY_DELAYED', since: minutesAfter(2 * DAY) }] }, { now: minutesAfter(4 * DAY) }));
    expect(find(at2d.actions, 'escalate')?.params.to).toBe('manager');
    const fresh = expectReport(triage.evaluate({ ...open, openFindings: [{ code: 'DELIVERY_DELAYED', since: minutesAfter(4 * DAY - 60) }] }, { now: minutesAfter(4 * DAY) }));
    expect(find(fresh.actions, 'escalate')).toBeUndefined();
  });

  it('schedules a follow-up survey once an open finding is resolved', () => {
    const delivered = buildOrder({ status: 'delivered', openFindings: [{ code: 'DELIVERY_DELAYED', since: minutesAfter(3 * DAY) }] });
    const r = expectReport(triage.evaluate(delivered, { now: minutesAfter(5 * DAY) }));
    expect(r.findings).toEqual([]);
    expect(r.actions).toEqual([
      expect.objectContaining({
        kind: 'follow_up_survey',
        // resolved by day 5 (2026-03-06T02:00Z); surveyed 24 hours later
        params: { resolved: ['DELIVERY_DELAYED'], surveyAt: '2026-03-07T02:00:00.000Z' },
        dueBy: '2026-03-07T02:00:00.000Z',
        because: ['DELIVERY_DELAYED'],
      }),
    ]);
    expect(r.actions[0]?.customerMessage?.text).toContain('We have sorted out the late delivery on your order ORD-1001');
  });
});

describe('messages and notes', () => {
  const en = messageCatalogues.en;
  it('give every action a staff note with its real figures', () => {
    const { order, now } = paymentScenarios.duplicatePayment();
    const r = expectReport(triage.evaluate(order, { now }));
    expect(r.actions[0]?.note).toBe('Order ORD-1001: refund CN¥209.00 to payment pay_2 (WeChat Pay); reason: duplicate payment.');
  });

  it('can be written for a new locale by configuration', () => {
    const de: MessageCatalogue = {
      ...en,
      locale: 'de-DE',
      customer: {
        ...en.customer,
        remedies: { ...en.customer.remedies, refunds: (m) => `Wir erstatten ${m.parts.map((p) => p.amount).join(', ')}.` },
        compose: (m) => `Hallo! Bestellung ${m.orderId}: ${m.remedies.join(' ')}`,
      },
    };
    const german = createTriage({ locale: 'de-DE', messages: { 'de-DE': de } });
    const { order, now } = paymentScenarios.duplicatePayment();
    const message = expectReport(german.evaluate(order, { now })).actions.find((a) => a.kind === 'contact_customer');
    expect(message?.customerMessage).toEqual({ locale: 'de-DE', text: 'Hallo! Bestellung ORD-1001: Wir erstatten 209,00\u00a0CN¥.' });
  });

  it('reject a custom catalogue with gaps, listing each', () => {
    const partial = {
      ...en,
      locale: 'fr-FR',
      summaries: { ...en.summaries, OVERSOLD: undefined },
      customer: { ...en.customer, sections: { ...en.customer.sections, duplicateCharge: 'texte' } },
    };
    expect(() => createTriage({ locale: 'fr-FR', messages: { 'fr-FR': partial as never } })).toThrow(
      /messages\["fr-FR"\]\.summaries\.OVERSOLD: must be a function[\s\S]*messages\["fr-FR"\]\.customer\.sections\.duplicateCharge: must be a function/,
    );
    expect(() => createTriage({ locale: 'ja-JP' })).toThrow(/locale: unknown locale "ja-JP"/);
  });
});
