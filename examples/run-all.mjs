// Runs every numbered example and the demo against the built package; exits non-zero if any fails.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const dir = new URL('.', import.meta.url);
const scripts = [
  ...readdirSync(dir)
    .filter((f) => /^\d\d-.*\.mjs$/.test(f))
    .sort(),
  'demo.mjs',
];
// A *.test.mjs example is a user's own test file: it runs under node's test runner.
const argsFor = (script) => (script.endsWith('.test.mjs') ? ['--test', new URL(script, dir).pathname] : [new URL(script, dir).pathname]);
let failed = 0;
for (const script of scripts) {
  const run = spawnSync(process.execPath, argsFor(script), { encoding: 'utf8' });
  const ok = run.status === 0;
  if (!ok) failed++;
  console.log(`${ok ? 'ok  ' : 'FAIL'} examples/${script}`);
  if (!ok) console.log(run.stdout, run.stderr);
}
console.log(`${scripts.length - failed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
