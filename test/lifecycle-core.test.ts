import { type Action, createTriage, type OrderSnapshotInput, type TriageReport } from 'order-triage';
import {
  buildInventory,
  buildOrder,
  buildPayment,
  buildReport,
  buildShipment,
  customerMessageOf,
  customerTextOf,
  expectReport,
  logisticsScenarios,
  minutesAfter,
  paymentScenarios,
  trackingEvent,
} from 'order-triage/testing';
import { describe, expect, it } from 'vitest';

// The case carried past one evaluation, as an integrating backend would: record what it did,
// pass the case record back, evaluate again (docs/lifecycle.md).
const triage = createTriage({ locale: 'en' });
const DAY = 24 * 60;

/** The order after the backend carried out `actions` at `at` (failed ones marked so), with the report's case record fed back. */
function carryOut(
  order: OrderSnapshotInput,
  report: TriageReport,
  at: string,
  options: { only?: (a: Action) => boolean; failed?: (a: Action) => boolean } = {},
): OrderSnapshotInput {
  const done = report.actions.filter(options.only ?? (() => true));
  const taken = done.map((a) => ({
    kind: a.kind,
    idempotencyKey: a.idempotencyKey,
    at,
    ...('amount' in a.params ? { amount: a.params.amount } : {}),
    ...(options.failed?.(a) ? { status: 'failed' as const, error: 'gateway_declined' } : {}),
  }));
  return { ...order, actionsTaken: [...(order.actionsTaken ?? []), ...taken], openFindings: report.case.openFindings };
}

const kinds = (r: TriageReport) => r.actions.map((a) => a.kind);

describe('decisions', () => {
  it('turns the customer’s choice after "choose reship or refund" into that remedy, through the money-safe planners', () => {
    const { order, now } = logisticsScenarios.packageDamaged();
    const first = expectReport(triage.evaluate(order, { now }));
    expect(customerMessageOf(first)?.params.options).toEqual(['reship', 'refund']);
    const asked = carryOut(order, first, now);
    const refund = { ...asked, decisions: [{ at: minutesAfter(DAY + 180), by: 'customer' as const, about: 'PACKAGE_DAMAGED', choice: 'refund' as const }] };
    const r = expectReport(triage.evaluate(refund, { now: minutesAfter(DAY + 200) }));
    expect(r.actions.filter((a) => a.kind === 'refund').map((a) => a.params)).toEqual([
      { paymentId: 'pay_1', amount: 20_900, currency: 'CNY', method: 'alipay', reason: 'package_damaged' },
    ]);
    expect(customerTextOf(r)).toContain('As you asked, we will refund your order.');
    const reship = { ...asked, decisions: [{ at: minutesAfter(DAY + 180), by: 'customer' as const, about: 'PACKAGE_DAMAGED', choice: 'reship' as const }] };
    expect(kinds(expectReport(triage.evaluate(reship, { now: minutesAfter(DAY + 200) })))).toContain('reship');
  });

  it('cancels and refunds a sold-out order when the customer chooses a refund, and only restocks when they wait', () => {
    const order = buildOrder({ inventory: [buildInventory({ onHand: 0, reserved: 0 })] });
    const decide = (choice: 'refund' | 'wait') => ({ ...order, decisions: [{ at: minutesAfter(40), by: 'customer' as const, about: 'OVERSOLD', choice }] });
    const refunded = expectReport(triage.evaluate(decide('refund'), { now: minutesAfter(60) }));
    expect(kinds(refunded)).toEqual(expect.arrayContaining(['cancel_order', 'refund']));
    expect(refunded.actions.find((a) => a.kind === 'refund')?.params).toMatchObject({ amount: 20_900, reason: 'oversold' });
    const waiting = expectReport(triage.evaluate(decide('wait'), { now: minutesAfter(60) }));
    expect(kinds(waiting)).toContain('urgent_restock');
    expect(kinds(waiting)).not.toContain('refund');
    expect(customerMessageOf(waiting)?.params.options).toBeUndefined();
  });

  it('lets a person settle a claim under verification, and pays nothing on the claim alone', () => {
    const { order, now } = logisticsScenarios.deliveredNotReceived();
    expect(kinds(expectReport(triage.evaluate(order, { now })))).not.toContain('refund');
    const verified = { ...order, decisions: [{ at: now, by: 'agent' as const, about: 'PACKAGE_LOST', choice: 'reship' as const }] };
    expect(kinds(expectReport(triage.evaluate(verified, { now })))).toContain('reship');
  });

  it('makes an approved refund proceed, and replaces a rejected one with a review by finance', () => {
    const order = buildOrder({ payments: [buildPayment({ id: 'pay_1', amount: 200_900 })], items: [{ sku: 'TV', quantity: 1, unitPrice: 100_000 }] });
    const now = minutesAfter(30);
    const refund = expectReport(triage.evaluate(order, { now })).actions.find((a) => a.kind === 'refund') as Action;
    expect(refund.requiresApproval).toBe('supervisor');
    const approve = { ...order, decisions: [{ at: now, by: 'supervisor' as const, about: refund.idempotencyKey, choice: 'approve' as const }] };
    expect(expectReport(triage.evaluate(approve, { now })).actions.find((a) => a.kind === 'refund')).toMatchObject({ requiresApproval: 'none', automatable: true });
    const tooJunior = { ...order, decisions: [{ at: now, by: 'agent' as const, about: refund.idempotencyKey, choice: 'approve' as const }] };
    const junior = expectReport(triage.evaluate(tooJunior, { now }));
    expect(junior.actions.find((a) => a.kind === 'refund')?.requiresApproval).toBe('supervisor');
    expect(junior.warnings).toEqual([{ path: ['decisions', 0, 'by'], message: expect.stringContaining('cannot decide') }]);
    const reject = { ...order, decisions: [{ at: now, by: 'supervisor' as const, about: refund.idempotencyKey, choice: 'reject' as const }] };
    const rejected = expectReport(triage.evaluate(reject, { now }));
    expect(kinds(rejected)).not.toContain('refund');
    expect(rejected.actions.find((a) => a.kind === 'manual_review')?.params).toEqual({ reason: 'approval_rejected', details: [refund.idempotencyKey] });
  });

  it('ignores, with a warning naming its path, a decision about something no longer open', () => {
    const order = buildOrder({ decisions: [{ at: minutesAfter(10), by: 'customer', about: 'PACKAGE_LOST', choice: 'refund' }] });
    const r = expectReport(triage.evaluate(order, { now: minutesAfter(30) }));
    expect(kinds(r)).toEqual([]);
    expect(r.warnings).toEqual([{ path: ['decisions', 0, 'about'], message: '"PACKAGE_LOST" is not open: the decision is ignored' }]);
  });
});

describe('reports and recorded actions', () => {
  it('retires a report once it is resolved: the parcel is no longer held and nothing escalates', () => {
    const changed = buildOrder({ reports: [buildReport({ source: 'customer_service', kind: 'address_change', at: minutesAfter(10) })] });
    expect(expectReport(triage.evaluate(changed, { now: minutesAfter(30) })).findings.map((f) => f.code)).toEqual(['ADDRESS_INVALID']);
    const done = buildOrder({ reports: [buildReport({ id: 'R1', source: 'customer_service', kind: 'address_change', at: minutesAfter(10), resolvedAt: minutesAfter(20) })] });
    const later = expectReport(triage.evaluate({ ...done, openFindings: [{ code: 'ADDRESS_INVALID', since: minutesAfter(10) }] }, { now: minutesAfter(2 * DAY) }));
    expect(later.findings).toEqual([]);
    expect(kinds(later)).not.toContain('escalate');
    expect(later.case.openFindings).toEqual([{ code: 'ADDRESS_INVALID', since: '2026-03-01T02:10:00.000Z', state: 'resolved', resolvedAt: '2026-03-03T02:00:00.000Z' }]);
  });

  it('does not escalate a duplicate payment while the refund it recorded is settling at the gateway, and does once that is overdue', () => {
    const { order, now } = paymentScenarios.duplicatePayment();
    const first = expectReport(triage.evaluate(order, { now }));
    const refunded = carryOut(order, first, now);
    expect(kinds(expectReport(triage.evaluate(refunded, { now: minutesAfter(30 + 5 * 60) })))).not.toContain('escalate');
    expect(kinds(expectReport(triage.evaluate(refunded, { now: minutesAfter(30 + 49 * 60) })))).toContain('escalate');
  });

  it('retries a failed refund under a new key, through finance, and resends a message that failed', () => {
    const { order, now } = paymentScenarios.duplicatePayment();
    const first = expectReport(triage.evaluate(order, { now }));
    const failed = carryOut(order, first, now, { failed: () => true });
    const r = expectReport(triage.evaluate(failed, { now: minutesAfter(40) }));
    const retry = r.actions.find((a) => a.kind === 'refund');
    expect(retry).toMatchObject({ idempotencyKey: 'ORD-1001/refund/pay_2/20900/retry/2', owner: 'finance', automatable: false });
    // The message that failed is sent again, about the retry.
    expect(customerMessageOf(r)?.params.describes).toEqual(['ORD-1001/refund/pay_2/20900/retry/2']);
  });
});

describe('timers', () => {
  it('chases the carrier and updates the customer again every updateEveryHours while a delay goes on, and a stall first raised on day 7 is acted on', () => {
    const { order, now } = logisticsScenarios.deliveryDelayed(); // day 4
    const first = expectReport(triage.evaluate(order, { now }));
    const chased = carryOut(order, first, now);
    expect(kinds(expectReport(triage.evaluate(chased, { now: minutesAfter(4 * DAY + 60) }))).filter((k) => k !== 'escalate')).toEqual([]);
    const dayLater = expectReport(triage.evaluate(chased, { now: minutesAfter(5 * DAY + 1) }));
    expect(dayLater.actions.find((a) => a.kind === 'urge_carrier')?.idempotencyKey).toBe('ORD-1001/urge_carrier/SHP-1/2');
    expect(customerMessageOf(dayLater)?.idempotencyKey).toContain('%23update-2');
    const stalled = expectReport(triage.evaluate(carryOut(chased, dayLater, minutesAfter(5 * DAY + 1)), { now: minutesAfter(7 * DAY) }));
    expect(stalled.findings.map((f) => f.code)).toEqual(expect.arrayContaining(['TRACKING_STALLED', 'DELIVERY_DELAYED']));
    expect(stalled.actions.find((a) => a.kind === 'urge_carrier')?.idempotencyKey).toBe('ORD-1001/urge_carrier/SHP-1/3');
  });

  it('reminds a customer who has not answered, up to maxReminders, then escalates; the case waits on the customer meanwhile', () => {
    const order = buildOrder({ inventory: [buildInventory({ onHand: 0, reserved: 0 })] });
    let snapshot: OrderSnapshotInput = order;
    let at = 30;
    const reports: TriageReport[] = [];
    for (let step = 0; step < 4; step++) {
      const r = expectReport(triage.evaluate(snapshot, { now: minutesAfter(at) }));
      reports.push(r);
      snapshot = carryOut(snapshot, r, minutesAfter(at));
      at += 25 * 60;
    }
    expect(reports.map((r) => customerMessageOf(r) !== undefined)).toEqual([true, true, true, false]);
    expect(customerTextOf(reports[1] as TriageReport)).toContain('We have not heard back from you yet');
    expect(reports[1]?.case.openFindings[0]).toMatchObject({ code: 'OVERSOLD', state: 'waiting_customer', waitingOn: 'customer' });
    expect(reports[3]?.actions.find((a) => a.kind === 'escalate')?.params).toEqual({ to: 'supervisor', reason: 'customer_silent' });
  });
});

describe('closure', () => {
  const resolvedAfter = (order: OrderSnapshotInput, code: string) => ({ ...order, openFindings: [{ code, since: minutesAfter(5) }] });

  it('surveys a customer who saw the problem, after it is resolved, naming it', () => {
    const r = expectReport(triage.evaluate(resolvedAfter(buildOrder({ status: 'delivered' }), 'DELIVERY_DELAYED'), { now: minutesAfter(3 * DAY) }));
    expect(r.actions.find((a) => a.kind === 'follow_up_survey')?.customerMessage?.text).toContain('the late delivery');
  });

  it('surveys nobody after a sync failure the customer never saw, nor a blacklisted buyer', () => {
    expect(kinds(expectReport(triage.evaluate(resolvedAfter(buildOrder(), 'SYNC_FAILED'), { now: minutesAfter(60) })))).not.toContain('follow_up_survey');
    const listed = resolvedAfter(buildOrder({ status: 'delivered' }), 'DELIVERY_DELAYED');
    expect(kinds(expectReport(triage.evaluate(listed, { now: minutesAfter(3 * DAY), blacklist: { customerIds: ['CUST-1'] } })))).not.toContain('follow_up_survey');
  });

  it('keeps a case open, with no survey, while a cancelled order’s captured money is unrefunded', () => {
    const cancelled = buildOrder({ status: 'cancelled', shipments: [buildShipment({ events: [trackingEvent('picked_up', 120)] })] });
    const r = expectReport(triage.evaluate(resolvedAfter(cancelled, 'OVERSOLD'), { now: minutesAfter(2 * DAY) }));
    expect(kinds(r)).not.toContain('follow_up_survey');
    // The money left behind is a finding of its own too (CAPTURED_NOT_REFUNDED), new this evaluation.
    expect(r.case.openFindings.map((f) => f.code)).toEqual(['CAPTURED_NOT_REFUNDED', 'OVERSOLD']);
    expect(r.case.openFindings[1]).toEqual({ code: 'OVERSOLD', since: '2026-03-01T02:05:00.000Z', state: 'acting', waitingOn: 'refund of the money captured' });
  });
});
