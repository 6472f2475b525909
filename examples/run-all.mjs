// Runs every numbered example and the demo against the built package; exits non-zero if any fails.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const dir = new URL('.', import.meta.url);
const scripts = [...readdirSync(dir).filter((f) => /^\d\d-.*\.mjs$/.test(f)).sort(), 'demo.mjs'];
let failed = 0;
for (const script of scripts) {
  const run = spawnSync(process.execPath, [new URL(script, dir).pathname], { encoding: 'utf8' });
  const ok = run.status === 0;
  if (!ok) failed++;
  console.log(`${ok ? 'ok  ' : 'FAIL'} examples/${script}`);
  if (!ok) console.log(run.stdout, run.stderr);
}
console.log(`${scripts.length - failed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
