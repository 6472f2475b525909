import { createTriage, type EvaluateResult } from 'order-triage';
import { buildOrder, expectReport, fraudScenarios, minutesAfter } from 'order-triage/testing';
import { describe, expect, it } from 'vitest';

const triage = createTriage({ locale: 'en' });
const codes = (r: EvaluateResult) => expectReport(r).findings.map((f) => f.code);
const now = minutesAfter(30);

describe('BLACKLISTED', () => {
  it('matches a phone written another way and cancels before payment', () => {
    const { order, now, context } = fraudScenarios.blacklisted();
    const r = expectReport(triage.evaluate(order, { now, ...context }));
    expect(r.findings.map((f) => f.code)).toEqual(['BLACKLISTED']);
    expect(r.actions.map((a) => [a.kind, a.params])).toEqual([
      ['cancel_order', { reason: 'blacklisted' }],
      // A listed buyer ordering again is a repeater: what is not listed yet is proposed, never a
      // whole office tower (腾讯大厦, no floor or room), which honest buyers share.
      ['add_to_blacklist', { customerIds: ['CUST-1'] }],
      ['contact_customer', { reason: 'cannot_fulfil', topics: ['cannot_fulfil'], channels: ['sms'], describes: ['ORD-1001/cancel_order/blacklisted'] }],
    ]);
    expect(r.findings[0]?.evidence.records.matches).toEqual([{ on: 'phone', value: '13800138000' }]);
  });

  it('matches an address after normalisation, and holds a paid order for review instead of cancelling', () => {
    const blacklist = { addresses: ['广东省深圳市南山区 深南大道 10000 號 腾讯大厦'] };
    const r = expectReport(triage.evaluate(buildOrder(), { now, blacklist }));
    expect(r.findings.map((f) => f.code)).toEqual(['BLACKLISTED']);
    expect(r.actions.map((a) => a.kind)).toEqual(['manual_review', 'hold_shipment', 'add_to_blacklist']);
  });

  it('matches customer ids and devices', () => {
    const order = buildOrder({ device: { fingerprint: 'fp-abc', ip: '10.0.0.8' } });
    const r = expectReport(triage.evaluate(order, { now, blacklist: { customerIds: ['CUST-1'], devices: ['fp-abc'] } }));
    expect(r.findings[0]?.evidence.records.matches).toEqual([
      { on: 'customerId', value: 'CUST-1' },
      { on: 'device', value: 'fp-abc' },
    ]);
  });

  it('stays silent for a neighbour in another room, and without a blacklist', () => {
    const blacklist = { addresses: ['深南大道10000号腾讯大厦1201室'] };
    expect(codes(triage.evaluate(buildOrder(), { now, blacklist }))).toEqual([]);
    expect(codes(triage.evaluate(buildOrder(), { now }))).toEqual([]);
  });

  it('reports a bad blacklist as a context error at its path', () => {
    const result = triage.evaluate(buildOrder(), { now, blacklist: { phones: [13800138000] } as never });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_context', issues: [{ path: ['context', 'blacklist', 'phones', 0] }] } });
  });

  it('has no thresholds to change', () => {
    expect(() => createTriage({ thresholds: { BLACKLISTED: { strict: true } } } as never)).toThrow(/BLACKLISTED\.strict/);
  });
});
