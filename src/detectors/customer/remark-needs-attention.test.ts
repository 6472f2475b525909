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
    ['急用,明天上午送到', '明天上午'],
    ['周六下午送货', '周六下午'],
    ['后天到就行', '后天到'],
  ])('keeps the day with the time of a delivery request (%s asks for %s)', (remark, phrase) => {
    const f = expectReport(triage.evaluate(buildOrder({ remark }), { now })).findings[0];
    expect(f?.evidence.records.requests).toContainEqual({ kind: 'delivery_time', phrase });
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

describe('REMARK_NEEDS_ATTENTION: the requests a marketplace desk sees (issue 16)', () => {
  const requests = (remark: string) => {
    const f = expectReport(triage.evaluate(buildOrder({ remark }), { now })).findings[0];
    expect(f?.code).toBe('REMARK_NEEDS_ATTENTION');
    return f?.evidence.records.requests;
  };

  it.each([
    ['a carrier choice', '请发顺丰,不要发韵达', [{ kind: 'carrier', phrase: '顺丰' }]],
    ['a colour picked wrongly', '颜色要黑色的,下单选错了', [{ kind: 'variant', phrase: '颜色要' }]],
    ['a size picked wrongly', '尺码拍错了,要L码', [{ kind: 'variant', phrase: '尺码拍错' }]],
    ['a drop-off place', '放门卫室/放菜鸟驿站', [{ kind: 'drop_off', phrase: '放门卫室' }]],
    ['merging with another order', '跟另一单一起发/合并发货', [{ kind: 'merge', phrase: '一起发' }]],
    ['merging, said plainly', '合并发货', [{ kind: 'merge', phrase: '合并发货' }]],
    ['a drop-off place in English', 'Please leave at the door', [{ kind: 'drop_off', phrase: 'leave at the door' }]],
    ['a carrier choice in English', 'Please ship with SF Express, not Yunda', [{ kind: 'carrier', phrase: 'SF Express' }]],
    ['a size change in English', 'Wrong size, I need it in L instead', [{ kind: 'variant', phrase: 'Wrong size' }]],
    ['merging in English', 'Please ship together with my other order', [{ kind: 'merge', phrase: 'ship together' }]],
  ])('reads %s and names it in the evidence', (_name, remark, expected) => {
    expect(requests(remark)).toEqual(expected);
  });

  it('reads "a gift, no invoice or price list in the parcel" as a gift, never as an invoice request', () => {
    expect(requests('送人的,别放发票和价格单')).toEqual([{ kind: 'gift', phrase: '送人' }]);
    expect(requests('别放发票和价格单')).toEqual([{ kind: 'gift', phrase: '别放发票和价格单' }]);
    expect(requests("It's a gift, no invoice please")).toEqual([{ kind: 'gift', phrase: 'gift' }]);
    expect(requests('Please do not include the receipt')).toEqual([{ kind: 'gift', phrase: 'do not include the receipt' }]);
  });

  it('still reads an invoice asked for beside a gift', () => {
    expect(requests('送人的,发票单独寄给我')).toEqual([
      { kind: 'invoice', phrase: '发票' },
      { kind: 'gift', phrase: '送人' },
    ]);
  });

  it('names each request read in the review and its note, in both locales', () => {
    const order = buildOrder({ remark: '请发顺丰,放菜鸟驿站' });
    const en = expectReport(triage.evaluate(order, { now }));
    expect(en.actions.map((a) => a.params)).toEqual([{ reason: 'remark_requests', details: ['carrier: 顺丰', 'drop_off: 放菜鸟驿站'] }]);
    expect(en.actions[0]?.note).toContain('Read as: a choice of carrier: 顺丰; where to leave the parcel: 放菜鸟驿站.');
    const zh = expectReport(createTriage({ locale: 'zh-CN' }).evaluate(order, { now }));
    expect(zh.actions[0]?.note).toContain('识别到的要求：指定快递：顺丰；指定放置地点：放菜鸟驿站。');
  });
});
