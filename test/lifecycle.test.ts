import { type Action, createTriage } from 'order-triage';
import {
  buildShipment,
  type CaseMoment,
  type CaseSimulation,
  type CaseStep,
  customerScenarios,
  fraudScenarios,
  inventoryScenarios,
  isCaseEscalation,
  logisticsScenarios,
  minutesAfter,
  paymentScenarios,
  type SimulationStart,
  simulateCase,
  systemScenarios,
  trackingEvent,
} from 'order-triage/testing';
import { describe, expect, it } from 'vitest';

// Each customer-visible code of the testing kit's scenarios, lived from first detection to
// closure as an integrating backend lives it (docs/lifecycle.md): it records what it carried
// out, the customer's choices and the approvals, passes case.openFindings back, and evaluates
// again as time passes. Default policy: escalation to a supervisor after 4 hours open, to a
// manager after 24; followUp.customerReplyHours 24, maxReminders 2, updateEveryHours 24,
// resultDueHours 48.

const triage = createTriage({ locale: 'en' });
const HOUR = 3_600_000;

type OpenEntry = { code: string; since: string; state?: string; waitingOn?: string; nextCheckAt?: string; resolvedAt?: string };
const entries = (m: CaseMoment | undefined): OpenEntry[] => (m?.report.case.openFindings ?? []) as OpenEntry[];
const entryOf = (m: CaseMoment | undefined, code: string): OpenEntry | undefined => entries(m).find((f) => f.code === code);
const ofKind = <K extends Action['kind']>(m: CaseMoment | undefined, kind: K) => (m?.report.actions ?? []).filter((a): a is Extract<Action, { kind: K }> => a.kind === kind);
/** The report's warnings (docs/lifecycle.md: a decision about something no longer open is one). */
const warningsOf = (m: CaseMoment | undefined): unknown => (m?.report as { warnings?: unknown } | undefined)?.warnings;
const surveysIn = (sim: CaseSimulation) => sim.timeline.flatMap((m, i) => ofKind(m, 'follow_up_survey').map((survey) => ({ i, survey })));

function live(start: SimulationStart, script: readonly CaseStep[]): CaseSimulation {
  return simulateCase(triage, start, script);
}

/**
 * The case closes as a good desk closes it: the code resolves (its case record says when), the
 * customer who saw the problem is surveyed once the code is resolved and never before, and
 * nothing escalated up the levels on the way.
 */
function expectClosed(sim: CaseSimulation, code: string, { survey = true }: { survey?: boolean } = {}): void {
  const first = sim.timeline[0];
  expect(first?.report.findings.map((f) => f.code)).toContain(code);
  expect(sim.outcome).toBe('resolved');
  const resolving = sim.timeline.findIndex((m) => entryOf(m, code)?.state === 'resolved');
  expect(resolving, `${code} never resolved`).toBeGreaterThan(0);
  const moment = sim.timeline[resolving];
  expect(Date.parse(entryOf(moment, code)?.resolvedAt ?? '')).toBe(Date.parse(moment?.at ?? ''));
  expect(moment?.report.findings.map((f) => f.code)).not.toContain(code);
  const surveys = surveysIn(sim).filter(({ survey: s }) => s.because.includes(code as never));
  if (survey) {
    expect(surveys.length, `no survey about ${code}`).toBeGreaterThan(0);
    expect(Math.min(...surveys.map((s) => s.i))).toBeGreaterThanOrEqual(resolving);
  } else expect(surveys).toEqual([]);
  expect(sim.timeline.flatMap((m) => m.report.actions.filter(isCaseEscalation).map((a) => a.idempotencyKey))).toEqual([]);
}

/** The backend approves what awaits approval, carries everything out, and the gateway settles the refunds a day later. */
const approveCarryOutAndSettle: readonly CaseStep[] = [
  { after: { minutes: 30 }, approve: 'all' },
  { do: 'carry_out_all' },
  { after: { hours: 20 }, wait: true },
  { after: { hours: 4 }, refundsSettle: true },
  { do: 'carry_out_all' },
];

describe('a payment problem from detection to closure', () => {
  it('PAYMENT_FAILED: the payment link goes out, the customer pays two hours later, and the case closes with a survey', () => {
    const sim = live(paymentScenarios.unpaid(), [{ do: 'carry_out_automatable' }, { after: { hours: 2 }, customerPays: true }, { do: 'carry_out_automatable' }]);
    expectClosed(sim, 'PAYMENT_FAILED');
  });

  it('DUPLICATE_PAYMENT: waits on the supervisor, the approved refund proceeds on its own, does not escalate while the gateway settles it, and closes once it succeeded', () => {
    const sim = live(paymentScenarios.duplicatePayment(), [{ do: 'carry_out_automatable' }, ...approveCarryOutAndSettle]);
    const refundKey = ofKind(sim.timeline[0], 'refund')[0]?.idempotencyKey;
    expect(entryOf(sim.timeline[1], 'DUPLICATE_PAYMENT')).toMatchObject({ state: 'waiting_approval' });
    // Approved: the same refund, now for the agent alone and automatable.
    expect(ofKind(sim.timeline[2], 'refund')).toMatchObject([{ idempotencyKey: refundKey, requiresApproval: 'none', automatable: true }]);
    expect(sim.timeline[3]?.recorded.map((r) => r.idempotencyKey)).toContain(refundKey);
    // Recorded but not yet in refunds[]: acting, no escalation although open for more than 4 hours.
    expect(entryOf(sim.timeline[4], 'DUPLICATE_PAYMENT')?.state).toBe('acting');
    expectClosed(sim, 'DUPLICATE_PAYMENT');
  });

  it('DUPLICATE_PAYMENT: a refund the gateway refused is retried under a new key through finance', () => {
    const sim = live(paymentScenarios.duplicatePayment(), [{ approve: 'all' }, { fail: 'refund' }, { do: 'carry_out_all' }, { after: { hours: 1 }, wait: true }]);
    const failed = sim.timeline[3]?.recorded.find((r) => r.kind === 'refund');
    expect(failed?.status).toBe('failed');
    const retries = ofKind(sim.timeline[4], 'refund');
    expect(retries).toHaveLength(1);
    expect(retries[0]?.idempotencyKey).toBe(`${failed?.idempotencyKey}/retry/2`);
    expect(retries[0]).toMatchObject({ owner: 'finance', automatable: false });
  });

  it('DUPLICATE_PAYMENT: a rejected refund is not recommended again and goes to finance for review instead', () => {
    const sim = live(paymentScenarios.duplicatePayment(), [{ after: { minutes: 30 }, reject: 'all' }]);
    const rejected = ofKind(sim.timeline[0], 'refund')[0]?.idempotencyKey;
    expect(ofKind(sim.timeline[1], 'refund').map((a) => a.idempotencyKey)).not.toContain(rejected);
    expect(ofKind(sim.timeline[1], 'manual_review')).toMatchObject([{ owner: 'finance' }]);
    expect(warningsOf(sim.timeline[1])).toEqual([]);
  });

  it('AMOUNT_MISMATCH: the surplus is refunded at once and the case closes when the refund succeeded', () => {
    const sim = live(paymentScenarios.overpaid(), [
      { do: 'carry_out_automatable' },
      { after: { hours: 2 }, wait: true },
      { after: { hours: 22 }, refundsSettle: true },
      { do: 'carry_out_all' },
    ]);
    expect(sim.timeline[1]?.recorded).toMatchObject([{ kind: 'refund', amount: 1_000 }, { kind: 'contact_customer' }]);
    expect(surveysIn(sim).filter(({ i }) => i < 3)).toEqual([]);
    expectClosed(sim, 'AMOUNT_MISMATCH');
  });

  it('PAID_NOT_UPDATED: the status update carried out clears it, and the case closes', () => {
    const sim = live(paymentScenarios.paidNotUpdated(), [{ do: 'carry_out_automatable' }, { after: { hours: 1 }, do: 'carry_out_automatable' }]);
    expect(sim.timeline[1]?.snapshot.status).toBe('paid');
    expectClosed(sim, 'PAID_NOT_UPDATED');
  });
});

describe('a stock problem from detection to closure', () => {
  it('OVERSOLD: the customer chooses a refund, the order is cancelled and refunded in full, and the survey waits for the money', () => {
    const start = inventoryScenarios.oversold();
    const sim = live(start, [{ do: 'carry_out_all' }, { after: { hours: 2 }, customerChooses: 'refund' }, ...approveCarryOutAndSettle]);
    expect(entryOf(sim.timeline[1], 'OVERSOLD')).toMatchObject({ state: 'waiting_customer' });
    const afterChoice = sim.timeline[2];
    expect(warningsOf(afterChoice)).toEqual([]);
    const refunds = ofKind(afterChoice, 'refund');
    const captured = start.order.payments.reduce((sum, p) => sum + p.amount, 0);
    expect(refunds.map((r) => r.params.amount).reduce((a, b) => a + b, 0)).toBe(captured);
    expect(refunds.every((r) => r.because.includes('OVERSOLD'))).toBe(true);
    const refunded = sim.timeline.findIndex((m) => m.events.some((e) => e.type === 'refund'));
    expect(refunded).toBeGreaterThan(0);
    expect(surveysIn(sim).every(({ i }) => i >= refunded)).toBe(true);
    expectClosed(sim, 'OVERSOLD');
  });
});

describe('a parcel’s problem from detection to closure', () => {
  // The warehouse ships 52 hours after the order, due in three days from then.
  const shipLate: CaseStep = {
    after: { hours: 2 },
    update: {
      status: 'shipped',
      shipments: [buildShipment({ shippedAt: minutesAfter(52 * 60), estimatedDeliveryAt: minutesAfter(5 * 1_440), events: [trackingEvent('picked_up', 52 * 60)] })],
    },
  };

  it('NOT_SHIPPED_ON_TIME: the warehouse is chased, the parcel leaves two hours later, and the case closes', () => {
    const sim = live(logisticsScenarios.notShippedOnTime(), [{ do: 'carry_out_all' }, shipLate, { do: 'carry_out_all' }]);
    expectClosed(sim, 'NOT_SHIPPED_ON_TIME');
  });

  it('TRACKING_STALLED: the carrier is chased and the customer updated again each day, never twice under one key, until the parcel arrives', () => {
    const daily: CaseStep[] = [1, 2].flatMap(() => [{ after: { hours: 24 }, wait: true as const }, { do: 'carry_out_automatable' as const }]);
    const sim = live(logisticsScenarios.trackingStalled(), [{ do: 'carry_out_automatable' }, ...daily, { after: { hours: 6 }, carrier: 'deliver' }, { do: 'carry_out_all' }]);
    expect(entryOf(sim.timeline[1], 'TRACKING_STALLED')?.state).toBe('waiting_carrier');
    const chases = sim.timeline.flatMap((m) => m.recorded.filter((r) => r.kind === 'urge_carrier').map((r) => r.idempotencyKey));
    expect(chases).toHaveLength(3);
    expect(new Set(chases).size).toBe(3);
    const updates = sim.timeline.flatMap((m) => m.recorded.filter((r) => r.kind === 'contact_customer').map((r) => r.idempotencyKey));
    expect(new Set(updates).size).toBe(3);
    expectClosed(sim, 'TRACKING_STALLED');
  });

  it('DELIVERY_DELAYED: chased and compensated once, closed when the parcel is delivered the next day', () => {
    const sim = live(logisticsScenarios.deliveryDelayed(), [{ do: 'carry_out_automatable' }, { after: { hours: 20 }, carrier: 'deliver' }, { do: 'carry_out_all' }]);
    expect(sim.timeline.flatMap((m) => m.recorded.filter((r) => r.kind === 'coupon'))).toHaveLength(1);
    expectClosed(sim, 'DELIVERY_DELAYED');
  });

  it('PACKAGE_LOST: reshipped, claimed and compensated, closed when the new parcel is delivered', () => {
    const sim = live(logisticsScenarios.packageLost(), [{ do: 'carry_out_all' }, { after: { hours: 30 }, carrier: 'deliver' }, { do: 'carry_out_all' }]);
    expect(sim.timeline[1]?.snapshot.shipments).toHaveLength(2);
    // Until the reship is delivered the finding is not resolved, though the lost parcel's signal never changes.
    expect(entryOf(sim.timeline[1], 'PACKAGE_LOST')?.state).not.toBe('resolved');
    expectClosed(sim, 'PACKAGE_LOST');
  });

  it('PACKAGE_DAMAGED: the customer chooses a refund, which proceeds through the money-safe planner, and the case closes when it succeeded', () => {
    const start = logisticsScenarios.packageDamaged();
    const sim = live(start, [{ do: 'carry_out_all' }, { after: { hours: 3 }, customerChooses: 'refund' }, ...approveCarryOutAndSettle]);
    expect(entryOf(sim.timeline[1], 'PACKAGE_DAMAGED')).toMatchObject({ state: 'waiting_customer' });
    const refunds = ofKind(sim.timeline[2], 'refund');
    expect(refunds).toHaveLength(1);
    expect(refunds[0]?.params).toMatchObject({ paymentId: 'pay_1', amount: 20_900 });
    expect(refunds[0]?.because).toContain('PACKAGE_DAMAGED');
    expect(ofKind(sim.timeline[2], 'reship')).toEqual([]);
    expectClosed(sim, 'PACKAGE_DAMAGED');
  });

  it('PACKAGE_DAMAGED: a customer who never answers is reminded (the attempt in the key) up to the limit, then the case escalates', () => {
    const daily: CaseStep[] = [1, 2, 3, 4].flatMap(() => [{ after: { hours: 25 }, wait: true as const }, { do: 'carry_out_all' as const }]);
    const sim = live(logisticsScenarios.packageDamaged(), [{ do: 'carry_out_all' }, ...daily]);
    const messages = sim.timeline.flatMap((m) => m.recorded.filter((r) => r.kind === 'contact_customer').map((r) => r.idempotencyKey));
    expect(messages).toHaveLength(3);
    expect(new Set(messages).size).toBe(3);
    expect(sim.outcome).toBe('escalated');
  });

  it('DELIVERY_REFUSED: waits for the return, refunds less shipping once it is received, and closes when the refund succeeded', () => {
    const start = logisticsScenarios.deliveryRefused();
    const sim = live(start, [
      { do: 'carry_out_all' },
      { after: { hours: 1 }, customerReports: 'other', text: 'changed my mind' },
      { do: 'carry_out_all' },
      { after: { hours: 3 }, carrier: 'return_received' },
      ...approveCarryOutAndSettle,
    ]);
    expect(entryOf(sim.timeline[1], 'DELIVERY_REFUSED')?.state).toBe('waiting_customer');
    expect(entryOf(sim.timeline[3], 'DELIVERY_REFUSED')?.state).toBe('waiting_return');
    expect(ofKind(sim.timeline[3], 'refund')).toEqual([]);
    expect(ofKind(sim.timeline[4], 'refund').map((r) => r.params.amount)).toEqual([20_900 - 1_000]);
    expectClosed(sim, 'DELIVERY_REFUSED');
  });
});

describe('a customer-information problem from detection to closure', () => {
  it('ADDRESS_INVALID: the customer sends a full address three hours later, the correction is carried out, and the case closes', () => {
    const sim = live(customerScenarios.addressInvalid(), [
      { do: 'carry_out_automatable' },
      { after: { hours: 3 }, update: (order) => ({ shippingAddress: { ...order.shippingAddress, province: '广东省', city: '深圳市', district: '南山区' } }) },
      { do: 'carry_out_all' },
    ]);
    expectClosed(sim, 'ADDRESS_INVALID');
  });

  it('PHONE_INVALID: the customer gives a reachable number in the app and the case closes', () => {
    const sim = live(customerScenarios.phoneInvalid(), [
      { do: 'carry_out_automatable' },
      { after: { hours: 2 }, update: (order) => ({ shippingAddress: { ...order.shippingAddress, phone: '13800138000' } }) },
      { do: 'carry_out_all' },
    ]);
    expectClosed(sim, 'PHONE_INVALID');
  });
});

describe('a system or fraud problem the customer saw, from detection to closure', () => {
  it('ORDER_CREATE_FAILED: the order is recreated and the case closes', () => {
    const sim = live(systemScenarios.orderCreateFailed(), [{ do: 'carry_out_all' }, { after: { hours: 1 }, do: 'carry_out_all' }]);
    expectClosed(sim, 'ORDER_CREATE_FAILED');
  });

  it('BLACKLISTED: the order is cancelled and the buyer never surveyed', () => {
    const sim = live(fraudScenarios.blacklisted(), [{ do: 'carry_out_all' }, { after: { hours: 1 }, do: 'carry_out_all' }, { after: { hours: 50 }, do: 'carry_out_all' }]);
    expect(sim.timeline[1]?.snapshot.status).toBe('cancelled');
    expect(surveysIn(sim)).toEqual([]);
    expect(sim.outcome).not.toBe('open');
  });

  it('SYNC_FAILED, which the customer never saw, closes without a survey', () => {
    const sim = live(systemScenarios.syncFailed(), [{ do: 'carry_out_automatable' }, { after: { hours: 1 }, do: 'carry_out_all' }]);
    expectClosed(sim, 'SYNC_FAILED', { survey: false });
  });
});

describe('a shipped late order also damaged', () => {
  it('closes both codes with one survey once the customer’s chosen reship is delivered', () => {
    const start = logisticsScenarios.packageDamaged();
    const late: SimulationStart = {
      ...start,
      order: {
        ...start.order,
        shipments: [buildShipment({ events: [trackingEvent('picked_up', 120), trackingEvent('in_transit', 2 * 1_440), trackingEvent('damaged', 3 * 1_440 + 600)] })],
      },
      now: new Date(Date.parse(start.now) + 3 * 24 * HOUR).toISOString(),
    };
    const sim = live(late, [
      { do: 'carry_out_all' },
      { after: { hours: 2 }, customerChooses: 'reship' },
      { do: 'carry_out_all' },
      { after: { hours: 30 }, carrier: 'deliver' },
      { do: 'carry_out_all' },
    ]);
    expect(ofKind(sim.timeline[2], 'reship')).toHaveLength(1);
    expectClosed(sim, 'PACKAGE_DAMAGED');
    expect(surveysIn(sim)).toHaveLength(1);
  });
});
