// npm run bench:sweep (after npm run build): a re-evaluation sweep, the same open orders
// evaluated again every few minutes. 20,000 generated orders (seed 42) evaluated in PASSES passes
// (default 4), `now` moving 5 minutes a pass; prints each pass's time. The first pass fills the
// phone memo (docs/benchmarks.md, "Re-evaluation sweep"); later passes find the phones there.
import { createTriage } from '../dist/index.js';
import { GENERATED_NOW, generateOrders } from '../dist/testing/index.js';

const COUNT = Number(process.argv[2] ?? 20_000);
const PASSES = Number(process.argv[3] ?? 4);
const triage = createTriage();
const orders = [...generateOrders({ count: COUNT, seed: 42 })];
const start = Date.parse(GENERATED_NOW);
const times = [];
for (let pass = 0; pass < PASSES; pass++) {
  const now = new Date(start + pass * 5 * 60_000).toISOString();
  const t = performance.now();
  for (const o of orders) triage.evaluate(o, { now });
  times.push(performance.now() - t);
}
console.log(`re-evaluation sweep, ${COUNT} orders, Node ${process.version}`);
times.forEach((ms, i) => console.log(`pass ${i + 1}: ${ms.toFixed(0)} ms, ${Math.round(COUNT / (ms / 1000))} orders/s`));
console.log(`later passes / first: ${(times.slice(1).reduce((a, b) => a + b, 0) / (times.length - 1) / times[0]).toFixed(2)}×`);
