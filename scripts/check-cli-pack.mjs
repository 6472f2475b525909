// The command line from the packed tarball, as a CI job installs it: `npm pack`, install the
// tarball into an empty project, then `npx order-triage` lints a good and a bad rule file (exit
// codes), evaluates the sample orders and prints the snapshot schema. Needs dist/ (npm run build,
// or a prepack script); the lead runs it from .ci/run.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
assert.ok(existsSync(join(root, 'dist/cli.js')), 'dist/cli.js is missing: run npm run build first');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const dir = mkdtempSync(join(tmpdir(), 'order-triage-pack-'));
try {
  const [{ filename }] = JSON.parse(execFileSync(npm, ['pack', '--json', '--ignore-scripts', '--pack-destination', dir], { cwd: root, encoding: 'utf8' }));
  const project = join(dir, 'project');
  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'cli-pack-check', private: true, type: 'module' }));
  execFileSync(npm, ['install', '--no-audit', '--no-fund', '--prefer-offline', join(dir, filename)], { cwd: project, stdio: 'inherit' });

  const run = (...args) => spawnSync(npx, ['--no-install', 'order-triage', ...args], { cwd: project, encoding: 'utf8' });
  const good = join(root, 'examples/rules/my-rules.json');
  const bad = join(project, 'bad-rules.json');
  writeFileSync(bad, JSON.stringify([{ name: 'x', conditions: { all: [{ fact: 'totals.payabel', operator: 'greaterThan', value: 1 }] }, event: { type: 'X', params: {} } }]));

  const lintGood = run('lint', good);
  assert.equal(lintGood.status, 0, `lint of a good rule file exits 0\n${lintGood.stdout}${lintGood.stderr}`);
  const lintBad = run('lint', bad);
  assert.equal(lintBad.status, 1, `lint of a bad rule file exits 1\n${lintBad.stdout}${lintBad.stderr}`);
  assert.match(lintBad.stdout, /unknown fact "totals\.payabel"/);
  assert.equal(run('lnit').status, 2, 'a usage mistake exits 2');

  const sample = JSON.parse(readFileSync(join(root, 'examples/data/sample-orders.json'), 'utf8'));
  const evaluated = run('evaluate', join(root, 'examples/data/sample-orders.json'), '--now', sample.now, '--format', 'ndjson');
  assert.equal(evaluated.status, 0, evaluated.stderr);
  assert.equal(evaluated.stdout.trim().split('\n').length, sample.orders.length, 'one record per order');

  const schema = run('schema', 'snapshot');
  assert.equal(schema.status, 0, schema.stderr);
  assert.equal(JSON.parse(schema.stdout).title, 'OrderSnapshot');
  const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
  assert.equal(run('--version').stdout.trim(), version);
  console.log(`ok: npx order-triage from ${filename} (lint 0/1/2, evaluate ${sample.orders.length} orders, schema, --version)`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
