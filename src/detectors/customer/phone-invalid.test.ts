import { createTriage, type EvaluateResult } from 'order-triage';
import { customerMessageOf, customerScenarios, expectReport, minutesAfter } from 'order-triage/testing';
import { describe, expect, it } from 'vitest';
import { withAddress } from './customer-fixtures.js';

const triage = createTriage({ locale: 'en' });
const codes = (r: EvaluateResult) => expectReport(r).findings.map((f) => f.code);
const now = minutesAfter(30);

describe('PHONE_INVALID', () => {
  it('fires on a ten-digit Chinese mobile, holding the parcel and asking for a number', () => {
    const { order, now } = customerScenarios.phoneInvalid();
    const r = expectReport(triage.evaluate(order, { now }));
    expect(r.findings.map((f) => f.code)).toEqual(['PHONE_INVALID']);
    expect(r.actions.map((a) => a.kind)).toEqual(['hold_shipment', 'contact_customer']);
    // Never to the number found broken: no SMS, no call; the shop's app or chat when there is no email.
    expect(customerMessageOf(r)?.params.channels).toEqual(['in_app']);
    const withEmail = expectReport(triage.evaluate({ ...order, customer: { ...order.customer, email: 'li@example.com' } }, { now }));
    expect(customerMessageOf(withEmail)?.params.channels).toEqual(['email']);
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

  it('accepts a valid landline for a Chinese address, flagging it only where the threshold requires a mobile, with the landline in evidence', () => {
    const landline = withAddress({ phone: '0755-86013388' });
    expect(codes(triage.evaluate(landline, { now }))).toEqual([]);
    const strict = createTriage({ thresholds: { PHONE_INVALID: { requireMobileIn: ['CN'] } } });
    const f = expectReport(strict.evaluate(landline, { now })).findings[0];
    expect(f?.code).toBe('PHONE_INVALID');
    expect(f?.evidence.records.phone).toEqual([{ phone: '0755-86013388', country: 'CN', valid: true, mobile: false, landline: true, e164: '+8675586013388' }]);
  });

  it.each([
    ['a dash', '17012345678-1234'],
    ['转', '17012345678转1234'],
    ['a comma', '17012345678,1234'],
  ])('accepts a marketplace privacy number with its extension after %s, without holding the parcel', (_name, phone) => {
    const r = expectReport(triage.evaluate(withAddress({ phone }), { now }));
    expect(r.findings.map((f) => f.code)).toEqual([]);
    expect(r.actions.map((a) => a.kind)).not.toContain('hold_shipment');
  });

  it('still holds a number that cannot work, extension or not', () => {
    expect(codes(triage.evaluate(withAddress({ phone: '1701234567-1234' }), { now }))).toEqual(['PHONE_INVALID']);
    expect(codes(triage.evaluate(withAddress({ phone: '12345转12' }), { now }))).toEqual(['PHONE_INVALID']);
  });

  it('names its evidence: validity of the number for the address country', () => {
    const { order } = customerScenarios.phoneInvalid();
    const f = expectReport(triage.evaluate(order, { now })).findings[0];
    expect(f?.evidence.conditions).toContainEqual({ fact: 'phone.isValid', value: false, operator: 'equal', threshold: false, passed: true });
  });
});
