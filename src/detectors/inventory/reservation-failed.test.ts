import { createTriage, type EvaluateResult } from 'order-triage';
import { buildOrder, buildReservation, expectReport, inventoryScenarios, minutesAfter } from 'order-triage/testing';
import { describe, expect, it } from 'vitest';

const triage = createTriage({ locale: 'en' });
const codes = (r: EvaluateResult) => expectReport(r).findings.map((f) => f.code);
const now = minutesAfter(30);

describe('RESERVATION_FAILED', () => {
  it('fires when a paid line has no reserved stock after 10 minutes, and retries the reservation', () => {
    const { order, now } = inventoryScenarios.reservationFailed();
    const r = expectReport(triage.evaluate(order, { now }));
    expect(r.findings.map((f) => f.code)).toEqual(['RESERVATION_FAILED']);
    expect(r.actions.map((a) => [a.kind, a.params, a.automatable])).toContainEqual(['release_or_retry_reservation', { skus: ['SKU-TEE-M'] }, true]);
  });

  it('stays silent within the grace period, when the line is reserved, or without a reservations list', () => {
    const { order } = inventoryScenarios.reservationFailed(); // paid at minute 1
    expect(codes(triage.evaluate(order, { now: minutesAfter(11) }))).toEqual([]);
    expect(codes(triage.evaluate(buildOrder({ reservations: [buildReservation()] }), { now }))).toEqual([]);
    expect(codes(triage.evaluate(buildOrder(), { now }))).toEqual([]);
  });

  it('honours a changed grace period', () => {
    const { order } = inventoryScenarios.reservationFailed();
    expect(codes(createTriage({ thresholds: { RESERVATION_FAILED: { graceMinutes: 30 } } }).evaluate(order, { now: minutesAfter(16) }))).toEqual([]);
  });

  it('names its evidence: unreserved lines and the minutes since payment', () => {
    const { order, now } = inventoryScenarios.reservationFailed();
    const f = expectReport(triage.evaluate(order, { now })).findings[0];
    expect(f?.evidence.conditions).toContainEqual({ fact: 'reservations.unreservedLineCount', value: 1, operator: 'greaterThan', threshold: 0, passed: true });
    expect(f?.evidence.conditions).toContainEqual({ fact: 'payments.minutesSinceFirstPaid', value: 15, operator: 'greaterThan', threshold: 10, passed: true });
    expect(f?.evidence.facts['reservations.failedCount']).toBe(1);
  });
});
