import { readFileSync, writeFileSync } from 'node:fs';
import * as orderTriage from 'order-triage';
import { describe, expect, it } from 'vitest';
import { demoLabels, demoOptions, loadSampleOrders, messageGist, renderDemo } from '../examples/render-demo.mjs';

// The demo's plans, reviewed by eye and kept as golden files: the full plans (`npm run demo --
// --verbose`, demo.<locale>.txt) and the compact summary `npm run demo` prints
// (demo-compact.<locale>.txt). The demo runs against the built package; this renders it against
// the source. After a reviewed change of the plans:
//   UPDATE_GOLDEN=1 npx vitest run test/demo-golden.test.ts
const LOCALES = ['en', 'zh-CN'] as const;
const golden = (locale: string) => new URL(`./fixtures/demo.${locale}.txt`, import.meta.url);
const compactGolden = (locale: string) => new URL(`./fixtures/demo-compact.${locale}.txt`, import.meta.url);

describe('the demo’s plans', () => {
  it.each(LOCALES)('render in %s byte for byte as the reviewed golden file', (locale) => {
    const text = renderDemo(orderTriage, { locale });
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(golden(locale), text);
    expect(text).toBe(readFileSync(golden(locale), 'utf8'));
  });

  it.each(LOCALES)('show respondBy, dueBy and now in the shop’s time zone, not as UTC timestamps (%s)', (locale) => {
    const text = renderDemo(orderTriage, { locale });
    const timed = text.split('\n').filter((line) => (locale === 'en' ? /respond by |, due |evaluated at / : /响应时限 |截止 |评估时间 /).test(line));
    expect(timed.length).toBeGreaterThan(26);
    const zoneName = locale === 'en' ? 'China Standard Time' : '中国标准时间';
    for (const line of timed) {
      expect(line).not.toMatch(/\d{4}-\d\d-\d\dT\d\d:\d\d/);
      expect(line).toContain(zoneName);
    }
    expect(text).toContain(locale === 'en' ? 'evaluated at Mar 1, 2026, 12:30 China Standard Time' : '评估时间 2026年3月1日 12:30 中国标准时间');
  });

  it.each(LOCALES)('print by default a compact summary that fits two screens (at most 110 lines), byte for byte as the reviewed golden file (%s)', (locale) => {
    const compact = renderDemo(orderTriage, { locale, verbose: false });
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(compactGolden(locale), compact);
    expect(compact).toBe(readFileSync(compactGolden(locale), 'utf8'));
    const lines = compact.split('\n').length;
    expect(lines).toBeLessThanOrEqual(110);
    expect(lines * 3).toBeLessThan(renderDemo(orderTriage, { locale }).split('\n').length);
  });

  it.each(LOCALES)(
    'keep in the compact summary every finding, every action with its amount and what every customer message says (its opening after the greeting), times in the zone its header names (%s)',
    (locale) => {
      const compact = renderDemo(orderTriage, { locale, verbose: false });
      const { now, blacklist, calendar, orders } = loadSampleOrders();
      const triage = orderTriage.createTriage(demoOptions(orderTriage, locale));
      const flat = compact.replace(/\n +/g, ' ');
      // Wrapping breaks Chinese text between characters: messages are compared without whitespace.
      const dense = compact.replace(/\s+/g, '');
      for (const order of orders) {
        const report = triage.evaluate(order, { now, blacklist, calendar });
        if (!report.ok) continue;
        const orderLine = flat.split('\n').find((line) => line.startsWith(`! ${report.orderId} `)) ?? '';
        // Chinese puts the demo's own words in full-width punctuation, severity and owner in words.
        const { open, close, comma, severity, owner } = demoLabels(locale);
        const catalogue = orderTriage.messageCatalogues[locale];
        for (const f of report.findings) expect(orderLine).toContain(` ${f.code}${open}${severity(f.severity)}${comma}${owner(f.owner, catalogue)}`);
        for (const a of report.actions) {
          const money =
            'amount' in a.params && 'currency' in a.params && typeof a.params.currency === 'string'
              ? ` ${orderTriage.formatMoney(a.params.amount as number, a.params.currency, locale)}`
              : '';
          const reason = 'reason' in a.params && typeof a.params.reason === 'string' && a.kind !== 'contact_customer' ? `${open}${a.params.reason}${close}` : '';
          if (!a.customerMessage) expect(flat).toContain(`→ ${a.kind}${money}${reason} · ${owner(a.owner, catalogue)}`);
          else {
            expect(flat).toContain(`→ ${a.kind} · ${owner(a.owner, catalogue)}`);
            const gist = messageGist(a.customerMessage.text, report.orderId);
            expect(gist.length).toBeLessThan(a.customerMessage.text.length);
            expect(dense).toContain(gist.slice(0, 20).replace(/\s+/g, ''));
          }
        }
      }
      const zoneName = locale === 'en' ? 'China Standard Time' : '中国标准时间';
      expect(compact.split('\n')[0]).toContain(zoneName);
      expect(compact).not.toMatch(/\d{4}-\d\d-\d\dT\d\d:\d\d/);
      // The sample orders' SLAs end that afternoon in Shanghai: 13:30 is 05:30 UTC.
      expect(compact).toContain(locale === 'en' ? 'due Mar 1, 13:30' : '截止 3月1日 13:30');
    },
  );
});

describe('the demo as a reader finds it', () => {
  const { now, blacklist, calendar, orders } = loadSampleOrders();
  const messageOf = (locale: string, idEnd: string) => {
    const triage = orderTriage.createTriage(demoOptions(orderTriage, locale));
    const order = (orders as { id: string }[]).find((o) => o.id.endsWith(idEnd));
    const report = expectOk(triage.evaluate(order, { now, blacklist, calendar }));
    return { report, text: report.actions.find((a) => a.customerMessage)?.customerMessage?.text ?? '' };
  };
  const expectOk = (r: orderTriage.EvaluateResult) => {
    if (!r.ok) throw new Error(r.error.message);
    return r;
  };

  it('speaks Chinese in the zh-CN demo, compact and verbose: none of the demo’s English labels', () => {
    const english =
      /respond by|confidence|first checks|\bdue\b|no approval needed|automatable|a person decides|\bkey\b|\bnote:|tell the customer|no exceptions|findings, |sample orders|[a-z_]+ \([a-z_A-Z]+\)/;
    for (const verbose of [true, false]) {
      const text = renderDemo(orderTriage, { locale: 'zh-CN', verbose });
      for (const line of text.split('\n')) expect(line).not.toMatch(english);
      expect(text.split('\n')[0]).toMatch(/^order-triage 演示：26 个样例订单，/);
    }
    const compact = renderDemo(orderTriage, { locale: 'zh-CN', verbose: false });
    expect(compact).toContain('→ refund ¥178.00（duplicate_payment） · 财务');
    expect(compact).toContain('DUPLICATE_PAYMENT（高，财务，');
    expect(compact.trimEnd().endsWith('npm run demo -- --verbose --locale zh-CN：完整处理方案，含依据与员工备注')).toBe(true);
    expect(renderDemo(orderTriage, { locale: 'zh-CN' })).toContain('先查：查看支付网关返回的失败原因和错误码；确认');
  });

  it.each(LOCALES)('names the time zone once in the compact header (%s)', (locale) => {
    const header = renderDemo(orderTriage, { locale, verbose: false }).split('\n')[0] ?? '';
    const zoneName = locale === 'en' ? 'China Standard Time' : '中国标准时间';
    expect(header.split(zoneName).length).toBe(2);
    expect(header).toContain('Asia/Shanghai');
  });

  it.each(LOCALES)('never doubles the opening quote of a message that opens with a quotation (%s)', (locale) => {
    const compact = renderDemo(orderTriage, { locale, verbose: false });
    expect(compact).not.toMatch(/““|「「|“「|「“/);
    if (locale === 'en') expect(compact).toContain('customer_service: “游戏主机” from your order has just sold out');
  });

  it.each(LOCALES)('says the hold once when the address and the phone both need confirming (ORD-…-0026, %s)', (locale) => {
    const { text } = messageOf(locale, '0026');
    const hold = locale === 'en' ? 'keep the parcel here' : '暂缓发出';
    expect(text.split(hold).length).toBe(2);
    expect(text).toContain(locale === 'en' ? 'mobile number' : '手机号码');
  });

  it.each(LOCALES)('tells the customer who refused a damaged parcel what the plan does: return, inspect, refund in full (ORD-…-0024, %s)', (locale) => {
    const { report, text } = messageOf(locale, '0024');
    expect(report.actions.map((a) => a.kind)).toContain('request_return');
    if (locale === 'en') {
      expect(text).toContain('You told us your order had a problem when it arrived. We will arrange its return; once we have inspected it, we will refund you in full.');
      expect(text).not.toMatch(/not what you expected|the items/);
    } else expect(text).toContain('您反馈商品到货时有问题。我们会为您安排退货，收到并验收商品后为您全额退款。');
  });

  it('asks a customer with a broken number before payment for a new one without saying the courier twice (ORD-…-0012, zh-CN)', () => {
    const { text } = messageOf('zh-CN', '0012');
    expect(text).toContain('请在付款前改为能接通的手机号码。');
    expect(text).not.toContain('以便快递联系您');
  });

  it('names the blacklisted identifier in the review note and counts identifiers in the summary (ORD-…-0014, en)', () => {
    const { report } = messageOf('en', '0014');
    expect(report.findings.find((f) => f.code === 'BLACKLISTED')?.summary).toBe('Order ORD-240301-0014 matches the blacklist on 1 identifier.');
    const review = report.actions.find((a) => a.kind === 'manual_review' && a.params.reason === 'blacklisted');
    expect(review?.note).toBe("Order ORD-240301-0014: review: the buyer's device is on the blacklist.");
  });

  it('puts the shipping already deducted after the refund, not "after deducting" (ORD-…-0023, en)', () => {
    expect(messageOf('en', '0023').text).toContain('we will refund CN¥399.00 to your original payment method (CN¥15.00 shipping already deducted, under our returns policy)');
  });

  it.each(LOCALES)('labels the photo request of a damage claim as what it asks for (ORD-…-0016, %s)', (locale) => {
    const { report } = messageOf(locale, '0016');
    const contact = report.actions.find((a) => a.kind === 'contact_customer');
    expect(contact?.note).toContain(locale === 'en' ? 'photos' : '照片');
  });
});
