import { createTriage, type EvaluateResult } from 'order-triage';
import { buildOrder, buildReport, buildShipment, customerScenarios, customerTextOf, expectReport, minutesAfter, trackingEvent } from 'order-triage/testing';
import { describe, expect, it } from 'vitest';
import { withAddress } from './customer-fixtures.js';

const triage = createTriage({ locale: 'en' });
const codes = (r: EvaluateResult) => expectReport(r).findings.map((f) => f.code);
const now = minutesAfter(30);

describe('ADDRESS_INVALID', () => {
  it('fires when a Chinese address lacks province and city, holding the parcel and asking the customer', () => {
    const { order, now } = customerScenarios.addressInvalid();
    const r = expectReport(triage.evaluate(order, { now }));
    expect(r.findings.map((f) => f.code)).toEqual(['ADDRESS_INVALID']);
    expect(r.actions.map((a) => a.kind)).toEqual(['hold_shipment', 'correct_address', 'contact_customer']);
    expect(customerTextOf(r)).toContain('We will keep the parcel here until we hear from you.');
    expect(r.findings[0]?.evidence.records.problems).toEqual([
      { problem: 'missing', part: 'province' },
      { problem: 'missing', part: 'city' },
    ]);
  });

  it.each([
    ['placeholder text', { line1: '测试' }],
    ['a street detail too short', { line1: '人民路' }],
    ['an English placeholder', { city: 'N/A' }],
  ])('fires on %s', (_name, changes) => {
    expect(codes(triage.evaluate(withAddress(changes), { now }))).toEqual(['ADDRESS_INVALID']);
  });

  it('requires state and ZIP code for a US address, not a province for elsewhere', () => {
    const us = { country: 'US', province: undefined, city: 'San Francisco', line1: '1 Market St', phone: '+1 415 555 0100', postalCode: undefined };
    expect(codes(triage.evaluate(withAddress(us), { now }))).toEqual(['ADDRESS_INVALID']);
    expect(codes(triage.evaluate(withAddress({ ...us, province: 'CA', postalCode: '94105' }), { now }))).toEqual([]);
    const fr = { country: 'FR', province: undefined, city: 'Paris', line1: '10 Rue de Rivoli', phone: '+33 1 23 45 67 89' };
    expect(codes(triage.evaluate(withAddress(fr), { now }))).toEqual([]);
  });

  it("fires on the carrier's address_issue and on an agent's address_change report, and intercepts a shipped parcel", () => {
    const shipped = buildOrder({
      status: 'shipped',
      shipments: [buildShipment({ events: [trackingEvent('picked_up', 120), trackingEvent('address_issue', 600)] })],
    });
    const r = expectReport(triage.evaluate(shipped, { now: minutesAfter(700) }));
    expect(r.findings.map((f) => f.code)).toEqual(['ADDRESS_INVALID']);
    expect(r.actions.map((a) => a.kind)).toEqual(['intercept_shipment', 'contact_customer']);
    expect(customerTextOf(r)).toContain('redirect');
    const changed = buildOrder({ reports: [buildReport({ source: 'customer_service', kind: 'address_change', at: minutesAfter(10) })] });
    expect(codes(triage.evaluate(changed, { now }))).toEqual(['ADDRESS_INVALID']);
  });

  it('stays silent on a complete address and once delivered', () => {
    expect(codes(triage.evaluate(buildOrder(), { now }))).toEqual([]);
    const { order } = customerScenarios.addressInvalid();
    expect(codes(triage.evaluate({ ...order, status: 'delivered' }, { now }))).toEqual([]);
  });

  it('honours changed thresholds: detail length and required parts', () => {
    const short = withAddress({ line1: '人民路8号' }); // 5 characters
    expect(codes(triage.evaluate(short, { now }))).toEqual([]);
    expect(codes(createTriage({ thresholds: { ADDRESS_INVALID: { minDetailLength: 6 } } }).evaluate(short, { now }))).toEqual(['ADDRESS_INVALID']);
    const noDistrict = withAddress({ district: undefined });
    expect(codes(createTriage({ thresholds: { ADDRESS_INVALID: { requiredParts: { CN: ['province', 'city', 'district', 'line1'] } } } }).evaluate(noDistrict, { now }))).toEqual([
      'ADDRESS_INVALID',
    ]);
  });

  it('names its evidence: the missing part count against zero', () => {
    const { order } = customerScenarios.addressInvalid();
    const f = expectReport(triage.evaluate(order, { now })).findings[0];
    expect(f?.evidence.conditions).toContainEqual({ fact: 'address.missingPartCount', value: 2, operator: 'greaterThan', threshold: 0, passed: true });
  });
});
