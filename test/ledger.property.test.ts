import fc from 'fast-check';
import { type Action, createTriage, type OrderSnapshotInput } from 'order-triage';
import { buildInventory, buildOrder, buildReport, buildShipment, expectReport, minutesAfter, trackingEvent } from 'order-triage/testing';
import { describe, expect, it } from 'vitest';

// docs/reliability.md, "The refund ledger when it does not add up": over inconsistent ledgers
// (one payment id recorded twice, refunds beyond their payment, refunds naming no payment or a
// payment in another currency, forged and malformed refund keys, refund actions with and without
// an amount, pending and failed refunds), what is recommended plus what already went back never
// exceeds what was captured, and nothing is refunded automatically while a refund of unknown
// amount or a payment's conflicting records leave the ledger unclear.

const triage = createTriage({ locale: 'en' });
const now = minutesAfter(120);
const ORDER_ID = 'ORD-1001';
const IDS = ['pay_1', 'pay_2', 'pay_3'] as const;
const FORGED = ['-50000', '', '1e4', '0x2710', '+100', ' 100', '1.5', '010', '9007199254740992'];

type PaymentInput = OrderSnapshotInput['payments'][number];

const payment = fc.record({
  id: fc.constantFrom(...IDS),
  method: fc.constantFrom('alipay', 'wechat_pay', 'card'),
  status: fc.constantFrom('succeeded', 'succeeded', 'succeeded', 'failed', 'pending', 'refunded'),
  amount: fc.integer({ min: 0, max: 60_000 }),
  currency: fc.constantFrom(undefined, undefined, undefined, 'CNY', 'USD'),
  createdAt: fc.integer({ min: 0, max: 90 }).map((m) => minutesAfter(m)),
});

const refundKey = fc.oneof(
  fc.record({ id: fc.constantFrom(...IDS, 'ghost'), amount: fc.integer({ min: 0, max: 40_000 }) }).map(({ id, amount }) => `${ORDER_ID}/refund/${id}/${amount}`),
  fc.record({ id: fc.constantFrom(...IDS), amount: fc.constantFrom(...FORGED) }).map(({ id, amount }) => `${ORDER_ID}/refund/${id}/${encodeURIComponent(amount)}`),
  fc.constantFrom('backoffice-1', 'ORD-9999/refund/pay_1/100', `${ORDER_ID}/refund/pay_1`, `${ORDER_ID}/refund/%E0%A4%A/100`),
);

const ledger = fc.record({
  payments: fc.array(payment, { minLength: 1, maxLength: 4 }),
  // Exact copies of some payments appended again: an at-least-once feed.
  copies: fc.array(fc.nat(), { maxLength: 2 }),
  payable: fc.integer({ min: 0, max: 80_000 }),
  refunds: fc.array(
    fc.record({
      paymentId: fc.constantFrom(...IDS, 'ghost', undefined),
      amount: fc.integer({ min: 0, max: 80_000 }),
      status: fc.constantFrom('pending', 'succeeded', 'failed'),
      currency: fc.constantFrom(undefined, undefined, 'USD'),
    }),
    { maxLength: 3 },
  ),
  actions: fc.array(
    // A refund key of ours may be recorded under another kind ('Refund', a backend's own name).
    fc.record({
      kind: fc.constantFrom('refund', 'refund', 'refund', 'coupon', 'Refund', 'refund_manual'),
      key: refundKey,
      amount: fc.option(fc.integer({ min: 0, max: 30_000 }), { nil: undefined }),
    }),
    { maxLength: 3 },
  ),
  // How everything still refundable may be asked back on top of any surplus.
  remedy: fc.constantFrom('none', 'lost', 'refused'),
});

type Ledger = typeof ledger extends fc.Arbitrary<infer T> ? T : never;

function toOrder(l: Ledger): OrderSnapshotInput {
  const payments: PaymentInput[] = l.payments.map((p) => {
    const { currency, ...rest } = p;
    return { ...rest, ...(currency === undefined ? {} : { currency }), ...(p.status === 'succeeded' ? { paidAt: p.createdAt } : {}) };
  });
  for (const i of l.copies) payments.push(payments[i % payments.length] as PaymentInput);
  const shipped = l.remedy !== 'none';
  return buildOrder({
    ...(shipped ? { status: 'shipped' as const } : {}),
    ...(l.remedy === 'lost'
      ? {
          shipments: [buildShipment({ events: [trackingEvent('picked_up', 95), trackingEvent('lost', 100)] })],
          inventory: [buildInventory({ onHand: 0, reserved: 0, syncedAt: minutesAfter(115) })],
        }
      : {}),
    ...(l.remedy === 'refused'
      ? {
          shipments: [buildShipment({ events: [trackingEvent('picked_up', 95), trackingEvent('refused', 100)] })],
          reports: [buildReport({ source: 'customer', kind: 'damaged', at: minutesAfter(110) })],
        }
      : {}),
    totals: { items: l.payable, shipping: 0, discount: 0, payable: l.payable },
    payments,
    refunds: l.refunds.map((r, i) => ({
      id: `ref_${i}`,
      amount: r.amount,
      status: r.status,
      createdAt: minutesAfter(100),
      ...(r.paymentId === undefined ? {} : { paymentId: r.paymentId }),
      ...(r.currency === undefined ? {} : { currency: r.currency }), // an unknown field: the engine cannot read it
    })),
    actionsTaken: l.actions.map((a) => ({ kind: a.kind, idempotencyKey: a.key, at: minutesAfter(110), ...(a.amount === undefined ? {} : { amount: a.amount }) })),
  });
}

// The oracle, written independently of src/money: each payment id once (its last record), and
// the ledger as a careful person would read it.

const PLAIN = /^(0|[1-9][0-9]*)$/;

function keyAmount(key: string): number | undefined {
  const parts = key.split('/');
  if (parts.length !== 4 || parts[0] !== ORDER_ID || parts[1] !== 'refund') return undefined;
  let amount: string;
  try {
    amount = decodeURIComponent(parts[3] as string);
    decodeURIComponent(parts[2] as string);
  } catch {
    return undefined;
  }
  return PLAIN.test(amount) && Number.isSafeInteger(Number(amount)) ? Number(amount) : undefined;
}

interface Reading {
  readonly unclear: boolean;
  readonly captured: number;
  readonly committed: number;
  readonly succeededIds: ReadonlySet<string>;
}

function read(o: OrderSnapshotInput): Reading {
  const last = new Map<string, PaymentInput>();
  let conflicting = false;
  for (const p of o.payments) {
    const before = last.get(p.id);
    const money = (x: PaymentInput) => [x.status, x.amount, x.method, x.currency ?? o.currency].join('|');
    if (before !== undefined && money(before) !== money(p)) conflicting = true;
    last.set(p.id, p);
  }
  const mine = [...last.values()].filter((p) => (p.currency ?? o.currency) === o.currency);
  const foreign = new Set([...last.values()].filter((p) => (p.currency ?? o.currency) !== o.currency && (p.status === 'succeeded' || p.status === 'refunded')).map((p) => p.id));
  const captured = mine.filter((p) => p.status === 'succeeded' || p.status === 'refunded').reduce((s, p) => s + p.amount, 0);
  let committed = 0;
  for (const r of o.refunds ?? []) if (r.status !== 'failed' && !(r.paymentId !== undefined && foreign.has(r.paymentId))) committed += r.amount;
  let unknown = false;
  for (const a of o.actionsTaken ?? []) {
    const fromKey = keyAmount(a.idempotencyKey);
    if (a.kind !== 'refund' && fromKey === undefined) continue;
    // An amount its own key contradicts: either may have gone back, so the larger counts, and the
    // ledger is unclear.
    if (a.amount !== undefined && fromKey !== undefined && a.amount !== fromKey) unknown = true;
    const amount = a.amount === undefined ? fromKey : Math.max(a.amount, fromKey ?? 0);
    if (amount === undefined) unknown = true;
    else committed += amount;
  }
  const succeededIds = new Set(mine.filter((p) => p.status === 'succeeded').map((p) => p.id));
  return { unclear: conflicting || unknown, captured, committed, succeededIds };
}

const refundsOf = (actions: readonly Action[]) => actions.flatMap((a) => (a.kind === 'refund' ? [a] : []));

describe('refund safety over inconsistent ledgers', () => {
  it('never recommends more than captured less what already went back, and nothing while the ledger is unclear', { timeout: 120_000 }, () => {
    const seen = { refundedOnDuplicateIds: 0, refundedWithExcess: 0, refundedWithForgedKey: 0, unclearWithFinding: 0 };
    fc.assert(
      fc.property(ledger, (l) => {
        const o = toOrder(l);
        const report = expectReport(triage.evaluate(o, { now }));
        const refunds = refundsOf(report.actions);
        const ledgerRead = read(o);
        const paymentIds = refunds.map((r) => r.params.paymentId);
        expect(new Set(paymentIds).size).toBe(paymentIds.length); // one refund per payment
        for (const r of refunds) {
          expect(Number.isSafeInteger(r.params.amount) && r.params.amount > 0).toBe(true);
          expect(ledgerRead.succeededIds.has(r.params.paymentId)).toBe(true);
        }
        const recommended = refunds.reduce((s, r) => s + r.params.amount, 0);
        if (ledgerRead.unclear) {
          expect(recommended).toBe(0);
          if (report.findings.some((f) => ['DUPLICATE_PAYMENT', 'AMOUNT_MISMATCH', 'PACKAGE_LOST', 'DELIVERY_REFUSED'].includes(f.code))) {
            if (report.actions.some((a) => a.kind === 'manual_review' && a.params.reason === 'refund_ledger_unclear')) seen.unclearWithFinding++;
          }
        }
        if (recommended > 0) {
          expect(recommended + ledgerRead.committed).toBeLessThanOrEqual(ledgerRead.captured);
          if (o.payments.length > new Set(o.payments.map((p) => p.id)).size) seen.refundedOnDuplicateIds++;
          if ((o.refunds ?? []).some((r) => r.status !== 'failed' && r.amount > (o.payments.find((p) => p.id === r.paymentId)?.amount ?? Infinity))) seen.refundedWithExcess++;
          if ((o.actionsTaken ?? []).some((a) => a.kind === 'refund' && a.amount !== undefined && FORGED.some((f) => a.idempotencyKey.endsWith(`/${encodeURIComponent(f)}`))))
            seen.refundedWithForgedKey++;
        }
      }),
      { numRuns: 6_000, seed: 1212 },
    );
    // The generator reaches every inconsistent case with a refund recommended on top of it.
    for (const [name, count] of Object.entries(seen)) expect(count, name).toBeGreaterThan(0);
  });
});
