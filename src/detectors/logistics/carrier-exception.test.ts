import { createTriage, type EvaluateResult } from 'order-triage';
import { buildOrder, buildShipment, customerTextOf, expectReport, logisticsScenarios, minutesAfter, trackingEvent } from 'order-triage/testing';
import { describe, expect, it } from 'vitest';
import { DAY } from './logistics-fixtures.js';

const triage = createTriage({ locale: 'en' });
const codes = (r: EvaluateResult) => expectReport(r).findings.map((f) => f.code);
const withException = (description: string | undefined, ...after: ReturnType<typeof trackingEvent>[]) =>
  buildOrder({
    status: 'shipped',
    shipments: [
      buildShipment({
        events: [
          trackingEvent('picked_up', 120),
          { at: minutesAfter(DAY), code: 'exception', location: '深圳南山网点', ...(description === undefined ? {} : { description }) },
          ...after,
        ],
      }),
    ],
  });

describe('CARRIER_EXCEPTION', () => {
  it('fires on a carrier exception (问题件) about the phone: chases the carrier and tells the customer we are resolving it', () => {
    const { order, now } = logisticsScenarios.carrierException();
    const r = expectReport(triage.evaluate(order, { now }));
    expect(r.findings.map((f) => f.code)).toEqual(['CARRIER_EXCEPTION']);
    expect(r.actions.map((a) => a.kind)).toEqual(['urge_carrier', 'contact_customer']);
    expect(customerTextOf(r)).toContain('We are resolving it with the courier');
  });

  it('only chases the carrier when the cause does not involve the customer', () => {
    const r = expectReport(triage.evaluate(withException('分拣错误,转回中转'), { now: minutesAfter(DAY + 60) }));
    expect(r.findings.map((f) => f.code)).toEqual(['CARRIER_EXCEPTION']);
    expect(r.actions.map((a) => a.kind)).toEqual(['urge_carrier']);
    expect(expectReport(triage.evaluate(withException(undefined), { now: minutesAfter(DAY + 60) })).actions.map((a) => a.kind)).toEqual(['urge_carrier']);
  });

  it('stays silent once the parcel moves on or is delivered', () => {
    expect(codes(triage.evaluate(withException('地址不详', trackingEvent('in_transit', DAY + 120)), { now: minutesAfter(DAY + 180) }))).toEqual([]);
    expect(codes(triage.evaluate(withException('地址不详', trackingEvent('delivered', DAY + 120)), { now: minutesAfter(DAY + 180) }))).toEqual([]);
  });

  it('has no thresholds to change: options for it are rejected', () => {
    expect(() => createTriage({ thresholds: { CARRIER_EXCEPTION: { hours: 1 } } } as never)).toThrow(/thresholds\.CARRIER_EXCEPTION\.hours/);
  });

  it("names its evidence: the latest event code and the exception event with the carrier's description", () => {
    const { order, now } = logisticsScenarios.carrierException();
    const f = expectReport(triage.evaluate(order, { now })).findings[0];
    expect(f?.evidence.conditions).toContainEqual({ fact: 'tracking.lastEventCode', value: 'exception', operator: 'equal', threshold: 'exception', passed: true });
    expect(f?.evidence.records.shipments?.[0]?.events).toContainEqual(expect.objectContaining({ code: 'exception', description: '问题件:收件人电话无人接听' }));
  });
});
