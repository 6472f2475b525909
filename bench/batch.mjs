// Streams generated orders through evaluateBatch (keepReports: false) and records throughput,
// peak RSS and the live heap after a full GC at 10%, 50% and 100%, for 10k, 100k and 1M orders by default. Run: npm run bench:batch [-- 10000 100000]
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { createTriage } from 'order-triage';
import { GENERATED_NOW, generateOrders } from 'order-triage/testing';

const sizes = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0);
const runs = [];
for (const count of sizes.length > 0 ? sizes : [10_000, 100_000, 1_000_000]) {
  globalThis.gc?.();
  const triage = createTriage();
  let peak = process.memoryUsage().rss;
  let seen = 0;
  // Live heap after a full collection at a tenth, half and all of the run: what the batch really
  // holds (three forced collections, included in the time).
  const liveHeapMiB = [];
  const checkpoints = new Set([Math.floor(count / 10), Math.floor(count / 2), count]);
  const started = performance.now();
  const batch = await triage.evaluateBatch(generateOrders({ count, seed: 42 }), {
    now: GENERATED_NOW,
    keepReports: false,
    // Sampled here: the batch loop runs on microtasks, so a timer would never fire during it.
    onReport: () => {
      if (++seen % 5_000 === 0) peak = Math.max(peak, process.memoryUsage().rss);
      if (checkpoints.has(seen) && globalThis.gc !== undefined) {
        globalThis.gc();
        liveHeapMiB.push(Math.round(process.memoryUsage().heapUsed / 2 ** 20));
      }
    },
  });
  const ms = performance.now() - started;
  peak = Math.max(peak, process.memoryUsage().rss);
  const run = {
    orders: count,
    ms: Math.round(ms),
    ordersPerSecond: Math.round(count / (ms / 1000)),
    peakRssMiB: Math.round(peak / 2 ** 20),
    liveHeapMiB,
    withFindings: batch.summary.withFindings,
    crossOrderFindings: batch.findings.length,
  };
  runs.push(run);
  console.log(
    `${String(count).padStart(9)} orders  ${String(run.ms).padStart(7)} ms  ${String(run.ordersPerSecond).padStart(7)} orders/s  peak RSS ${run.peakRssMiB} MiB  live heap at 10%/50%/100% ${liveHeapMiB.join('/')} MiB`,
  );
}
mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
const out = { node: process.version, cpu: cpus()[0]?.model, cores: cpus().length, runs };
writeFileSync(new URL('./results/batch.local.json', import.meta.url), `${JSON.stringify(out, null, 2)}\n`);
