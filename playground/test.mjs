// npm run test:playground: the built playground in headless Chromium (Debian's, driven by
// playwright-core). Screenshots go to .ci/out/playground-*.png; closing line "N passed, N failed".
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { buildPlayground } from './build.mjs';
import { serve } from './serve.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, '..', '.ci', 'out');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const WAIT = { timeout: 60_000 };

const codes = (page) => page.$$eval('#findings > li', (items) => items.map((li) => li.dataset.code));

const checks = {
  'the page loads with no console error and no CSP violation': async (page, problems) => {
    await page.waitForSelector('body[data-ready="true"]', WAIT);
    await page.screenshot({ path: join(out, 'playground-loaded.png'), fullPage: true });
    if (problems.length > 0) throw new Error(problems.join('\n'));
  },
  'a scenario picked from the list is evaluated and shows its finding with evidence and plan': async (page) => {
    await page.selectOption('#scenario', 'payment.paymentFailed');
    await page.waitForSelector('#findings > li[data-code="PAYMENT_FAILED"]', WAIT);
    const evidence = await page.textContent('#findings > li[data-code="PAYMENT_FAILED"] ul');
    if (!evidence.includes('payments')) throw new Error(`no evidence shown: ${evidence}`);
    if ((await page.$$('#plan > li')).length === 0) throw new Error('no plan shown');
    const cjk = /[\u4e00-\u9fff]/;
    await page.selectOption('#locale', 'zh-CN');
    await page.waitForFunction(() => document.querySelector('#findings > li [lang="zh-CN"]') !== null, null, WAIT);
    const zh = await page.textContent('#findings > li[data-code="PAYMENT_FAILED"] [lang]');
    if (!cjk.test(zh)) throw new Error(`zh-CN summary has no Chinese: ${zh}`);
    await page.selectOption('#locale', 'en');
    await page.waitForFunction(() => document.querySelector('#findings > li [lang="en"]') !== null, null, WAIT);
    const en = await page.textContent('#findings > li[data-code="PAYMENT_FAILED"] [lang]');
    if (cjk.test(en) || !/payment/i.test(en)) throw new Error(`en summary is not English: ${en}`);
    const plan = await page.textContent('#plan');
    if (/approval (none|supervisor|manager)/.test(plan) || !/(no approval needed|needs \w+ approval)/.test(plan)) throw new Error(`approval not in words: ${plan}`);
    if (!/due \d{4}-\d\d-\d\d \d\d:\d\d \(Asia\/Shanghai\)/.test(plan)) throw new Error(`due time not in the shop's time zone: ${plan}`);
    if ((await page.$$('#explain .tree li')).length === 0) throw new Error('no explain tree');
    await page.screenshot({ path: join(out, 'playground-scenario.png'), fullPage: true });
  },
  'an invalid snapshot shows every problem with its path': async (page) => {
    const snapshot = JSON.parse(await page.inputValue('#snapshot'));
    snapshot.payments[0].amount = -5;
    snapshot.currency = 'XX';
    await page.fill('#snapshot', JSON.stringify(snapshot, null, 2));
    await page.waitForSelector('#snapshot-problems li', WAIT);
    const text = await page.textContent('#snapshot-problems');
    for (const path of ['payments[0].amount', 'currency']) if (!text.includes(path)) throw new Error(`no problem at ${path}: ${text}`);
    await page.screenshot({ path: join(out, 'playground-invalid.png') });
  },
  'a rule edit changes the result, and invalid rules show createTriage’s issues': async (page) => {
    await page.selectOption('#scenario', 'payment.duplicatePayment');
    await page.waitForSelector('#findings > li[data-code="DUPLICATE_PAYMENT"]', WAIT);
    const before = await codes(page);
    const rule = {
      name: 'any-order',
      conditions: { all: [{ fact: 'order', path: '$.totals.payable', operator: 'greaterThan', value: 100 }] },
      event: { type: 'SEEN_IT', params: { category: 'system', severity: 'low', owner: 'tech' } },
    };
    await page.fill('#rules', JSON.stringify({ rules: [rule] }, null, 2));
    await page.waitForSelector('#findings > li[data-code="SEEN_IT"]', WAIT);
    const after = await codes(page);
    if (before.includes('SEEN_IT') || !after.includes('SEEN_IT')) throw new Error(`findings did not change: ${before} → ${after}`);
    await page.fill('#rules', JSON.stringify({ rules: [{ ...rule, conditions: { all: [{ fact: 'no.such.fact', operator: 'equal', value: 1 }] } }] }));
    await page.waitForSelector('#rules-problems li', WAIT);
    const problems = await page.textContent('#rules-problems');
    if (!problems.includes('rules[0]')) throw new Error(`no path in the rule problems: ${problems}`);
    await page.screenshot({ path: join(out, 'playground-rules.png'), fullPage: true });
  },
  'a scenario’s context (blacklist) is shown in an editable box, and clearing it changes the findings': async (page) => {
    await page.fill('#rules', '{}');
    await page.selectOption('#scenario', 'fraud.blacklisted');
    await page.waitForSelector('#findings > li[data-code="BLACKLISTED"]', WAIT);
    const context = await page.inputValue('#context');
    if (!context.includes('+86 138-0013-8000')) throw new Error(`the blacklist is not shown: ${context}`);
    await page.fill('#snapshot', await page.inputValue('#snapshot'));
    await page.fill('#context', '{}');
    await page.waitForFunction(() => document.querySelector('#findings > li[data-code="BLACKLISTED"]') === null, null, WAIT);
    await page.fill('#context', '[1]');
    await page.waitForSelector('#context[aria-invalid="true"]', WAIT);
    await page.fill('#context', '{}');
  },
  'the report’s warnings are listed with their paths': async (page) => {
    await page.selectOption('#scenario', 'payment.paymentFailed');
    await page.waitForSelector('#findings > li[data-code="PAYMENT_FAILED"]', WAIT);
    const snapshot = JSON.parse(await page.inputValue('#snapshot'));
    snapshot.promisedShipBi = '2026-03-02T10:00:00+08:00';
    await page.fill('#snapshot', JSON.stringify(snapshot, null, 2));
    await page.waitForFunction(() => document.querySelector('#warnings')?.textContent.includes('promisedShipBi'), null, WAIT);
    const text = await page.textContent('#warnings');
    if (!/promisedShipBy/.test(text)) throw new Error(`the warning does not suggest promisedShipBy: ${text}`);
    if (!/warning/.test(await page.textContent('#result-status'))) throw new Error('the live status does not count warnings');
  },
  'a rule condition on an order path no snapshot has is warned about with a did-you-mean': async (page) => {
    const rule = {
      name: 'typo',
      conditions: { all: [{ fact: 'order', path: '$.totals.payabel', operator: 'greaterThan', value: 100 }] },
      event: { type: 'TYPO', params: { category: 'system', severity: 'low', owner: 'tech' } },
    };
    await page.fill('#rules', JSON.stringify({ rules: [rule] }, null, 2));
    await page.waitForSelector('#rules-warnings li', WAIT);
    const text = await page.textContent('#rules-warnings');
    if (!text.includes('rules[0].conditions.all[0].path') || !text.includes('did you mean "$.totals.payable"')) throw new Error(`no lint warning: ${text}`);
  },
  'rules that are null or a string are refused with what they must be': async (page) => {
    for (const value of ['null', '"abc"']) {
      await page.fill('#rules', value);
      await page.waitForFunction(
        (v) =>
          document.querySelector('#rules-problems')?.textContent.includes('must be an array of rules') && document.querySelector('#rules')?.getAttribute('aria-invalid') === 'true',
        value,
        WAIT,
      );
    }
    await page.fill('#rules', '{ not json');
    await page.waitForFunction(() => document.querySelector('#rules-problems')?.textContent.includes('The rules are not valid JSON'), null, WAIT);
    await page.fill('#rules', '{}');
    await page.waitForFunction(() => document.querySelector('#rules')?.getAttribute('aria-invalid') === 'false', null, WAIT);
  },
  'a bad now is reported beside the now field, which is marked invalid': async (page) => {
    await page.selectOption('#scenario', 'payment.paymentFailed');
    await page.fill('#now', 'yesterday');
    await page.waitForSelector('#now[aria-invalid="true"]', WAIT);
    const text = await page.textContent('#now-problems');
    if (!/now/.test(text)) throw new Error(`no problem beside now: ${text}`);
    if ((await page.getAttribute('#now', 'aria-describedby')) !== 'now-problems') throw new Error('now is not described by its problems');
    await page.screenshot({ path: join(out, 'playground-badnow.png') });
    await page.selectOption('#scenario', 'payment.paymentFailed');
    await page.waitForSelector('#now[aria-invalid="false"]', WAIT);
  },
  'the backtest renders its chart and the orders that change': async (page) => {
    await page.selectOption('#scenario', 'payment.duplicatePayment');
    await page.fill('#rules', '{}');
    await page.fill('#bt-count', '400');
    await page.focus('#bt-run');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#bt-svg rect[data-set="b"]', { ...WAIT, state: 'attached' });
    const bars = await page.$$eval('#bt-svg rect[data-code]', (rects) => rects.filter((r) => Number(r.getAttribute('width')) > 0).length);
    const changed = await page.$$eval('#bt-changed li', (items) => items.map((li) => li.textContent));
    if (bars === 0) throw new Error('the chart has no bars');
    if (changed.length === 0 || changed[0] === 'No order changes.') throw new Error(`no changed orders listed: ${changed}`);
    await page.locator('#backtest-heading').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(out, 'playground-backtest.png'), fullPage: true });
  },

  'the backtest shows a busy state while it runs, and a failed run clears the old chart': async (page) => {
    await page.fill('#bt-count', '5000');
    const busy = await page.evaluate(() => {
      const button = document.querySelector('#bt-run');
      button.click();
      return { disabled: button.disabled, ariaBusy: button.getAttribute('aria-busy'), text: button.textContent };
    });
    if (!busy.disabled || busy.ariaBusy !== 'true' || busy.text !== 'Running…') throw new Error(`not busy: ${JSON.stringify(busy)}`);
    await page.waitForSelector('#bt-run:not([disabled])', WAIT);
    await page.waitForSelector('#bt-svg', { ...WAIT, state: 'attached' });
    const caption = await page.textContent('#bt-chart figcaption');
    if (!/^5000 orders: \d+ orders? changes?, \d+ invalid\.$/.test(caption) || / 1 orders| [02-9]\d* order changes/.test(caption)) throw new Error(`caption: ${caption}`);
    await page.fill('#rules-b', 'null');
    await page.click('#bt-run');
    await page.waitForSelector('#backtest-problems li', WAIT);
    if ((await page.$('#bt-svg')) !== null || (await page.$('#bt-chart figcaption')) !== null) throw new Error('the old chart is still shown beside the failure');
  },
  'the default rule set B changes hits of a built-in code through a threshold': async (page) => {
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]', WAIT);
    await page.click('#bt-run');
    await page.waitForSelector('#bt-svg', { ...WAIT, state: 'attached' });
    const removed = await page.$$eval('#bt-changed li', (items) => items.filter((li) => li.textContent.includes('−CAPTURED_NOT_REFUNDED')).length);
    if (removed === 0) throw new Error('no order loses CAPTURED_NOT_REFUNDED under B');
  },
  'the chart fits a narrow window and long codes are cut with the whole code as a tooltip': async (page) => {
    const rule = (type) => ({
      name: type,
      conditions: { all: [{ fact: 'order', path: '$.totals.payable', operator: 'greaterThan', value: 20_000 }] },
      event: { type, params: { category: 'system', severity: 'low', owner: 'tech' } },
    });
    const long = 'A_VERY_LONG_USER_RULE_CODE_THAT_DOES_NOT_FIT_THE_LABEL_COLUMN';
    await page.fill('#rules', '{}');
    await page.fill('#rules-b', JSON.stringify({ rules: [rule(long)] }));
    await page.setViewportSize({ width: 480, height: 900 });
    await page.fill('#bt-count', '300');
    await page.click('#bt-run');
    await page.waitForSelector(`#bt-svg text[data-label="${long}"]`, { ...WAIT, state: 'attached' });
    const label = await page.$eval(`#bt-svg text[data-label="${long}"]`, (t) => ({ title: t.querySelector('title')?.textContent, shown: t.lastChild.textContent }));
    if (label.title !== long || !label.shown.endsWith('…') || label.shown.length > 30) throw new Error(`label: ${JSON.stringify(label)}`);
    const fits = await page.$eval('#bt-svg', (svg) => svg.getBoundingClientRect().right <= document.documentElement.clientWidth);
    if (!fits) throw new Error('the chart is wider than the window');
    await page.locator('#backtest-heading').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(out, 'playground-narrow.png'), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });
  },
};

async function main() {
  mkdirSync(out, { recursive: true });
  const dist = await buildPlayground(join(here, 'dist'));
  const server = await serve(dist);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const problems = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  await page.addInitScript(() => document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective}`)));
  await page.goto(`${server.url}/`);
  let passed = 0;
  let failed = 0;
  for (const [name, check] of Object.entries(checks)) {
    try {
      await check(page, problems);
      passed++;
      console.log(`ok   ${name}`);
    } catch (error) {
      failed++;
      console.log(`FAIL ${name}: ${error.message}`);
    }
  }
  if (problems.length > 0) {
    failed++;
    console.log(`FAIL no console error during the checks:\n${problems.join('\n')}`);
  }
  await browser.close();
  await server.close();
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed === 0 ? 0 : 1;
}

await main();
