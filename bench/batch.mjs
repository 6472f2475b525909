// Streams generated orders through evaluateBatch (keepReports: false) and records throughput and
// peak RSS, for 10k, 100k and 1M orders by default. Run: npm run bench:batch [-- 10000 100000]
import { writeFileSync, mkdirSync } from 'node:fs';
import { cpus } from 'node:os';
import { createTriage } from 'order-triage';
import { generateOrders, GENERATED_NOW } from 'order-triage/testing';

const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
const runs = [];
for (const count of sizes.length > 0 ? sizes : [10_000, 100_000, 1_000_000]) {
  globalThis.gc?.();
  const triage = createTriage();
  let peak = process.memoryUsage().rss;
  let seen = 0;
  const started = performance.now();
  const batch = await triage.evaluateBatch(generateOrders({ count, seed: 42 }), {
    now: GENERATED_NOW,
    keepReports: false,
    // Sampled here: the batch loop runs on microtasks, so a timer would never fire during it.
    onReport: () => {
      if (++seen % 5_000 === 0) peak = Math.max(peak, process.memoryUsage().rss);
    },
  });
  const ms = performance.now() - started;
  peak = Math.max(peak, process.memoryUsage().rss);
  const run = { orders: count, ms: Math.round(ms), ordersPerSecond: Math.round(count / (ms / 1000)), peakRssMiB: Math.round(peak / 2 ** 20), withFindings: batch.summary.withFindings, crossOrderFindings: batch.findings.length };
  runs.push(run);
  console.log(`${String(count).padStart(9)} orders  ${String(run.ms).padStart(7)} ms  ${String(run.ordersPerSecond).padStart(7)} orders/s  peak RSS ${run.peakRssMiB} MiB`);
}
mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
const out = { node: process.version, cpu: cpus()[0]?.model, cores: cpus().length, runs };
writeFileSync(new URL('./results/batch.local.json', import.meta.url), `${JSON.stringify(out, null, 2)}\n`);
