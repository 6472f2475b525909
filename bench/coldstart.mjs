// npm run bench:coldstart (after npm run build): what a serverless or edge cold start pays, in
// fresh Node processes, both from packages as installed:
//   order-triage: import the built package + createTriage() + the first evaluate of one order;
//   json-rules-engine: import + new Engine + one rule + the first run.
// Each contender runs N times (default 15, `node bench/coldstart.mjs 31`), alternating, so both see
// the same machine load; the median of the time measured inside the process (from just before
// the import to the first answer) is compared, and the median wall time of the whole process
// (Node's own start-up included) is printed beside it. Target (docs/benchmarks.md, "Cold start"):
// order-triage ≤ 2× json-rules-engine.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const N = Number(process.argv[2] ?? 15);
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dir = mkdtempSync(join(tmpdir(), 'order-triage-coldstart-'));
const { generateOrders, GENERATED_NOW } = await import(pathToFileURL(join(root, 'dist/testing/index.js')).href);
// One order with an exception, so that the first evaluation builds a report (the slower path).
const order = [...generateOrders({ count: 1, seed: 7, exceptionRate: 1 })][0];
writeFileSync(join(dir, 'order.json'), JSON.stringify({ order, now: GENERATED_NOW }));

const ours = join(dir, 'order-triage.mjs');
writeFileSync(
  ours,
  `import { readFileSync } from 'node:fs';
const { order, now } = JSON.parse(readFileSync(${JSON.stringify(join(dir, 'order.json'))}, 'utf8'));
const t0 = performance.now();
const { createTriage } = await import(${JSON.stringify(pathToFileURL(join(root, 'dist/index.js')).href)});
const t1 = performance.now();
const report = createTriage().evaluate(order, { now });
const t2 = performance.now();
if (!report.ok) throw new Error('evaluate failed');
console.log(JSON.stringify({ total: t2 - t0, importMs: t1 - t0, findings: report.findings.length }));
`,
);
const theirs = join(dir, 'json-rules-engine.mjs');
writeFileSync(
  theirs,
  `import { createRequire } from 'node:module';
const require = createRequire(${JSON.stringify(join(root, 'package.json'))});
const t0 = performance.now();
const { Engine } = await import(require.resolve('json-rules-engine'));
const t1 = performance.now();
const engine = new Engine();
engine.addRule({ conditions: { all: [{ fact: 'status', operator: 'equal', value: 'paid' }, { fact: 'amount', operator: 'greaterThan', value: 100 }] }, event: { type: 'BIG_PAID_ORDER' } });
const { events } = await engine.run({ status: 'paid', amount: 250 });
const t2 = performance.now();
if (events.length !== 1) throw new Error('rule did not fire');
console.log(JSON.stringify({ total: t2 - t0, importMs: t1 - t0 }));
`,
);

const runs = { 'order-triage': [], 'json-rules-engine': [] };
const run = (name, file) => {
  const start = performance.now();
  const out = JSON.parse(execFileSync(process.execPath, [file], { encoding: 'utf8' }));
  runs[name].push({ ...out, wall: performance.now() - start });
};
run('order-triage', ours); // warm the file system cache for both
run('json-rules-engine', theirs);
runs['order-triage'].length = 0;
runs['json-rules-engine'].length = 0;
for (let i = 0; i < N; i++) {
  run('order-triage', ours);
  run('json-rules-engine', theirs);
}
rmSync(dir, { recursive: true, force: true });

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const row = (name) => {
  const r = runs[name];
  return { total: median(r.map((x) => x.total)), importMs: median(r.map((x) => x.importMs)), wall: median(r.map((x) => x.wall)) };
};
const a = row('order-triage');
const b = row('json-rules-engine');
console.log(`cold start, median of ${N} fresh processes each (alternating), Node ${process.version}`);
console.log('| contender | import (ms) | import + first answer (ms) | whole process (ms) |');
console.log('| --- | --- | --- | --- |');
for (const [name, r] of [
  ['order-triage', a],
  ['json-rules-engine', b],
])
  console.log(`| ${name} | ${r.importMs.toFixed(1)} | ${r.total.toFixed(1)} | ${r.wall.toFixed(1)} |`);
const ratio = a.total / b.total;
// One summary line (the lead re-measures on a quiet machine; docs/benchmarks.md, "Cold start").
console.log(
  `bench:coldstart: import + first answer ${ratio.toFixed(2)}× json-rules-engine's (target <= 2×: ${ratio <= 2 ? 'met' : 'missed'}); whole process ${(a.wall / b.wall).toFixed(2)}×`,
);
