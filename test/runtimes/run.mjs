// npm run test:runtimes: packs order-triage, runs the scenario corpus (src/corpus.mjs) in every
// runtime named in docs/runtimes.md and requires each dump byte-identical to Node ESM's.
// Needs: the package built (npm run build), `npm ci` in test/runtimes, /usr/bin/chromium.
// Dumps go to .ci/out/runtimes/; closing line "N passed, N failed".
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { serve } from './src/serve.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const work = join(here, '.work');
const out = join(root, '.ci', 'out', 'runtimes');
const bin = (name) => join(here, 'node_modules', '.bin', name);
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Installs the package as users get it: `npm pack`, unpacked into node_modules/order-triage. */
function installPacked() {
  if (!existsSync(join(root, 'dist', 'index.js'))) throw new Error('dist/ is missing: run npm run build first');
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  execFileSync('npm', ['pack', root, '--pack-destination', work, '--silent'], { cwd: here, stdio: ['ignore', 'ignore', 'inherit'] });
  const tarball = readdirSync(work).find((f) => f.endsWith('.tgz'));
  const target = join(here, 'node_modules', 'order-triage');
  rmSync(target, { recursive: true, force: true });
  mkdirSync(target, { recursive: true });
  execFileSync('tar', ['xzf', join(work, tarball), '-C', target, '--strip-components=1']);
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: here, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, ...options });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${result.status}\n${result.stderr}${result.error ?? ''}`);
  return result.stdout;
}

const bundle = (entry, outfile, options) => build({ entryPoints: [join(here, 'src', entry)], outfile: join(work, outfile), bundle: true, logLevel: 'silent', ...options });

/** Loads a page in headless Chromium, waits for its corpus, and fails on any console error or CSP violation. */
async function inChromium(browser, url) {
  const page = await browser.newPage();
  const problems = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__violations = [...(window.__violations ?? []), `${e.violatedDirective} ${e.blockedURI}`];
    });
  });
  await page.goto(url);
  await page.waitForFunction(() => window.__corpus !== undefined || window.__corpusError !== undefined, null, { timeout: 300_000 });
  const { dump, error, violations } = await page.evaluate(() => ({ dump: window.__corpus, error: window.__corpusError, violations: window.__violations ?? [] }));
  await page.close();
  problems.push(...violations.map((v) => `CSP violation: ${v}`));
  if (error) problems.push(error);
  if (problems.length > 0) throw new Error(problems.join('\n'));
  return dump;
}

async function browsers() {
  await bundle('browser.mjs', 'web/app.js', { platform: 'browser', format: 'esm' });
  await bundle('browser-csp.mjs', 'web/csp/app.js', { platform: 'browser', format: 'esm' });
  await bundle('browser.mjs', 'web/csp-control/app.js', { platform: 'browser', format: 'esm' });
  const page = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>corpus</title><script type="module" src="app.js"></script></head><body></body></html>';
  writeFileSync(join(work, 'web', 'index.html'), page);
  writeFileSync(join(work, 'web', 'csp', 'index.html'), page);
  writeFileSync(join(work, 'web', 'csp-control', 'index.html'), page);
  const csp = "default-src 'none'; script-src 'self'; connect-src 'self'";
  const server = await serve(join(work, 'web'), (path) => (path.startsWith('/csp') ? { 'content-security-policy': csp } : {}));
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    return {
      chromium: () => inChromium(browser, `${server.url}/`),
      'chromium, strict CSP (script-src self)': () => inChromium(browser, `${server.url}/csp/`),
      cspControl: () => inChromium(browser, `${server.url}/csp-control/`),
      done: async () => {
        await browser.close();
        await server.close();
      },
    };
  } catch (error) {
    await browser.close();
    await server.close();
    throw error;
  }
}

/** Serves the worker bundle with workerd on a free port and fetches the dump. */
async function inWorkerd() {
  await bundle('worker.mjs', 'worker/worker.js', { platform: 'neutral', format: 'esm', mainFields: ['module', 'main'], conditions: ['workerd', 'worker', 'browser'] });
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const config = `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [(name = "main", worker = .corpus)],
  sockets = [(name = "http", address = "127.0.0.1:${port}", http = (), service = "main")],
);
const corpus :Workerd.Worker = (modules = [(name = "worker.js", esModule = embed "worker.js")], compatibilityDate = "2025-01-01");
`;
  writeFileSync(join(work, 'worker', 'config.capnp'), config);
  const child = spawn(bin('workerd'), ['serve', join(work, 'worker', 'config.capnp')], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => {
    stderr += d;
  });
  try {
    for (let attempt = 0; attempt < 300; attempt++) {
      try {
        const res = await fetch(`http://127.0.0.1:${port}/`);
        const body = await res.text();
        if (!res.ok) throw new Error(`workerd answered ${res.status}: ${body}`);
        return body;
      } catch (error) {
        if (error.message.startsWith('workerd answered') || child.exitCode !== null) throw new Error(`${error.message}\n${stderr}`);
        await new Promise((r) => setTimeout(r, 200));
      }
    }
    throw new Error(`workerd did not answer\n${stderr}`);
  } finally {
    child.kill();
  }
}

const REQUIRE_BANNER = { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" };

/**
 * esbuild --platform=node --format=esm with its one setting (a `require` for json-rules-engine's
 * jsonpath-plus, loaded only when a custom operator runs): the corpus, then a custom operator.
 */
async function esbuildNodeEsm() {
  await bundle('node-esm.mjs', 'esbuild-node-esm/out.mjs', { platform: 'node', format: 'esm', banner: REQUIRE_BANNER });
  await bundle('custom-operator.mjs', 'esbuild-node-esm/custom.mjs', { platform: 'node', format: 'esm', banner: REQUIRE_BANNER });
  const custom = run(process.execPath, [join(work, 'esbuild-node-esm', 'custom.mjs')]);
  if (custom !== '["SHENZHEN"]') throw new Error(`the custom operator bundle answered ${custom}, not ["SHENZHEN"]`);
  return run(process.execPath, [join(work, 'esbuild-node-esm', 'out.mjs')]);
}

/**
 * esbuild --platform=neutral with its two settings: main fields (neutral has none, and
 * json-rules-engine has only `main`) and the `browser` condition (jsonpath-plus's build without
 * node:vm).
 */
async function esbuildNeutral() {
  await bundle('node-esm.mjs', 'esbuild-neutral/out.mjs', { platform: 'neutral', format: 'esm', mainFields: ['module', 'main'], conditions: ['browser'] });
  return run(process.execPath, [join(work, 'esbuild-neutral', 'out.mjs')]);
}

/**
 * Controls: each setting above is needed, and the checks see what they are for. Each control
 * passes when the run without the setting fails as docs/runtimes.md says; one that stops failing
 * means the setting may no longer be needed (update docs/runtimes.md).
 */
function controls(web, reference) {
  const expectFailure = async (attempt, pattern) => {
    try {
      await attempt();
    } catch (error) {
      if (pattern.test(error.message)) return;
      throw new Error(`failed, but not as expected (${pattern}): ${error.message}`);
    }
    throw new Error('did not fail');
  };
  const dump = JSON.parse(reference);
  return {
    'control: a reference without zh-CN scenarios or with an empty batch is refused': () =>
      Promise.all([
        expectFailure(() => assertMeaningful(JSON.stringify({ ...dump, scenarios: { en: dump.scenarios.en } })), /zh-CN: 0 of 0/),
        expectFailure(
          () => assertMeaningful(JSON.stringify({ ...dump, batch: { ...dump.batch, reports: { ...dump.batch.reports, en: { findings: [] } } } })),
          /en: the batch has no findings/,
        ),
        expectFailure(() => assertMeaningful('{}'), /only 2 bytes/),
        expectFailure(() => assertMeaningful(JSON.stringify({ ...dump, scenarios: { ...dump.scenarios, en: dump.scenarios['zh-CN'] } })), /en: \d+% of the text is Chinese/),
      ]),
    'control: the CSP page without zod jitless reports a violation': () => expectFailure(web.cspControl, /CSP violation: script-src/),
    'control: esbuild node-ESM without the require banner throws Dynamic require of "vm" once a custom operator runs': () =>
      expectFailure(async () => {
        await bundle('custom-operator.mjs', 'control-node-esm/out.mjs', { platform: 'node', format: 'esm' });
        run(process.execPath, [join(work, 'control-node-esm', 'out.mjs')]);
        // evaluate never throws: the failure comes back as internal_error, its message JSON-quoted.
      }, /Dynamic require of \\?"vm\\?" is not supported/),
    'control: esbuild neutral without main fields cannot resolve json-rules-engine': () =>
      expectFailure(() => bundle('node-esm.mjs', 'control-neutral/out.mjs', { platform: 'neutral', format: 'esm' }), /Could not resolve "json-rules-engine"/),
    'control: esbuild neutral without the browser condition cannot resolve vm': () =>
      expectFailure(() => bundle('node-esm.mjs', 'control-neutral/out.mjs', { platform: 'neutral', format: 'esm', mainFields: ['module', 'main'] }), /Could not resolve "vm"/),
  };
}

/** Smallest reference dump taken as the whole corpus (it is about 1 MB); a smaller one means a part went missing. */
const MIN_REFERENCE_BYTES = 200_000;

/**
 * Throws unless Node's dump is the corpus it should be: big enough, every scenario report ok in
 * both locales, Chinese text in zh-CN and none in en, cross-order findings in the batch, and a
 * backtest that both adds and removes findings. Comparing runtimes with an empty or broken
 * reference would prove nothing.
 */
export function assertMeaningful(text) {
  const problems = [];
  if (text.length < MIN_REFERENCE_BYTES) problems.push(`only ${text.length} bytes (at least ${MIN_REFERENCE_BYTES} expected)`);
  const dump = JSON.parse(text);
  const cjk = /[\u4e00-\u9fff]/;
  const cjkAll = /[\u4e00-\u9fff]/g;
  for (const locale of ['zh-CN', 'en']) {
    const scenarios = dump.scenarios?.[locale] ?? [];
    const ok = scenarios.filter((r) => r.ok === true && r.findings.length > 0).length;
    if (scenarios.length < 20 || ok < scenarios.length * 0.8) problems.push(`${locale}: ${ok} of ${scenarios.length} scenario reports are ok with findings`);
    // Order data (product names, pickup points) may be Chinese in any locale: the templates decide.
    const texts = scenarios.flatMap((r) => (r.ok ? [...r.findings.map((f) => f.summary), ...r.actions.map((a) => a.customerMessage?.text ?? '')] : []));
    const all = texts.join('');
    const share = all.length === 0 ? 0 : (all.match(cjkAll) ?? []).length / all.length;
    if (locale === 'zh-CN' && !texts.filter((t) => t !== '').every((t) => cjk.test(t))) problems.push('zh-CN: a summary or message has no Chinese text');
    if (locale === 'en' && share > 0.05) problems.push(`en: ${Math.round(share * 100)}% of the text is Chinese`);
    const batch = dump.batch?.reports?.[locale];
    if (!batch || batch.findings.length === 0) problems.push(`${locale}: the batch has no findings across orders`);
    if (!dump.currencies?.[locale] || !dump.userRules?.[locale]) problems.push(`${locale}: currencies or user rules missing`);
  }
  const changed = dump.batch?.diff?.changed ?? [];
  if (!changed.some((c) => c.added.length > 0) || !changed.some((c) => c.removed.length > 0)) problems.push('the backtest neither adds and removes findings');
  if (problems.length > 0) throw new Error(`the Node reference is not a meaningful corpus: ${problems.join('; ')}`);
}

async function main() {
  installPacked();
  mkdirSync(out, { recursive: true });
  const reference = run(process.execPath, ['src/node-esm.mjs'], { env: { ...process.env, TZ: 'UTC' } });
  writeFileSync(join(out, 'node-esm.json'), reference);
  assertMeaningful(reference);
  const deno = mkdtempSync(join(tmpdir(), 'deno-'));
  const web = await browsers();
  const runtimes = {
    'node (ESM), TZ=America/Los_Angeles': () => run(process.execPath, ['src/node-esm.mjs'], { env: { ...process.env, TZ: 'America/Los_Angeles' } }),
    'node (ESM), TZ=Asia/Kolkata': () => run(process.execPath, ['src/node-esm.mjs'], { env: { ...process.env, TZ: 'Asia/Kolkata' } }),
    'node (CommonJS)': () => run(process.execPath, ['src/node-cjs.cjs']),
    bun: () => run(bin('bun'), ['src/node-esm.mjs']),
    deno: () => run(bin('deno'), ['run', '--allow-read', '--allow-env', 'src/node-esm.mjs'], { env: { ...process.env, DENO_DIR: deno, DENO_NO_UPDATE_CHECK: '1' } }),
    chromium: web.chromium,
    'chromium, strict CSP (script-src self)': web['chromium, strict CSP (script-src self)'],
    workerd: inWorkerd,
    'esbuild --platform=node --format=esm': esbuildNodeEsm,
    'esbuild --platform=neutral': esbuildNeutral,
  };
  let passed = 1;
  let failed = 0;
  console.log(`ok   node (ESM): reference, ${reference.length} bytes, a meaningful corpus`);
  for (const [name, runtime] of Object.entries(runtimes)) {
    try {
      const dump = await runtime();
      writeFileSync(join(out, `${name.replace(/[^a-z0-9]+/gi, '-')}.json`), dump);
      if (dump !== reference) throw new Error(`output differs from Node's at byte ${firstDifference(dump, reference)}`);
      passed++;
      console.log(`ok   ${name}`);
    } catch (error) {
      failed++;
      console.log(`FAIL ${name}: ${error.message}`);
    }
  }
  for (const [name, control] of Object.entries(controls(web, reference))) {
    try {
      await control();
      passed++;
      console.log(`ok   ${name}`);
    } catch (error) {
      failed++;
      console.log(`FAIL ${name}: ${error.message}`);
    }
  }
  await web.done();
  rmSync(deno, { recursive: true, force: true });
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed === 0 ? 0 : 1;
}

function firstDifference(a, b) {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `${i}: ${JSON.stringify(a.slice(Math.max(0, i - 80), i + 80))} vs ${JSON.stringify(b.slice(Math.max(0, i - 80), i + 80))}`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
