import { createTriage, type EvaluateResult } from 'order-triage';
import { buildOrder, buildReport, buildShipment, customerScenarios, minutesAfter, trackingEvent } from 'order-triage/testing';
import { describe, expect, it } from 'vitest';
import { expectReport } from '../../../test/helpers.js';

const triage = createTriage({ locale: 'en' });
const codes = (r: EvaluateResult) => expectReport(r).findings.map((f) => f.code);
const now = minutesAfter(30);
const address = buildOrder().shippingAddress;
const withAddress = (changes: Record<string, unknown>, extra = {}) => buildOrder({ shippingAddress: { ...address, ...changes } as typeof address, ...extra });

describe('ADDRESS_INVALID', () => {
  it('fires when a Chinese address lacks province and city, holding the parcel and asking the customer', () => {
    const { order, now } = customerScenarios.addressInvalid();
    const r = expectReport(triage.evaluate(order, { now }));
    expect(r.findings.map((f) => f.code)).toEqual(['ADDRESS_INVALID']);
    expect(r.actions.map((a) => a.kind)).toEqual(['contact_customer', 'hold_shipment', 'correct_address']);
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
    expect(r.actions.map((a) => a.kind)).toEqual(['contact_customer', 'intercept_shipment']);
    expect(r.actions[0]?.customerMessage?.text).toContain('redirect');
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

describe('PHONE_INVALID', () => {
  it('fires on a ten-digit Chinese mobile, holding the parcel and asking for a number', () => {
    const { order, now } = customerScenarios.phoneInvalid();
    const r = expectReport(triage.evaluate(order, { now }));
    expect(r.findings.map((f) => f.code)).toEqual(['PHONE_INVALID']);
    expect(r.actions.map((a) => a.kind)).toEqual(['contact_customer', 'hold_shipment']);
    expect(r.findings[0]?.evidence.records.phone).toEqual([{ phone: '1380013800', country: 'CN', valid: false, mobile: null, e164: '+861380013800' }]);
  });

  it.each([
    ['a CN mobile with spaces', '138 0013 8000', 'CN'],
    ['a CN mobile with +86', '+86 138-0013-8000', 'CN'],
    ['a US number with +1 and spaces', '+1 415 555 0100', 'US'],
    ['a US number without country code', '(415) 555-0100', 'US'],
  ])('accepts %s', (_name, phone, country) => {
    const order = withAddress({ phone, country, ...(country === 'US' ? { province: 'CA', city: 'San Francisco', line1: '1 Market St', postalCode: '94105' } : {}) });
    expect(codes(triage.evaluate(order, { now }))).toEqual([]);
  });

  it('flags a landline for a Chinese address (couriers text mobiles), unless the threshold says otherwise', () => {
    const landline = withAddress({ phone: '010-62345678' });
    expect(codes(triage.evaluate(landline, { now }))).toEqual(['PHONE_INVALID']);
    expect(codes(createTriage({ thresholds: { PHONE_INVALID: { requireMobileIn: [] } } }).evaluate(landline, { now }))).toEqual([]);
  });

  it('names its evidence: validity of the number for the address country', () => {
    const { order } = customerScenarios.phoneInvalid();
    const f = expectReport(triage.evaluate(order, { now })).findings[0];
    expect(f?.evidence.conditions).toContainEqual({ fact: 'phone.isValid', value: false, operator: 'equal', threshold: false, passed: true });
  });
});

describe('REMARK_NEEDS_ATTENTION', () => {
  it('fires on an invoice and a weekend delivery request, quoting the phrases', () => {
    const { order, now } = customerScenarios.remarkNeedsAttention();
    const f = expectReport(triage.evaluate(order, { now })).findings[0];
    expect(f?.code).toBe('REMARK_NEEDS_ATTENTION');
    expect(f?.evidence.records.requests).toEqual([
      { kind: 'delivery_time', phrase: '周末' },
      { kind: 'invoice', phrase: '发票' },
    ]);
  });

  it.each([
    ['gift wrapping', 'Please gift wrap it, it is a birthday present'],
    ['a change of address', '地址写错了,改成南山区科技园'],
    ['urgency', '急用!麻烦尽快发货'],
    ['do not call', '白天上班,不要打电话,短信联系'],
    ['a delivery time in English', 'Please deliver after 6pm'],
    ['an invoice in English', 'Need a VAT invoice for my company'],
    ['do not call in English', "Don't call, text only"],
  ])('recognises %s', (_name, remark) => {
    expect(codes(triage.evaluate(buildOrder({ remark }), { now }))).toEqual(['REMARK_NEEDS_ATTENTION']);
  });

  it.each(['谢谢,好评!', '辛苦了,发货很快', 'Thanks, great service!', ''])('does not treat thanks or praise as a request: %p', (remark) => {
    expect(codes(triage.evaluate(buildOrder({ remark }), { now }))).toEqual([]);
  });

  it('takes extra plain keywords per kind, as text, never as a regular expression', () => {
    const order = buildOrder({ remark: '需要报销凭证 (.*)+' });
    expect(codes(triage.evaluate(order, { now }))).toEqual([]);
    const custom = createTriage({ thresholds: { REMARK_NEEDS_ATTENTION: { extraKeywords: { invoice: ['报销', '(.*)+'] } } } });
    const f = expectReport(custom.evaluate(order, { now })).findings[0];
    expect(f?.evidence.records.requests).toEqual([{ kind: 'invoice', phrase: '报销' }]);
  });

  it('stays silent once the parcel has shipped, and asks a person to review before it does', () => {
    const { order } = customerScenarios.remarkNeedsAttention();
    expect(codes(triage.evaluate({ ...order, status: 'shipped', shipments: [buildShipment()] }, { now: minutesAfter(400) }))).toEqual([]);
    const r = expectReport(triage.evaluate(order, { now }));
    expect(r.actions.map((a) => [a.kind, a.params])).toEqual([['manual_review', { reason: 'remark_requests', details: ['delivery_time: 周末', 'invoice: 发票'] }]]);
  });
});
