import { createTriage, type EvaluateResult } from 'order-triage';
import { buildOrder, buildShipment, expectReport, logisticsScenarios, minutesAfter, trackingEvent } from 'order-triage/testing';
import { describe, expect, it } from 'vitest';
import { DAY, inTransit } from './logistics-fixtures.js';

const triage = createTriage({ locale: 'en' });
const codes = (r: EvaluateResult) => expectReport(r).findings.map((f) => f.code);

describe('DELIVERY_REFUSED', () => {
  it('fires on a refusal and asks the customer why', () => {
    const { order, now } = logisticsScenarios.deliveryRefused();
    const r = expectReport(triage.evaluate(order, { now }));
    expect(r.findings.map((f) => f.code)).toEqual(['DELIVERY_REFUSED']);
    expect(r.actions[0]?.params).toEqual({
      reason: 'refusal_reason',
      topics: ['refusal_reason'],
      channels: ['phone', 'sms'],
      options: ['quality_issue', 'changed_mind', 'other'],
      describes: [],
    });
  });

  it('counts a return to sender, and is not also a late delivery', () => {
    const returned = buildOrder({
      status: 'shipped',
      shipments: [buildShipment({ events: [trackingEvent('picked_up', 120), trackingEvent('returned_to_sender', 5 * DAY)] })],
    });
    expect(codes(triage.evaluate(returned, { now: minutesAfter(6 * DAY) }))).toEqual(['DELIVERY_REFUSED']);
  });

  it('stays silent for an out-for-delivery parcel, and has no thresholds to change', () => {
    const out = inTransit(0, { events: [trackingEvent('out_for_delivery', DAY)] });
    expect(codes(triage.evaluate(out, { now: minutesAfter(DAY + 60) }))).toEqual([]);
    expect(() => createTriage({ thresholds: { DELIVERY_REFUSED: { x: 1 } } } as never)).toThrow(/DELIVERY_REFUSED/);
  });

  it('names its evidence: the refusal event', () => {
    const { order, now } = logisticsScenarios.deliveryRefused();
    const f = expectReport(triage.evaluate(order, { now })).findings[0];
    expect(f?.evidence.conditions[0]).toEqual({ fact: 'tracking.hasRefusedEvent', value: true, operator: 'equal', threshold: true, passed: true });
    expect(f?.evidence.facts['tracking.lastEventCode']).toBe('refused');
  });
});
