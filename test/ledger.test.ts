import { computeRefundableBalances, createTriage, type OrderSnapshotInput, OrderSnapshotSchema, type TriageReport } from 'order-triage';
import { buildInventory, buildOrder, buildPayment, buildRefund, buildShipment, expectFailure, expectReport, minutesAfter, trackingEvent } from 'order-triage/testing';
import { describe, expect, it } from 'vitest';

// docs/reliability.md, "The refund ledger when it does not add up": refund safety holds for
// ledgers that are inconsistent, forged or absurd, not only for consistent ones.

const triage = createTriage({ locale: 'en' });
const now = minutesAfter(120);
const MAX = Number.MAX_SAFE_INTEGER;

const refunds = (r: TriageReport) => r.actions.filter((a) => a.kind === 'refund').map((a) => [a.params.paymentId, a.params.amount]);
const reviews = (r: TriageReport) => r.actions.filter((a) => a.kind === 'manual_review').map((a) => a.params.reason);
const paidTwice = (extra: Partial<OrderSnapshotInput> = {}) =>
  buildOrder({
    payments: [buildPayment({ id: 'pay_1', createdAt: minutesAfter(1) }), buildPayment({ id: 'pay_2', method: 'wechat_pay', createdAt: minutesAfter(2) })],
    ...extra,
  });
/** A parcel lost with no stock to reship: everything still refundable goes back. */
const lostParcel = (extra: Partial<OrderSnapshotInput>) =>
  buildOrder({
    status: 'shipped',
    shipments: [buildShipment({ events: [trackingEvent('picked_up', 95), trackingEvent('lost', 100)] })],
    inventory: [buildInventory({ onHand: 0, reserved: 0, syncedAt: minutesAfter(115) })],
    ...extra,
  });

describe('one capture recorded under two payment ids', () => {
  it('is one payment, never a duplicate payment, when both records carry the same gateway transaction', () => {
    const order = buildOrder({
      payments: [buildPayment({ id: 'pay_1', gatewayTxnId: 'ALI-777' }), buildPayment({ id: 'PAY_1', gatewayTxnId: 'ALI-777', createdAt: minutesAfter(2) })],
    });
    const report = expectReport(triage.evaluate(order, { now }));
    expect(report.findings.map((f) => f.code)).not.toContain('DUPLICATE_PAYMENT');
    expect(refunds(report)).toEqual([]);
  });
});

describe('refund actions recorded with our key and other details', () => {
  it('make the ledger unclear when the recorded amount contradicts the key (yuan written for fen): finance reconciles, nothing is refunded', () => {
    const order = buildOrder({
      payments: [buildPayment({ id: 'pay_1', amount: 41_800 })],
      actionsTaken: [{ kind: 'refund', idempotencyKey: 'ORD-1001/refund/pay_1/30000', at: minutesAfter(20), amount: 1 }],
    });
    const report = expectReport(triage.evaluate(order, { now }));
    expect(refunds(report)).toEqual([]);
    expect(reviews(report)).toEqual(['refund_ledger_unclear']);
  });

  it('count in full when recorded under another kind than refund', () => {
    const order = buildOrder({
      payments: [buildPayment({ id: 'pay_1', amount: 41_800 })],
      actionsTaken: [{ kind: 'Refund', idempotencyKey: 'ORD-1001/refund/pay_1/30000', at: minutesAfter(20) }],
    });
    // 41,800 captured for 20,900 payable: the 30,000 already back covers the surplus and more.
    const report = expectReport(triage.evaluate(order, { now }));
    expect(report.findings.map((f) => f.code)).toContain('AMOUNT_MISMATCH');
    expect(refunds(report)).toEqual([]);
  });
});

describe('refund keys whose amount is not a plain decimal integer', () => {
  it('are refunds of unknown amount: finance reconciles instead of any refund being recommended (plain amounts from 0 up still count)', () => {
    const taken = (amount: string) => paidTwice({ actionsTaken: [{ kind: 'refund', idempotencyKey: `ORD-1001/refund/pay_2/${amount}`, at: minutesAfter(20) }] });
    expect(refunds(expectReport(triage.evaluate(taken('0'), { now })))).toEqual([['pay_2', 20_900]]);
    expect(refunds(expectReport(triage.evaluate(taken('10'), { now })))).toEqual([['pay_2', 20_890]]);
    expect(refunds(expectReport(triage.evaluate(taken('20900'), { now })))).toEqual([]);
    for (const forged of ['-50000', '', '1e4', '0x2710', '+100', ' 100', '1.5', '010', '00', String(MAX + 1)]) {
      const order = taken(encodeURIComponent(forged));
      const report = expectReport(triage.evaluate(order, { now }));
      expect(refunds(report), forged).toEqual([]);
      expect(reviews(report), forged).toEqual(['refund_ledger_unclear']);
      expect(computeRefundableBalances(OrderSnapshotSchema.parse(order)).blocked, forged).toBe(true);
    }
  });

  it('with an amount of their own count that amount against every payment', () => {
    const order = lostParcel({
      payments: [buildPayment({ id: 'pay_1', amount: 10_000 }), buildPayment({ id: 'pay_2', amount: 10_900, createdAt: minutesAfter(2) })],
      actionsTaken: [{ kind: 'refund', idempotencyKey: 'ORD-1001/refund/pay_1/-50000', at: minutesAfter(20), amount: 4_000 }],
    });
    expect(refunds(expectReport(triage.evaluate(order, { now })))).toEqual([
      ['pay_2', 6_900],
      ['pay_1', 6_000],
    ]);
  });
});

describe('one payment recorded twice', () => {
  it('is one payment, never a duplicate payment', () => {
    const payment = buildPayment({ id: 'pay_1' });
    for (const again of [payment, { ...payment, createdAt: minutesAfter(5), gatewayTxnId: 'retry' }]) {
      const report = expectReport(triage.evaluate(buildOrder({ payments: [payment, again] }), { now }));
      expect(report.findings.map((f) => f.code)).toEqual([]);
      expect(report.actions).toEqual([]);
    }
  });

  it('is one payment beside a real second one: the surplus is refunded once, from the later-paid payment', () => {
    const order = paidTwice();
    const report = expectReport(triage.evaluate({ ...order, payments: [...order.payments, order.payments[1], order.payments[0]] }, { now }));
    expect(report.findings.map((f) => f.code)).toEqual(['DUPLICATE_PAYMENT']);
    expect(report.findings[0]?.confidence).toBe(0.95);
    expect(refunds(report)).toEqual([['pay_2', 20_900]]);
  });

  it('whose records disagree about the money makes the ledger unclear: finance reviews, nothing is refunded', () => {
    for (const other of [{ method: 'card' }, { amount: 30_000 }, { status: 'pending' as const }, { currency: 'USD' }]) {
      const order = paidTwice();
      // The earlier record disagrees; the last one (which the facts read) is the succeeded payment.
      const conflicting = { ...order, payments: [buildPayment({ id: 'pay_1', createdAt: minutesAfter(1), ...other }), ...order.payments] };
      const report = expectReport(triage.evaluate(conflicting, { now }));
      expect(report.findings.map((f) => f.code)).toEqual(['DUPLICATE_PAYMENT']);
      expect(refunds(report), JSON.stringify(other)).toEqual([]);
      expect(reviews(report), JSON.stringify(other)).toEqual(['refund_ledger_unclear']);
    }
  });
});

describe('a refund recorded for more than its payment captured', () => {
  it('counts in full against the order: the excess is charged to the other payments', () => {
    const order = lostParcel({
      payments: [buildPayment({ id: 'pay_1', amount: 10_000 }), buildPayment({ id: 'pay_2', amount: 6_000, createdAt: minutesAfter(2) })],
      refunds: [buildRefund({ paymentId: 'pay_2', amount: 15_000 })],
    });
    expect(refunds(expectReport(triage.evaluate(order, { now })))).toEqual([['pay_1', 1_000]]);
    const ledger = computeRefundableBalances(OrderSnapshotSchema.parse(order));
    expect(ledger.payments.map((b) => [b.payment.id, b.refunded, b.refundable])).toEqual([
      ['pay_1', 0, 1_000],
      ['pay_2', 15_000, 0],
    ]);
  });

  it('counts in full together with refund actions taken on that payment', () => {
    const order = lostParcel({
      payments: [buildPayment({ id: 'pay_1', amount: 10_000 }), buildPayment({ id: 'pay_2', amount: 6_000, createdAt: minutesAfter(2) })],
      refunds: [buildRefund({ paymentId: 'pay_2', amount: 5_000 })],
      actionsTaken: [{ kind: 'refund', idempotencyKey: 'ORD-1001/refund/pay_2/3000', at: minutesAfter(20) }],
    });
    expect(refunds(expectReport(triage.evaluate(order, { now })))).toEqual([['pay_1', 8_000]]);
  });

  it('counts its excess in full when the payment is already marked refunded', () => {
    const order = lostParcel({
      payments: [buildPayment({ id: 'pay_1', amount: 10_000 }), buildPayment({ id: 'pay_2', amount: 6_000, status: 'refunded', createdAt: minutesAfter(2) })],
      refunds: [buildRefund({ paymentId: 'pay_2', amount: 6_000 }), buildRefund({ id: 'ref_2', paymentId: 'pay_2', amount: 2_500, status: 'pending' })],
    });
    expect(refunds(expectReport(triage.evaluate(order, { now })))).toEqual([['pay_1', 7_500]]);
    for (const amount of [6_000, 1_000]) {
      const settled = { ...order, refunds: [buildRefund({ paymentId: 'pay_2', amount })] };
      expect(refunds(expectReport(triage.evaluate(settled, { now }))), String(amount)).toEqual([['pay_1', 10_000]]);
    }
  });

  it('leaves nothing of the order refundable when it exceeds everything captured', () => {
    const order = lostParcel({
      payments: [buildPayment({ id: 'pay_1', amount: 10_000 }), buildPayment({ id: 'pay_2', amount: 6_000, createdAt: minutesAfter(2) })],
      refunds: [buildRefund({ paymentId: 'pay_2', amount: 16_000 })],
    });
    expect(refunds(expectReport(triage.evaluate(order, { now })))).toEqual([]);
  });
});

describe('money sums beyond Number.MAX_SAFE_INTEGER', () => {
  const payments = (last: number) => [buildPayment({ id: 'pay_1', amount: MAX - 20_900 }), buildPayment({ id: 'pay_2', amount: last, createdAt: minutesAfter(2) })];

  it('are refused as invalid_snapshot naming the record, never rounded; exactly MAX_SAFE_INTEGER is fine', () => {
    expectReport(triage.evaluate(buildOrder({ payments: payments(20_900) }), { now }));
    const failure = expectFailure(triage.evaluate(buildOrder({ payments: payments(20_901) }), { now }));
    expect(failure.error.code).toBe('invalid_snapshot');
    expect(failure.orderId).toBe('ORD-1001');
    expect(failure.error.issues.map((i) => i.path)).toEqual([['payments', 1, 'amount']]);
  });

  it('are refused for refunds and refund actions together, lines, and totals', () => {
    const cases: [Partial<OrderSnapshotInput>, (string | number)[]][] = [
      [{ refunds: [buildRefund({ amount: MAX })], actionsTaken: [{ kind: 'refund', idempotencyKey: 'crm-1', at: minutesAfter(20), amount: 1 }] }, ['actionsTaken', 0, 'amount']],
      [{ items: [{ sku: 'SKU-TEE-M', quantity: 2, unitPrice: 2 ** 52 }], totals: { items: 0, shipping: 0, discount: 0, payable: 20_900 } }, ['items', 0]],
      [{ totals: { items: MAX, shipping: 1, discount: MAX, payable: 20_900 } }, ['totals']],
    ];
    for (const [extra, path] of cases) {
      const failure = expectFailure(triage.evaluate(buildOrder(extra), { now }));
      expect(failure.error).toMatchObject({ code: 'invalid_snapshot', issues: [{ path }] });
    }
  });

  it('are refused for snapshots the caller marked trusted, in explain and in a batch too', async () => {
    const order = OrderSnapshotSchema.parse(buildOrder({ payments: payments(20_901) }));
    expect(expectFailure(triage.evaluate(order, { now, trusted: true })).error.code).toBe('invalid_snapshot');
    const explained = triage.explain(order, { now }, 'DUPLICATE_PAYMENT');
    expect('ok' in explained && explained.ok === false && explained.error.code).toBe('invalid_snapshot');
    const batch = await triage.evaluateBatch([order, buildOrder({ id: 'ORD-2' })], { now });
    expect(batch.summary.invalid).toBe(1);
    expect(batch.reports.map((r) => (r.ok ? 'report' : r.error.code))).toEqual(['invalid_snapshot', 'report']);
  });
});
