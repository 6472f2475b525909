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
    await page.selectOption('#locale', 'en');
    await page.waitForFunction(() => /payment/i.test(document.querySelector('#findings > li')?.textContent ?? ''), null, WAIT);
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
