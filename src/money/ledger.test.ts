import fc from 'fast-check';
import { type OrderSnapshotInput, OrderSnapshotSchema } from 'order-triage';
import { buildOrder, buildPayment, buildRefund, minutesAfter } from 'order-triage/testing';
import { describe, expect, it } from 'vitest';
import { addMinorUnits } from './add-minor-units.js';
import { distinctPayments } from './distinct-payments.js';
import { ledgerIssues } from './ledger-issues.js';
import { parseKeyAmount, parseRefundKey, readRecordedRefund } from './refund-key.js';

const MAX = Number.MAX_SAFE_INTEGER;
const parse = (order: OrderSnapshotInput) => OrderSnapshotSchema.parse(order);
const paths = (order: OrderSnapshotInput) => ledgerIssues(parse(order)).map((issue) => issue.path);
const refundAction = (idempotencyKey: string, amount?: number, kind = 'refund') => ({ kind, idempotencyKey, at: minutesAfter(30), ...(amount === undefined ? {} : { amount }) });

describe('parseKeyAmount', () => {
  it('reads exactly what the key builder writes: plain decimal integers up to MAX_SAFE_INTEGER', () => {
    expect(['0', '7', '10', '10000', String(MAX)].map(parseKeyAmount)).toEqual([0, 7, 10, 10_000, MAX]);
  });

  it('refuses signs, exponents, hex, blanks, spaces, fractions, leading zeros and unsafe integers', () => {
    for (const text of [
      '-50000',
      '-0',
      '',
      '1e4',
      '0x2710',
      '+100',
      ' 100',
      '100 ',
      '1.5',
      '10.',
      '010',
      '00',
      'Infinity',
      'NaN',
      '１０',
      String(MAX + 1),
      '9007199254740993',
      '1'.repeat(400),
    ]) {
      expect(parseKeyAmount(text), JSON.stringify(text)).toBeUndefined();
    }
  });
});

describe('parseRefundKey', () => {
  it('reads a refund key of ours for this order, decoding its parts', () => {
    expect(parseRefundKey('ORD-1/refund/pay%2F2/10000', 'ORD-1')).toEqual({ paymentId: 'pay/2', amount: 10_000 });
    expect(parseRefundKey('ORD-1/refund/pay_2/0', 'ORD-1')).toEqual({ paymentId: 'pay_2', amount: 0 });
  });

  it('is undefined for another order, another kind, another shape, bad escapes or an amount that is not plain', () => {
    for (const key of [
      'ORD-2/refund/pay_2/100',
      'ORD-1/coupon/pay_2/100',
      'ORD-1/refund/pay_2',
      'ORD-1/refund/pay_2/100/1',
      'ORD-1/refund/%E0%A4%A/100',
      'ORD-1/refund/pay_2/-100',
      'ORD-1/refund/pay_2/1e2',
      'ORD-1/refund/pay_2/',
    ]) {
      expect(parseRefundKey(key, 'ORD-1'), key).toBeUndefined();
    }
  });
});

describe('readRecordedRefund', () => {
  it('reads an action of kind refund, or any action whose key is a refund key of ours, whatever its kind', () => {
    expect(readRecordedRefund(refundAction('ORD-1/refund/pay_2/100'), 'ORD-1')).toEqual({ paymentId: 'pay_2', amount: 100 });
    expect(readRecordedRefund(refundAction('ORD-1/refund/pay_2/100', undefined, 'Refund'), 'ORD-1')).toEqual({ paymentId: 'pay_2', amount: 100 });
    expect(readRecordedRefund(refundAction('crm-7', 300), 'ORD-1')).toEqual({ paymentId: undefined, amount: 300 });
    expect(readRecordedRefund(refundAction('crm-7'), 'ORD-1')).toEqual({ paymentId: undefined, amount: undefined });
    expect(readRecordedRefund(refundAction('crm-7', 300, 'coupon'), 'ORD-1')).toBeUndefined();
    expect(readRecordedRefund(refundAction('ORD-2/refund/pay_2/100', 100, 'coupon'), 'ORD-1')).toBeUndefined();
  });

  it('knows no amount when an action contradicts its own key of ours, and agrees when they match', () => {
    expect(readRecordedRefund(refundAction('ORD-1/refund/pay_2/20900', 209), 'ORD-1')).toEqual({ paymentId: 'pay_2', amount: undefined });
    expect(readRecordedRefund(refundAction('ORD-1/refund/pay_2/20900', 20_900), 'ORD-1')).toEqual({ paymentId: 'pay_2', amount: 20_900 });
    expect(readRecordedRefund(refundAction('ORD-1/refund/pay_2/0', 0), 'ORD-1')).toEqual({ paymentId: 'pay_2', amount: 0 });
  });
});

describe('addMinorUnits', () => {
  it('adds exactly up to MAX_SAFE_INTEGER and refuses one unit more instead of rounding', () => {
    expect(addMinorUnits(MAX - 1, 1)).toBe(MAX);
    expect(addMinorUnits(0, MAX)).toBe(MAX);
    expect(addMinorUnits(2, 3)).toBe(5);
    expect(() => addMinorUnits(MAX, 1)).toThrow(RangeError);
    expect(() => addMinorUnits(MAX, MAX)).toThrow(/refused, not rounded/);
  });
});

describe('distinctPayments', () => {
  const pay = (over: Parameters<typeof buildPayment>[0]) => buildPayment({ amount: 5_000, ...over });

  it('returns the list as it is when no id repeats', () => {
    const order = parse(buildOrder({ payments: [pay({ id: 'pay_1' }), pay({ id: 'pay_2' })] }));
    expect(distinctPayments(order)).toEqual({ payments: order.payments, conflicting: false });
    expect(distinctPayments(order).payments).toBe(order.payments);
  });

  it('keeps the last record of a repeated id, at its own place, and agrees when the money agrees', () => {
    const first = pay({ id: 'pay_1', createdAt: minutesAfter(1) });
    const again = pay({ id: 'pay_1', createdAt: minutesAfter(3), currency: 'CNY' });
    const order = parse(buildOrder({ payments: [first, pay({ id: 'pay_2' }), again] }));
    const read = distinctPayments(order);
    expect(read.payments.map((p) => [p.id, p.createdAt])).toEqual([
      ['pay_2', order.payments[1]?.createdAt],
      ['pay_1', minutesAfter(3)],
    ]);
    expect(read.conflicting).toBe(false);
  });

  it('counts the same record listed twice once', () => {
    const order = parse(buildOrder({ payments: [pay({ id: 'pay_1' })] }));
    const twice = { ...order, payments: [order.payments[0], order.payments[0]] } as typeof order;
    expect(distinctPayments(twice)).toEqual({ payments: [order.payments[0]], conflicting: false });
  });

  it('counts one capture recorded under two ids (same method and gateway transaction) once, and distinct transactions apart', () => {
    const order = parse(buildOrder({ payments: [pay({ id: 'pay_1', gatewayTxnId: 'ALI-777' }), pay({ id: 'PAY_1', gatewayTxnId: 'ALI-777' })] }));
    expect(distinctPayments(order)).toEqual({ payments: [order.payments[1]], conflicting: false });
    const other = parse(
      buildOrder({
        payments: [pay({ id: 'pay_1', gatewayTxnId: 'ALI-777' }), pay({ id: 'pay_2', gatewayTxnId: 'ALI-778' }), pay({ id: 'pay_3', method: 'card', gatewayTxnId: 'ALI-777' })],
      }),
    );
    expect(distinctPayments(other).payments).toHaveLength(3);
    const disagreeing = parse(buildOrder({ payments: [pay({ id: 'pay_1', gatewayTxnId: 'ALI-777' }), pay({ id: 'PAY_1', gatewayTxnId: 'ALI-777', amount: 5_001 })] }));
    expect(distinctPayments(disagreeing).conflicting).toBe(true);
  });

  it('finds a conflict when two records of one id differ in status, amount, currency or method', () => {
    for (const other of [{ status: 'pending' as const }, { amount: 5_001 }, { currency: 'USD' }, { method: 'card' }]) {
      const order = parse(buildOrder({ payments: [pay({ id: 'pay_1' }), pay({ id: 'pay_1', ...other })] }));
      expect(distinctPayments(order).conflicting, JSON.stringify(other)).toBe(true);
      expect(distinctPayments(order).payments).toHaveLength(1);
    }
  });
});

describe('ledgerIssues', () => {
  it('finds nothing wrong with a real order', () => {
    expect(ledgerIssues(parse(buildOrder({ refunds: [buildRefund()], actionsTaken: [refundAction('ORD-1001/refund/pay_1/100')] })))).toEqual([]);
  });

  it('accepts payments adding up to exactly MAX_SAFE_INTEGER and names the payment that takes the sum one unit past it', () => {
    const payments = (last: number) => [
      buildPayment({ id: 'pay_1', amount: MAX - 10 }),
      buildPayment({ id: 'pay_2', amount: 5, status: 'failed' }),
      buildPayment({ id: 'pay_3', amount: last }),
    ];
    expect(paths(buildOrder({ payments: payments(5) }))).toEqual([]);
    expect(paths(buildOrder({ payments: payments(6) }))).toEqual([['payments', 2, 'amount']]);
    expect(ledgerIssues(parse(buildOrder({ payments: payments(6) })))[0]?.message).toMatch(/the payments add up to more than Number\.MAX_SAFE_INTEGER.*never rounded/);
  });

  it('sums the refunds, failed ones included, up to exactly MAX_SAFE_INTEGER', () => {
    const refunds = (last: number) => [buildRefund({ id: 'r1', amount: MAX - 1, status: 'failed' }), buildRefund({ id: 'r2', amount: last })];
    expect(paths(buildOrder({ refunds: refunds(1) }))).toEqual([]);
    expect(paths(buildOrder({ refunds: refunds(2) }))).toEqual([['refunds', 1, 'amount']]);
  });

  it('sums refund actions after the refunds, reading an amount from a key of ours, and ignores other actions', () => {
    const refunds = [buildRefund({ amount: MAX - 100 })];
    expect(paths(buildOrder({ refunds, actionsTaken: [refundAction('x', 60), refundAction('ORD-1001/refund/pay_1/40')] }))).toEqual([]);
    expect(paths(buildOrder({ refunds, actionsTaken: [refundAction('x', 60), refundAction('ORD-1001/refund/pay_1/41')] }))).toEqual([['actionsTaken', 1, 'idempotencyKey']]);
    expect(paths(buildOrder({ refunds, actionsTaken: [refundAction('crm-1'), refundAction('c', MAX, 'coupon'), refundAction('x', 101)] }))).toEqual([
      ['actionsTaken', 2, 'amount'],
    ]);
    expect(ledgerIssues(parse(buildOrder({ refunds, actionsTaken: [refundAction('x', 101)] })))[0]?.message).toMatch(/^the refunds and refund actions taken add up/);
  });

  it('checks each line’s quantity × unit price and the lines together, exactly at the boundary', () => {
    const line = (quantity: number, unitPrice: number) => ({ sku: 'SKU-1', quantity, unitPrice });
    const totals = { items: 0, shipping: 0, discount: 0, payable: 0 };
    expect(paths(buildOrder({ totals, items: [line(1, MAX)] }))).toEqual([]);
    expect(paths(buildOrder({ totals, items: [line(3, 3_002_399_751_580_330)] }))).toEqual([]); // 9007199254740990
    expect(paths(buildOrder({ totals, items: [line(2, 2 ** 52)] }))).toEqual([['items', 0]]); // 2^53
    expect(paths(buildOrder({ totals, items: [line(MAX, MAX)] }))).toEqual([['items', 0]]);
    expect(paths(buildOrder({ totals, items: [line(2, 10), line(1, MAX - 20)] }))).toEqual([]);
    expect(paths(buildOrder({ totals, items: [line(2, 10), line(1, MAX - 19)] }))).toEqual([['items', 1]]);
    expect(paths(buildOrder({ totals, items: [line(0, MAX), line(1, MAX)] }))).toEqual([]);
  });

  it('checks totals.items + shipping + tax, exactly at the boundary', () => {
    expect(paths(buildOrder({ totals: { items: MAX - 3, shipping: 2, tax: 1, discount: MAX, payable: 0 } }))).toEqual([]);
    expect(paths(buildOrder({ totals: { items: MAX - 3, shipping: 2, tax: 2, discount: 0, payable: 0 } }))).toEqual([['totals']]);
    expect(paths(buildOrder({ totals: { items: MAX - 1, shipping: 2, discount: 0, payable: 0 } }))).toEqual([['totals']]);
  });

  it('finds a sum out of range in an order without refunds or actions taken exactly when exact (BigInt) running sums leave the range', () => {
    const near = fc.oneof(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: MAX - 1000, max: MAX }), fc.constantFrom(0, 2 ** 52, Math.floor(MAX / 2), Math.floor(MAX / 3)));
    const leaves = (terms: bigint[]) =>
      terms.reduce<{ sum: bigint; out: boolean }>((a, t) => ({ sum: a.sum + t, out: a.out || a.sum + t > BigInt(MAX) }), { sum: 0n, out: false }).out;
    fc.assert(
      fc.property(
        fc.array(near, { minLength: 1, maxLength: 3 }),
        fc.array(fc.tuple(fc.constantFrom(0, 1, 2, 3, 1000), near), { minLength: 1, maxLength: 3 }),
        fc.tuple(near, near, fc.option(near, { nil: undefined })),
        (amounts, lines, [items, shipping, tax]) => {
          const order = parse(
            buildOrder({
              payments: amounts.map((amount, i) => buildPayment({ id: `pay_${i}`, amount })),
              items: lines.map(([quantity, unitPrice], i) => ({ sku: `SKU-${i}`, quantity, unitPrice })),
              totals: { items, shipping, discount: 0, payable: 0, ...(tax === undefined ? {} : { tax }) },
            }),
          );
          expect(order.refunds ?? []).toEqual([]);
          expect(order.actionsTaken ?? []).toEqual([]);
          const expected = [leaves(amounts.map(BigInt)), leaves(lines.map(([q, p]) => BigInt(q) * BigInt(p))), leaves([BigInt(items), BigInt(shipping), BigInt(tax ?? 0)])].filter(
            Boolean,
          ).length;
          expect(ledgerIssues(order)).toHaveLength(expected);
        },
      ),
      { numRuns: 3_000, seed: 41 },
    );
  });

  it('names every sum that leaves the range, one issue each', () => {
    const order = buildOrder({
      totals: { items: MAX, shipping: 1, discount: 0, payable: 0 },
      items: [{ sku: 'A', quantity: 2, unitPrice: MAX }],
      payments: [buildPayment({ amount: MAX }), buildPayment({ id: 'pay_2', amount: MAX })],
      refunds: [buildRefund({ amount: MAX }), buildRefund({ id: 'ref_2', amount: 1 })],
    });
    expect(paths(order)).toEqual([['payments', 1, 'amount'], ['refunds', 1, 'amount'], ['items', 0], ['totals']]);
    expect(ledgerIssues(parse(order)).map((issue) => issue.message.split(' add up to more than Number.MAX_SAFE_INTEGER minor units: ')[0])).toEqual([
      'the payments',
      'the refunds',
      'the lines (quantity × unitPrice)',
      'totals.items, shipping and tax',
    ]);
    expect(ledgerIssues(parse(order))[3]?.message).toMatch(/: a money sum beyond the safe range cannot be exact, so it is refused, never rounded$/);
  });
});
