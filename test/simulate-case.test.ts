import { createTriage } from 'order-triage';
import { logisticsScenarios, paymentScenarios, simulateCase, systemScenarios } from 'order-triage/testing';
import { describe, expect, it } from 'vitest';
import { deepFreeze } from './helpers.js';

// The simulator's own mechanics: what it records and changes, whatever the plan says. The
// lives of the codes through it are in test/lifecycle.test.ts.

const triage = createTriage({ locale: 'en' });

describe('simulateCase', () => {
  it('evaluates at the start, then once per step, time passing by each step’s after', () => {
    const start = logisticsScenarios.deliveryDelayed();
    const { timeline } = simulateCase(triage, start, [
      { after: { hours: 3 }, wait: true },
      { after: { days: 1, minutes: 30 }, wait: true },
    ]);
    const t0 = Date.parse(start.now);
    expect(timeline.map((m) => Date.parse(m.at) - t0)).toEqual([0, 3 * 3_600_000, (27 * 60 + 30) * 60_000]);
    expect(timeline[0]?.step).toBeUndefined();
    expect(timeline[1]?.step).toEqual({ after: { hours: 3 }, wait: true });
  });

  it('records the latest report’s automatable actions with their keys, moment and money amount, and feeds case.openFindings back', () => {
    const start = logisticsScenarios.deliveryDelayed();
    const { timeline } = simulateCase(triage, start, [{ after: { minutes: 5 }, do: 'carry_out_automatable' }]);
    const [first, second] = timeline;
    const expected = first?.report.actions.filter((a) => a.automatable && a.requiresApproval === 'none') ?? [];
    expect(expected.length).toBeGreaterThan(0);
    expect(second?.recorded).toEqual(
      expected.map((a) => ({ kind: a.kind, idempotencyKey: a.idempotencyKey, at: second?.at, ...(a.kind === 'coupon' ? { amount: a.params.amount } : {}) })),
    );
    expect(second?.snapshot.actionsTaken).toEqual(second?.recorded);
    expect(second?.snapshot.openFindings).toEqual(first?.report.case.openFindings);
  });

  it('never carries out what awaits an approval, and records the approval by the role asked', () => {
    const { timeline } = simulateCase(triage, paymentScenarios.duplicatePayment(), [{ do: 'carry_out_all' }, { approve: 'all' }]);
    const refund = timeline[0]?.report.actions.find((a) => a.kind === 'refund');
    expect(refund?.requiresApproval).toBe('supervisor');
    expect(timeline[1]?.recorded.map((r) => r.kind)).not.toContain('refund');
    expect(timeline[2]?.snapshot.decisions).toEqual([{ at: timeline[2]?.at, by: 'supervisor', about: refund?.idempotencyKey, choice: 'approve' }]);
  });

  it('records the customer’s choice about each open code whose message offered it, and nothing for a choice never offered', () => {
    const { timeline } = simulateCase(triage, logisticsScenarios.packageDamaged(), [{ after: { hours: 2 }, customerChooses: 'cancel' }, { customerChooses: 'refund' }]);
    expect(timeline[1]?.snapshot.decisions ?? []).toEqual([]);
    expect(timeline[2]?.snapshot.decisions).toEqual([{ at: timeline[2]?.at, by: 'customer', about: 'PACKAGE_DAMAGED', choice: 'refund' }]);
  });

  it('records a queued failure on the next action of that kind only, and settles only refunds recorded done', () => {
    const start = paymentScenarios.overpaid();
    const { timeline } = simulateCase(triage, start, [{ fail: 'refund' }, { do: 'carry_out_all' }, { refundsSettle: true }]);
    const refund = timeline[2]?.recorded.find((r) => r.kind === 'refund');
    expect(refund).toMatchObject({ kind: 'refund', amount: 1_000, status: 'failed' });
    expect(timeline[3]?.snapshot.refunds ?? []).toEqual([]);
    const settled = simulateCase(triage, start, [{ do: 'carry_out_all' }, { after: { hours: 1 }, refundsSettle: true }]).timeline[2];
    expect(settled?.snapshot.refunds).toEqual([{ id: 'RFD-SIM-1', paymentId: 'pay_1', amount: 1_000, status: 'succeeded', createdAt: settled?.at }]);
  });

  it('delivers the newest parcel, receives its return, and applies what a carried-out sync retry changes', () => {
    const delivered = simulateCase(triage, logisticsScenarios.deliveryDelayed(), [{ carrier: 'deliver' }, { carrier: 'return_received' }]).timeline;
    expect(delivered[1]?.snapshot.shipments?.[0]?.events.at(-1)).toEqual({ at: delivered[1]?.at, code: 'delivered' });
    expect(delivered[1]?.snapshot.status).toBe('delivered');
    expect(delivered[2]?.snapshot.returns).toEqual([{ id: 'RET-SIM-1', shipmentId: 'SHP-1', status: 'received', at: delivered[2]?.at }]);
    const synced = simulateCase(triage, systemScenarios.syncFailed(), [{ do: 'carry_out_automatable' }]).timeline[1];
    expect(synced?.snapshot.sync?.find((s) => s.system === 'wms')).toMatchObject({ status: 'ok', lastSuccessAt: synced?.at });
    expect(synced?.report.findings.map((f) => f.code)).not.toContain('SYNC_FAILED');
  });

  it('lets the customer pay what is owed and rate the case', () => {
    const { timeline } = simulateCase(triage, paymentScenarios.unpaid(), [{ customerPays: true }, { after: { days: 1 }, customerRates: 4 }]);
    expect(timeline[1]?.snapshot.status).toBe('paid');
    expect(timeline[1]?.snapshot.payments).toMatchObject([{ status: 'succeeded', amount: 20_900 }]);
    expect(timeline[2]?.snapshot.feedback).toEqual({ score: 4, at: timeline[2]?.at });
  });

  it('never mutates its inputs and gives the same timeline for the same inputs', () => {
    const start = deepFreeze(logisticsScenarios.packageLost());
    const script = deepFreeze([{ do: 'carry_out_all' as const }, { after: { days: 2 }, carrier: 'deliver' as const }, { refundsSettle: true as const }]);
    const a = simulateCase(triage, start, script, { settle: { every: { hours: 12 }, maxSteps: 3 } });
    expect(JSON.stringify(simulateCase(triage, start, script, { settle: { every: { hours: 12 }, maxSteps: 3 } }))).toBe(JSON.stringify(a));
  });

  it('keeps going after the script until the case settles or maxSteps runs out', () => {
    const { timeline, outcome } = simulateCase(triage, logisticsScenarios.trackingStalled(), [], { settle: { every: { hours: 12 }, do: 'nothing', maxSteps: 40 } });
    expect(timeline.length).toBeLessThanOrEqual(41);
    if (outcome === 'open') expect(timeline).toHaveLength(41);
    else expect(timeline.length).toBeLessThan(41);
  });

  it('answers with a promise when the triage does', async () => {
    const asyncTriage = { evaluate: (order: unknown, context: Parameters<typeof triage.evaluate>[1]) => Promise.resolve(triage.evaluate(order, context)) };
    const start = paymentScenarios.overpaid();
    const script = [{ do: 'carry_out_all' as const }, { refundsSettle: true as const }];
    const promised = simulateCase(asyncTriage, start, script);
    expect(promised).toBeInstanceOf(Promise);
    expect(JSON.stringify(await promised)).toBe(JSON.stringify(simulateCase(triage, start, script)));
  });

  it('throws, naming the moment, when the order cannot be evaluated', () => {
    expect(() => simulateCase(triage, { order: { id: 'X' } as never, now: paymentScenarios.clean().now }, [])).toThrow(/could not be evaluated at/);
  });
});
