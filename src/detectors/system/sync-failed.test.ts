import { createTriage, type EvaluateResult } from 'order-triage';
import { buildOrder, buildSync, expectReport, minutesAfter, systemScenarios } from 'order-triage/testing';
import { describe, expect, it } from 'vitest';

const triage = createTriage({ locale: 'en' });
const codes = (r: EvaluateResult) => expectReport(r).findings.map((f) => f.code);

describe('SYNC_FAILED', () => {
  it('retries a failed sync and opens an incident after three failures in a row', () => {
    const { order, now } = systemScenarios.syncFailed();
    const r = expectReport(triage.evaluate(order, { now }));
    expect(r.findings.map((f) => f.code)).toEqual(['SYNC_FAILED']);
    expect(r.actions.map((a) => [a.kind, a.params])).toEqual([
      ['retry_sync', { system: 'wms' }],
      ['tech_incident', { system: 'wms', reason: 'sync_failures', failuresInARow: 3 }],
    ]);
  });

  it('counts failures in a row across sync records, reset by a success', () => {
    const history = (statuses: ('ok' | 'failed')[]) => buildOrder({ sync: statuses.map((status, i) => buildSync({ system: 'erp', status, lastAttemptAt: minutesAfter(i + 1) })) });
    const once = expectReport(triage.evaluate(history(['failed', 'failed', 'ok', 'failed']), { now: minutesAfter(10) }));
    expect(once.actions.map((a) => a.kind)).toEqual(['retry_sync']);
    const thrice = expectReport(triage.evaluate(history(['ok', 'failed', 'failed', 'failed']), { now: minutesAfter(10) }));
    expect(thrice.actions.map((a) => a.kind)).toEqual(['retry_sync', 'tech_incident']);
  });

  it('fires on a sync pending for more than 30 minutes, not at 30', () => {
    const pending = buildOrder({ sync: [buildSync({ status: 'pending', lastAttemptAt: minutesAfter(0) })] });
    expect(codes(triage.evaluate(pending, { now: minutesAfter(30) }))).toEqual([]);
    expect(codes(triage.evaluate(pending, { now: minutesAfter(31) }))).toEqual(['SYNC_FAILED']);
  });

  it('stays silent when every system is in sync, and honours changed thresholds', () => {
    expect(codes(triage.evaluate(buildOrder({ sync: [buildSync()] }), { now: minutesAfter(10) }))).toEqual([]);
    const { order, now } = systemScenarios.syncFailed();
    const tolerant = createTriage({ thresholds: { SYNC_FAILED: { escalateAfterFailures: 5 } } });
    expect(expectReport(tolerant.evaluate(order, { now })).actions.map((a) => a.kind)).toEqual(['retry_sync']);
  });

  it('names its evidence: failed systems, and the failure run', () => {
    const { order, now } = systemScenarios.syncFailed();
    const f = expectReport(triage.evaluate(order, { now })).findings[0];
    expect(f?.evidence.conditions).toEqual([{ fact: 'sync.failedSystemCount', value: 1, operator: 'greaterThan', threshold: 0, passed: true }]);
    expect(f?.evidence.facts['sync.maxFailuresInARow']).toBe(3);
  });
});
