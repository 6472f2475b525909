import { readFileSync, writeFileSync } from 'node:fs';
import * as orderTriage from 'order-triage';
import { describe, expect, it } from 'vitest';
import { renderDemo } from '../examples/render-demo.mjs';

// The demo's plans, reviewed by eye and kept as golden files. The demo runs against the built
// package; this renders it against the source. After a reviewed change of the plans:
//   UPDATE_GOLDEN=1 npx vitest run test/demo-golden.test.ts
const LOCALES = ['en', 'zh-CN'] as const;
const golden = (locale: string) => new URL(`./fixtures/demo.${locale}.txt`, import.meta.url);

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
});
