import { createTriage, type EvaluateResult } from 'order-triage';
import { buildOrder, buildShipment, customerScenarios, expectReport, minutesAfter } from 'order-triage/testing';
import { describe, expect, it } from 'vitest';

const triage = createTriage({ locale: 'en' });
const codes = (r: EvaluateResult) => expectReport(r).findings.map((f) => f.code);
const now = minutesAfter(30);

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
