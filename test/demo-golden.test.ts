import { readFileSync, writeFileSync } from 'node:fs';
import * as orderTriage from 'order-triage';
import { describe, expect, it } from 'vitest';
import { demoOptions, loadSampleOrders, messageGist, renderDemo } from '../examples/render-demo.mjs';

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
    const timed = text.split('\n').filter((line) => /respond by |, due |evaluated at /.test(line));
    expect(timed.length).toBeGreaterThan(26);
    const zoneName = locale === 'en' ? 'China Standard Time' : '中国标准时间';
    for (const line of timed) {
      expect(line).not.toMatch(/\d{4}-\d\d-\d\dT\d\d:\d\d/);
      expect(line).toContain(zoneName);
    }
    expect(text).toContain(locale === 'en' ? 'evaluated at Mar 1, 2026, 12:30 China Standard Time' : 'evaluated at 2026年3月1日 12:30 中国标准时间');
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
        // Chinese puts the demo's own words in full-width punctuation.
        const [open, comma] = locale === 'en' ? [' (', ', '] : ['（', '，'];
        for (const f of report.findings) expect(orderLine).toContain(` ${f.code}${open}${f.severity}${comma}${f.owner}`);
        for (const a of report.actions) {
          const money =
            'amount' in a.params && 'currency' in a.params && typeof a.params.currency === 'string'
              ? ` ${orderTriage.formatMoney(a.params.amount as number, a.params.currency, locale)}`
              : '';
          const reason = 'reason' in a.params && typeof a.params.reason === 'string' && a.kind !== 'contact_customer' ? ` (${a.params.reason})` : '';
          if (!a.customerMessage) expect(flat).toContain(`→ ${a.kind}${money}${reason} · ${a.owner}`);
          else {
            expect(flat).toContain(`→ ${a.kind} · ${a.owner}`);
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
