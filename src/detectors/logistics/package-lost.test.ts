import { createTriage, type EvaluateResult } from 'order-triage';
import { buildInventory, customerTextOf, expectReport, logisticsScenarios, minutesAfter } from 'order-triage/testing';
import { describe, expect, it } from 'vitest';
import { DAY, inTransit } from './logistics-fixtures.js';

const triage = createTriage({ locale: 'en' });
const codes = (r: EvaluateResult) => expectReport(r).findings.map((f) => f.code);

describe('PACKAGE_LOST', () => {
  it('reships when stock allows, and claims from the carrier', () => {
    const { order, now } = logisticsScenarios.packageLost();
    const r = expectReport(triage.evaluate(order, { now }));
    expect(r.actions.map((a) => a.kind)).toEqual(['reship', 'carrier_claim', 'coupon', 'contact_customer']);
    expect(r.actions[0]?.params).toEqual({ items: [{ sku: 'SKU-TEE-M', quantity: 1 }], reason: 'package_lost' });
    expect(customerTextOf(r)).toContain('We will send “纯棉T恤 M” to you again');
  });

  it('refunds in full when the stock is short, never past what was captured', () => {
    const { order, now } = logisticsScenarios.packageLost();
    const r = expectReport(triage.evaluate({ ...order, inventory: [buildInventory({ onHand: 0, reserved: 0, syncedAt: minutesAfter(DAY + 50) })] }, { now }));
    expect(r.actions.filter((a) => a.kind !== 'contact_customer').map((a) => [a.kind, a.params])).toEqual([
      ['refund', { paymentId: 'pay_1', amount: 20_900, currency: 'CNY', method: 'alipay', reason: 'package_lost' }],
      ['carrier_claim', { shipmentId: 'SHP-1', carrier: 'SF', trackingNumber: 'SF1234567890', reason: 'lost' }],
      ['coupon', { amount: 1_000, currency: 'CNY', validDays: 30, reason: 'PACKAGE_LOST' }],
    ]);
    expect(customerTextOf(r)).toContain('We will refund CN¥209.00 to your Alipay');
  });

  it('offers the customer the choice when the snapshot has no stock data', () => {
    const { order, now } = logisticsScenarios.packageLost();
    const { inventory: _none, ...withoutStock } = order;
    const r = expectReport(triage.evaluate(withoutStock, { now }));
    expect(r.actions.map((a) => [a.kind, a.params])).toContainEqual([
      'contact_customer',
      { reason: 'package_lost', topics: ['package_lost'], channels: ['phone', 'sms'], options: ['reship', 'refund'], describes: ['ORD-1001/coupon/compensation/1000'] },
    ]);
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
