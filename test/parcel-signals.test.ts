// Issue 16's parcel signals, through the public API: what the library ignored (a label never
// picked up, a carrier exception) and what it misread (a parcel at a pickup point, a failed attempt).
import { createTriage } from 'order-triage';
import { buildOrder, buildShipment, customerMessageOf, customerTextOf, expectFailure, expectReport, logisticsScenarios, minutesAfter, trackingEvent } from 'order-triage/testing';
import { describe, expect, it } from 'vitest';

const DAY = 24 * 60;
const en = createTriage({ locale: 'en' });
const zh = createTriage({ locale: 'zh-CN' });

describe('parcel signals the library used to ignore', () => {
  it('raises NOT_PICKED_UP for a label printed 30 h ago with no pickup scan, and asks the carrier and the warehouse', () => {
    const { order, now } = logisticsScenarios.notPickedUp();
    const r = expectReport(en.evaluate(order, { now }));
    expect(r.findings.map((f) => [f.code, f.owner])).toEqual([['NOT_PICKED_UP', 'logistics']]);
    expect(r.actions.map((a) => a.kind)).toEqual(['urge_carrier', 'escalate']);
  });

  it('checks labelCreatedAt as a timestamp of the snapshot, naming its path when malformed', () => {
    const order = buildOrder({ status: 'processing', shipments: [buildShipment({ shippedAt: undefined, labelCreatedAt: 'yesterday', events: [] })] });
    const { error } = expectFailure(en.evaluate(order, { now: minutesAfter(30 * 60) }));
    expect(error.code).toBe('invalid_snapshot');
    expect(error.issues?.map((i) => i.path)).toEqual([['shipments', 0, 'labelCreatedAt']]);
  });

  it('raises CARRIER_EXCEPTION for a 问题件 event and tells the customer in Chinese that we are handling it with the courier', () => {
    const { order, now } = logisticsScenarios.carrierException();
    const r = expectReport(zh.evaluate(order, { now }));
    expect(r.findings.map((f) => f.code)).toEqual(['CARRIER_EXCEPTION']);
    expect(r.actions.map((a) => a.kind)).toEqual(['urge_carrier', 'contact_customer']);
    expect(customerTextOf(r)).toContain('我们正在和快递公司一起处理');
  });
});

describe('parcel signals the library used to misread', () => {
  it('reminds the customer of a parcel waiting at a pickup point past its ETA, where and until when, instead of urging the courier with a delay coupon', () => {
    const { order, now } = logisticsScenarios.awaitingPickup();
    const r = expectReport(zh.evaluate({ ...order, promisedDeliveryBy: minutesAfter(2 * DAY) }, { now }));
    expect(r.findings.map((f) => f.code)).toEqual(['DELIVERY_DELAYED', 'AWAITING_PICKUP']);
    expect(r.actions.map((a) => a.kind)).toEqual(['contact_customer']);
    expect(customerMessageOf(r)?.params.topics).toEqual(['awaiting_pickup']);
    expect(customerTextOf(r)).toContain('已经到达菜鸟驿站(科技园店)');
    expect(customerTextOf(r)).toContain('请在 2026年3月10日 10:00 前取走');
  });

  it('arranges a re-delivery after a failed attempt instead of an apology coupon', () => {
    const { order, now } = logisticsScenarios.deliveryAttemptFailed();
    const r = expectReport(en.evaluate({ ...order, promisedDeliveryBy: minutesAfter(3 * DAY) }, { now }));
    expect(r.findings.map((f) => f.code)).toEqual(['DELIVERY_DELAYED', 'DELIVERY_ATTEMPT_FAILED']);
    expect(r.actions.map((a) => a.kind)).toEqual(['contact_customer']);
    expect(customerMessageOf(r)?.params).toMatchObject({ reason: 'redelivery', options: ['redeliver', 'pickup_point'] });
  });

  it('still chases a late parcel with a delay coupon when no pickup point or failed attempt explains it', () => {
    const order = buildOrder({ status: 'shipped', shipments: [buildShipment({ events: [trackingEvent('picked_up', 120), trackingEvent('in_transit', 2 * DAY)] })] });
    const r = expectReport(en.evaluate(order, { now: minutesAfter(3 * DAY + 600) }));
    expect(r.findings.map((f) => f.code)).toEqual(['DELIVERY_DELAYED']);
    expect(r.actions.map((a) => a.kind)).toEqual(expect.arrayContaining(['urge_carrier', 'coupon', 'contact_customer']));
  });
});
