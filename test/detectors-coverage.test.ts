import { createTriage, type DetectorCode, detectorCodes, type OrderSnapshotInput } from 'order-triage';
import {
  buildOrder,
  buildPayment,
  customerScenarios,
  expectReport,
  fraudScenarios,
  inventoryScenarios,
  logisticsScenarios,
  minutesAfter,
  paymentScenarios,
  type Scenario,
  systemScenarios,
} from 'order-triage/testing';
import { describe, expect, it } from 'vitest';

const triage = createTriage();
const codes = (s: Scenario) => expectReport(triage.evaluate(s.order, { now: s.now, ...s.context })).findings.map((f) => f.code);

// Each code's scenario, and the snapshot data without which the detector must stay silent.
const cases: readonly [DetectorCode, () => Scenario, (order: OrderSnapshotInput) => OrderSnapshotInput][] = [
  ['PAYMENT_FAILED', paymentScenarios.paymentFailed, (o) => ({ ...o, payments: [buildPayment({ method: 'cod', status: 'pending' })] })],
  ['DUPLICATE_PAYMENT', paymentScenarios.duplicatePayment, (o) => ({ ...o, payments: o.payments.slice(0, 1) })],
  ['AMOUNT_MISMATCH', paymentScenarios.overpaid, (o) => ({ ...o, payments: [] })],
  ['PAID_NOT_UPDATED', paymentScenarios.paidNotUpdated, (o) => ({ ...o, payments: [] })],
  ['CAPTURED_NOT_REFUNDED', paymentScenarios.capturedNotRefunded, (o) => ({ ...o, payments: [] })],
  ['REFUND_FAILED', paymentScenarios.refundFailed, ({ refunds: _r, actionsTaken: _a, ...o }) => o],
  ['PAYMENT_CLAIMED', paymentScenarios.paymentClaimed, ({ reports: _r, ...o }) => o],
  ['OVERSOLD', inventoryScenarios.oversold, ({ inventory: _i, ...o }) => o],
  ['RESERVATION_FAILED', inventoryScenarios.reservationFailed, ({ reservations: _r, ...o }) => o],
  ['STOCK_SYNC_LAG', inventoryScenarios.stockSyncLag, ({ inventory: _i, ...o }) => o],
  ['NOT_SHIPPED_ON_TIME', logisticsScenarios.notShippedOnTime, ({ promisedShipBy: _p, ...o }) => ({ ...o, payments: [] })],
  ['TRACKING_STALLED', logisticsScenarios.trackingStalled, ({ shipments: _s, ...o }) => o],
  ['DELIVERY_DELAYED', logisticsScenarios.deliveryDelayed, ({ shipments: _s, ...o }) => o],
  ['PACKAGE_LOST', logisticsScenarios.packageLost, ({ shipments: _s, ...o }) => o],
  ['PACKAGE_DAMAGED', logisticsScenarios.packageDamaged, ({ shipments: _s, ...o }) => o],
  ['DELIVERY_REFUSED', logisticsScenarios.deliveryRefused, ({ shipments: _s, ...o }) => o],
  ['NOT_PICKED_UP', logisticsScenarios.notPickedUp, (o) => ({ ...o, shipments: o.shipments?.map(({ labelCreatedAt: _l, ...s }) => s) })],
  ['CARRIER_EXCEPTION', logisticsScenarios.carrierException, ({ shipments: _s, ...o }) => o],
  ['AWAITING_PICKUP', logisticsScenarios.awaitingPickup, ({ shipments: _s, ...o }) => o],
  ['DELIVERY_ATTEMPT_FAILED', logisticsScenarios.deliveryAttemptFailed, ({ shipments: _s, ...o }) => o],
  ['WRONG_ITEM', logisticsScenarios.wrongItem, ({ reports: _r, ...o }) => o],
  ['MISSING_ITEM', logisticsScenarios.missingItem, ({ reports: _r, ...o }) => o],
  ['ADDRESS_INVALID', customerScenarios.addressInvalid, (o) => ({ ...o, shippingAddress: buildOrder().shippingAddress })],
  ['PHONE_INVALID', customerScenarios.phoneInvalid, (o) => ({ ...o, shippingAddress: buildOrder().shippingAddress })],
  ['REMARK_NEEDS_ATTENTION', customerScenarios.remarkNeedsAttention, ({ remark: _r, ...o }) => o],
  ['ORDER_CREATE_FAILED', systemScenarios.orderCreateFailed, (o) => ({ ...o, status: 'paid' })],
  ['SYNC_FAILED', systemScenarios.syncFailed, ({ sync: _s, ...o }) => o],
  ['BLACKLISTED', fraudScenarios.blacklisted, (o) => o],
  ['SUSPICIOUS_NEW_ACCOUNT', fraudScenarios.suspiciousNewAccount, (o) => ({ ...o, customer: { id: o.customer.id } })],
  ['ABNORMAL_QUANTITY', fraudScenarios.abnormalQuantity, (o) => ({ ...o, items: [{ sku: 'SKU-MASK', quantity: 20, unitPrice: 500 }], totals: { ...o.totals } })],
];

describe('every per-order code', () => {
  it('has a scenario here', () => {
    expect(cases.map(([code]) => code)).toEqual(detectorCodes);
  });

  it.each(cases)('%s fires on its scenario, alone', (code, scenario) => {
    expect(codes(scenario())).toEqual([code]);
  });

  it.each(cases)('%s stays silent once the data it needs is taken away', (code, scenario, without) => {
    const s = scenario();
    const context = code === 'BLACKLISTED' ? {} : s.context; // the blacklist is the data BLACKLISTED needs
    expect(expectReport(triage.evaluate(without(s.order), { now: s.now, ...context })).findings.map((f) => f.code)).not.toContain(code);
  });
});

describe('several exceptions on one order', () => {
  it('are all reported, in catalogue order, each with its own actions', () => {
    const order = buildOrder({
      status: 'pending_payment',
      payments: [buildPayment({ status: 'failed', failureReason: 'insufficient_funds' })],
      items: [{ sku: 'SKU-MASK', name: '口罩', quantity: 40, unitPrice: 500 }],
      shippingAddress: { name: '测试', phone: '12345', country: 'CN', line1: '无' },
      remark: '加急!明天上午送到',
    });
    const r = expectReport(triage.evaluate(order, { now: minutesAfter(10) }));
    expect(r.findings.map((f) => f.code)).toEqual(['PAYMENT_FAILED', 'ADDRESS_INVALID', 'PHONE_INVALID', 'REMARK_NEEDS_ATTENTION', 'ABNORMAL_QUANTITY']);
    for (const finding of r.findings) expect(r.actions.some((a) => a.because.includes(finding.code))).toBe(true);
  });

  it('at checkout (awaiting payment, nothing paid) catch bad addresses, phones and blacklisted buyers before payment', () => {
    const draft = buildOrder({
      status: 'pending_payment',
      payments: [],
      shippingAddress: { name: '王五', phone: '1234', country: 'CN', province: '广东省', city: '深圳市', line1: '测试' },
    });
    const r = expectReport(triage.evaluate(draft, { now: minutesAfter(1), blacklist: { customerIds: ['CUST-1'] } }));
    expect(r.findings.map((f) => f.code)).toEqual(['ADDRESS_INVALID', 'PHONE_INVALID', 'BLACKLISTED']);
    expect(r.actions.map((a) => a.kind)).toContain('cancel_order');
  });
});
