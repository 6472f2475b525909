// Bytes allocated per evaluation (docs/benchmarks.md, "Third round (issue 20): exception orders, the plan stage"):
//   node bench/instructions/allocation.mjs <dist dir> <clean|default|exc>
// runs itself under --trace-gc: 1,000 generated orders (seed 11) evaluated 3 times to warm up, then
// 10 times between two markers; the young generation's growth between collections inside the
// markers is summed (a figure that does not depend on the machine's load, like instruction counts).
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const [dir = 'dist', mix = 'exc', child] = process.argv.slice(2);
if (child !== '--child') {
  const run = spawnSync(process.execPath, ['--trace-gc', fileURLToPath(import.meta.url), dir, mix, '--child'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  let on = false;
  let previous;
  let total = 0;
  let collections = 0;
  for (const line of run.stdout.split('\n')) {
    if (line.includes('MARK start')) on = true;
    if (line.includes('MARK end')) break;
    const m = line.match(/(Scavenge|Mark-Compact)[^\d]*([\d.]+) \(([\d.]+)\) -> ([\d.]+) \(([\d.]+)\) MB/);
    if (m === null) continue;
    if (on && previous !== undefined) {
      total += Number(m[2]) - previous;
      collections++;
    }
    previous = Number(m[4]);
  }
  console.log(`${mix}: ${(total / 10).toFixed(1)} MB allocated per 1,000 evaluations (${collections} collections in 10,000)`);
} else {
  const from = (file) => pathToFileURL(resolve(dir, file)).href;
  const { createTriage } = await import(from('index.js'));
  const { GENERATED_NOW, generateOrders } = await import(from('testing/index.js'));
  const rate = mix === 'clean' ? 0 : mix === 'default' ? undefined : 1;
  const orders = [...generateOrders({ count: 1000, seed: 11, ...(rate === undefined ? {} : { exceptionRate: rate }) })];
  const triage = createTriage();
  for (let r = 0; r < 3; r++) for (const o of orders) triage.evaluate(o, { now: GENERATED_NOW });
  console.log('MARK start');
  for (let r = 0; r < 10; r++) for (const o of orders) triage.evaluate(o, { now: GENERATED_NOW });
  console.log('MARK end');
}
