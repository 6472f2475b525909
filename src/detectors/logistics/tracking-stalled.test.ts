import { createTriage, type EvaluateResult } from 'order-triage';
import { buildInventory, buildOrder, buildShipment, logisticsScenarios, minutesAfter, trackingEvent } from 'order-triage/testing';
import { describe, expect, it } from 'vitest';
import { expectReport } from '../../../test/helpers.js';

const triage = createTriage({ locale: 'en' });
const codes = (r: EvaluateResult) => expectReport(r).findings.map((f) => f.code);
const DAY = 24 * 60;
const inTransit = (lastEventAt: number, extra: Parameters<typeof buildShipment>[0] = {}) =>
  buildOrder({
    status: 'shipped',
    shipments: [
      buildShipment({
        estimatedDeliveryAt: minutesAfter(30 * DAY),
        events: [trackingEvent('picked_up', 120), trackingEvent('in_transit', lastEventAt)],
        ...extra,
      }),
    ],
  });

describe('NOT_SHIPPED_ON_TIME', () => {
  it('fires past promisedShipBy, escalating to the warehouse and apologising to the customer', () => {
    const { order, now } = logisticsScenarios.notShippedOnTime();
    const r = expectReport(triage.evaluate(order, { now }));
    expect(r.findings.map((f) => f.code)).toEqual(['NOT_SHIPPED_ON_TIME']);
    expect(r.actions.map((a) => a.kind)).toEqual(['escalate', 'contact_customer', 'coupon']);
    expect(r.actions[1]?.customerMessage?.text).toMatch(/sorry/i);
    expect(r.actions[1]?.customerMessage?.text).toContain('CN¥5.00 coupon');
    expect(r.actions[2]?.params).toEqual({ amount: 500, currency: 'CNY', validDays: 30, reason: 'NOT_SHIPPED_ON_TIME' });
  });

  it('stays silent until promisedShipBy has passed, and once shipped', () => {
    expect(codes(triage.evaluate(buildOrder(), { now: minutesAfter(48 * 60) }))).toEqual([]);
    expect(codes(triage.evaluate(buildOrder({ shipments: [buildShipment()] }), { now: minutesAfter(50 * 60) }))).toEqual([]);
  });

  it('without a promise, counts shipWithinHours from payment, which can differ per destination country', () => {
    const { promisedShipBy: _none, ...order } = buildOrder();
    expect(codes(triage.evaluate(order, { now: minutesAfter(48 * 60 + 1) }))).toEqual([]); // paid at minute 1
    expect(codes(triage.evaluate(order, { now: minutesAfter(48 * 60 + 2) }))).toEqual(['NOT_SHIPPED_ON_TIME']);
    const perCountry = createTriage({ thresholds: { NOT_SHIPPED_ON_TIME: { byCountry: { CN: { shipWithinHours: 72 } } } } });
    expect(codes(perCountry.evaluate(order, { now: minutesAfter(60 * 60) }))).toEqual([]);
  });

  it('names its evidence: minutes past the promise against the grace period', () => {
    const { order, now } = logisticsScenarios.notShippedOnTime();
    const f = expectReport(triage.evaluate(order, { now })).findings[0];
    expect(f?.evidence.conditions).toContainEqual({ fact: 'shipping.minutesPastShipBy', value: 120, operator: 'greaterThan', threshold: 0, passed: true });
  });
});

describe('TRACKING_STALLED', () => {
  it('fires after 3 days without a tracking event, chasing the carrier and telling the customer', () => {
    const { order, now } = logisticsScenarios.trackingStalled();
    const r = expectReport(triage.evaluate(order, { now }));
    expect(r.findings.map((f) => f.code)).toEqual(['TRACKING_STALLED']);
    expect(r.actions.map((a) => [a.kind, a.params])).toContainEqual(['urge_carrier', { shipmentId: 'SHP-1', carrier: 'SF', trackingNumber: 'SF1234567890' }]);
    expect(r.actions.find((a) => a.kind === 'contact_customer')?.customerMessage?.text).toContain('SF1234567890');
  });

  it('stays silent just under 3 days, and for a delivered parcel', () => {
    expect(codes(triage.evaluate(inTransit(300), { now: minutesAfter(300 + 3 * DAY - 1) }))).toEqual([]);
    const delivered = buildOrder({ status: 'delivered', shipments: [buildShipment({ events: [trackingEvent('picked_up', 120), trackingEvent('delivered', DAY)] })] });
    expect(codes(triage.evaluate(delivered, { now: minutesAfter(20 * DAY) }))).toEqual([]);
  });

  it('does not call a parcel stalled over Spring Festival when the calendar marks it', () => {
    const holidays = ['2026-03-02', '2026-03-03', '2026-03-04'];
    const now = minutesAfter(300 + 4 * DAY);
    expect(codes(triage.evaluate(inTransit(300), { now }))).toEqual(['TRACKING_STALLED']);
    expect(codes(triage.evaluate(inTransit(300), { now, calendar: { holidays } }))).toEqual([]);
    const allDays = createTriage({ thresholds: { TRACKING_STALLED: { countBusinessDays: false } } });
    expect(codes(allDays.evaluate(inTransit(300), { now, calendar: { holidays } }))).toEqual(['TRACKING_STALLED']);
  });

  it('counts a parcel handed over but never scanned as silent since it was shipped', () => {
    const unscanned = inTransit(0, { events: [] }); // shippedAt at minute 120
    expect(codes(triage.evaluate(unscanned, { now: minutesAfter(120 + 3 * DAY - 1) }))).toEqual([]);
    expect(codes(triage.evaluate(unscanned, { now: minutesAfter(120 + 3 * DAY) }))).toEqual(['TRACKING_STALLED']);
  });

  it('sorts events that arrive out of order and ignores duplicates', () => {
    const shuffled = inTransit(0, {
      events: [trackingEvent('in_transit', 2 * DAY), trackingEvent('picked_up', 120), trackingEvent('picked_up', 120), trackingEvent('in_transit', 2 * DAY)],
    });
    const r = expectReport(triage.evaluate(shuffled, { now: minutesAfter(4 * DAY) }));
    expect(r.findings).toEqual([]); // the latest event is 2 days old, whatever order it arrived in
    expect(codes(triage.evaluate(shuffled, { now: minutesAfter(5 * DAY) }))).toEqual(['TRACKING_STALLED']);
  });

  it('takes thresholds per carrier', () => {
    const perCarrier = createTriage({ thresholds: { TRACKING_STALLED: { byCarrier: { SF: { stalledDays: 2 } } } } });
    const now = minutesAfter(300 + 2 * DAY);
    expect(codes(triage.evaluate(inTransit(300), { now }))).toEqual([]);
    expect(codes(perCarrier.evaluate(inTransit(300), { now }))).toEqual(['TRACKING_STALLED']);
    expect(expectReport(perCarrier.evaluate(inTransit(300), { now })).findings[0]?.evidence.thresholds).toEqual({ stalledDays: 2, countBusinessDays: true });
  });

  it('becomes PACKAGE_LOST, not both, past the lost threshold', () => {
    expect(codes(triage.evaluate(inTransit(300), { now: minutesAfter(300 + 7 * DAY) }))).toEqual(['PACKAGE_LOST']);
  });

  it('names its evidence: working days since the last event against stalledDays', () => {
    const { order, now } = logisticsScenarios.trackingStalled();
    const f = expectReport(triage.evaluate(order, { now })).findings[0];
    expect(f?.evidence.conditions).toContainEqual({ fact: 'tracking.businessDaysSinceLastEvent', value: 4, operator: 'greaterThanInclusive', threshold: 3, passed: true });
    expect(f?.evidence.records.shipments?.[0]).toMatchObject({ carrier: 'SF', trackingNumber: 'SF1234567890' });
  });
});

describe('DELIVERY_DELAYED', () => {
  it('fires past the estimated delivery time, with one progress message', () => {
    const { order, now } = logisticsScenarios.deliveryDelayed();
    const r = expectReport(triage.evaluate(order, { now }));
    expect(r.findings.map((f) => f.code)).toEqual(['DELIVERY_DELAYED']);
    expect(r.actions.map((a) => a.kind)).toEqual(['urge_carrier', 'contact_customer', 'coupon']);
  });

  it('stays silent before the due time and once delivered', () => {
    const { order } = logisticsScenarios.deliveryDelayed(); // due at day 3
    expect(codes(triage.evaluate(order, { now: minutesAfter(3 * DAY) }))).toEqual([]);
    expect(codes(triage.evaluate({ ...order, status: 'delivered' }, { now: minutesAfter(4 * DAY) }))).toEqual([]);
  });

  it('prefers the promised delivery date to the carrier’s estimate, and honours a grace period per country', () => {
    const { order } = logisticsScenarios.deliveryDelayed();
    const promised = { ...order, promisedDeliveryBy: minutesAfter(5 * DAY) };
    expect(codes(triage.evaluate(promised, { now: minutesAfter(4 * DAY) }))).toEqual([]);
    const lenient = createTriage({ thresholds: { DELIVERY_DELAYED: { byCountry: { CN: { graceMinutes: 2 * DAY } } } } });
    expect(codes(lenient.evaluate(order, { now: minutesAfter(4 * DAY) }))).toEqual([]);
  });

  it('sends a parcel both stalled and late one message, not two', () => {
    const late = inTransit(300, { estimatedDeliveryAt: minutesAfter(2 * DAY) });
    const r = expectReport(triage.evaluate(late, { now: minutesAfter(300 + 4 * DAY) }));
    expect(r.findings.map((f) => f.code)).toEqual(['TRACKING_STALLED', 'DELIVERY_DELAYED']);
    const messages = r.actions.filter((a) => a.kind === 'contact_customer');
    expect(messages).toHaveLength(1);
    expect(messages[0]?.because).toEqual(['TRACKING_STALLED', 'DELIVERY_DELAYED']);
  });

  it('names its evidence: minutes past due against the grace period', () => {
    const { order, now } = logisticsScenarios.deliveryDelayed();
    const f = expectReport(triage.evaluate(order, { now })).findings[0];
    expect(f?.evidence.conditions).toContainEqual({ fact: 'delivery.minutesPastDue', value: DAY, operator: 'greaterThan', threshold: 0, passed: true });
  });
});

describe('PACKAGE_LOST', () => {
  it('reships when stock allows, and claims from the carrier', () => {
    const { order, now } = logisticsScenarios.packageLost();
    const r = expectReport(triage.evaluate(order, { now }));
    expect(r.actions.map((a) => a.kind)).toEqual(['reship', 'coupon', 'carrier_claim']);
    expect(r.actions[0]?.params).toEqual({ items: [{ sku: 'SKU-TEE-M', quantity: 1 }], reason: 'package_lost' });
  });

  it('refunds in full when the stock is short, never past what was captured', () => {
    const { order, now } = logisticsScenarios.packageLost();
    const r = expectReport(triage.evaluate({ ...order, inventory: [buildInventory({ onHand: 0, reserved: 0, syncedAt: minutesAfter(DAY + 50) })] }, { now }));
    expect(r.actions.map((a) => [a.kind, a.params])).toEqual([
      ['refund', { paymentId: 'pay_1', amount: 20_900, currency: 'CNY', method: 'alipay', reason: 'package_lost' }],
      ['coupon', { amount: 1_000, currency: 'CNY', validDays: 30, reason: 'PACKAGE_LOST' }],
      ['carrier_claim', { shipmentId: 'SHP-1', carrier: 'SF', trackingNumber: 'SF1234567890', reason: 'lost' }],
    ]);
  });

  it('offers the customer the choice when the snapshot has no stock data', () => {
    const { order, now } = logisticsScenarios.packageLost();
    const { inventory: _none, ...withoutStock } = order;
    const r = expectReport(triage.evaluate(withoutStock, { now }));
    expect(r.actions.map((a) => [a.kind, a.params])).toContainEqual(['contact_customer', { reason: 'package_lost', channels: ['phone', 'sms'], options: ['reship', 'refund'] }]);
  });

  it('fires when tracking says delivered but the customer reports not receiving it', () => {
    const { order, now } = logisticsScenarios.deliveredNotReceived();
    const f = expectReport(triage.evaluate(order, { now })).findings[0];
    expect(f?.code).toBe('PACKAGE_LOST');
    expect(f?.confidence).toBe(0.6);
    expect(f?.evidence.records.reports).toHaveLength(1);
  });

  it('stays silent one day short of lostAfterDays, which can be changed', () => {
    expect(codes(triage.evaluate(inTransit(300), { now: minutesAfter(300 + 7 * DAY - 1) }))).toEqual(['TRACKING_STALLED']);
    const patient = createTriage({ thresholds: { PACKAGE_LOST: { lostAfterDays: 10 } } });
    expect(codes(patient.evaluate(inTransit(300), { now: minutesAfter(300 + 9 * DAY) }))).toEqual(['TRACKING_STALLED']);
  });

  it("names its evidence: the carrier's lost event", () => {
    const { order, now } = logisticsScenarios.packageLost();
    const f = expectReport(triage.evaluate(order, { now })).findings[0];
    expect(f?.evidence.conditions).toContainEqual({ fact: 'tracking.hasLostEvent', value: true, operator: 'equal', threshold: true, passed: true });
    expect(f?.confidence).toBe(0.95);
  });
});

describe('PACKAGE_DAMAGED', () => {
  it('fires on a damaged event, offering reship or refund and claiming from the carrier', () => {
    const { order, now } = logisticsScenarios.packageDamaged();
    const r = expectReport(triage.evaluate(order, { now }));
    expect(r.findings.map((f) => f.code)).toEqual(['PACKAGE_DAMAGED']);
    expect(r.actions.map((a) => a.kind)).toEqual(['contact_customer', 'coupon', 'carrier_claim']);
  });

  it("counts a customer's damaged report, and stays silent without either", () => {
    const reported = buildOrder({ status: 'delivered', reports: [{ source: 'customer', kind: 'damaged', at: minutesAfter(DAY), text: '屏幕碎了' }] });
    expect(codes(triage.evaluate(reported, { now: minutesAfter(DAY + 5) }))).toEqual(['PACKAGE_DAMAGED']);
    expect(codes(triage.evaluate(inTransit(300), { now: minutesAfter(DAY) }))).toEqual([]);
  });

  it('has no thresholds to change: options for it are rejected', () => {
    expect(() => createTriage({ thresholds: { PACKAGE_DAMAGED: { days: 1 } } } as never)).toThrow(/thresholds\.PACKAGE_DAMAGED\.days/);
  });

  it('names its evidence: the damaged event and who reported it', () => {
    const reported = buildOrder({ status: 'delivered', reports: [{ source: 'customer', kind: 'damaged', at: minutesAfter(DAY), text: '屏幕碎了' }] });
    const f = expectReport(triage.evaluate(reported, { now: minutesAfter(DAY + 5) })).findings[0];
    expect(f?.evidence.conditions).toContainEqual({ fact: 'reports.damagedCount', value: 1, operator: 'greaterThan', threshold: 0, passed: true });
    expect(f?.evidence.records.reports).toEqual([{ source: 'customer', kind: 'damaged', at: minutesAfter(DAY), text: '屏幕碎了' }]);
  });
});

describe('DELIVERY_REFUSED', () => {
  it('fires on a refusal and asks the customer why', () => {
    const { order, now } = logisticsScenarios.deliveryRefused();
    const r = expectReport(triage.evaluate(order, { now }));
    expect(r.findings.map((f) => f.code)).toEqual(['DELIVERY_REFUSED']);
    expect(r.actions[0]?.params).toEqual({ reason: 'refusal_reason', channels: ['phone', 'sms'], options: ['quality_issue', 'changed_mind', 'other'] });
  });

  it('counts a return to sender, and is not also a late delivery', () => {
    const returned = buildOrder({
      status: 'shipped',
      shipments: [buildShipment({ events: [trackingEvent('picked_up', 120), trackingEvent('returned_to_sender', 5 * DAY)] })],
    });
    expect(codes(triage.evaluate(returned, { now: minutesAfter(6 * DAY) }))).toEqual(['DELIVERY_REFUSED']);
  });

  it('stays silent for an out-for-delivery parcel, and has no thresholds to change', () => {
    const out = inTransit(0, { events: [trackingEvent('out_for_delivery', DAY)] });
    expect(codes(triage.evaluate(out, { now: minutesAfter(DAY + 60) }))).toEqual([]);
    expect(() => createTriage({ thresholds: { DELIVERY_REFUSED: { x: 1 } } } as never)).toThrow(/DELIVERY_REFUSED/);
  });

  it('names its evidence: the refusal event', () => {
    const { order, now } = logisticsScenarios.deliveryRefused();
    const f = expectReport(triage.evaluate(order, { now })).findings[0];
    expect(f?.evidence.conditions[0]).toEqual({ fact: 'tracking.hasRefusedEvent', value: true, operator: 'equal', threshold: true, passed: true });
    expect(f?.evidence.facts['tracking.lastEventCode']).toBe('refused');
  });
});
