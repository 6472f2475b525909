// 07: evaluate a batch on several cores with Node's built-in worker_threads, and merge the shards.
// Each worker evaluates its share of the orders; the summaries merge into exactly what one pass
// over all orders gives (checked below), so the same pattern works across queue consumers or machines.
import assert from 'node:assert/strict';
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { createTriage, emptySummary, mergeSummaries } from 'order-triage';
import { GENERATED_NOW, generateOrders } from 'order-triage/testing';

const COUNT = Number(process.env.ORDERS ?? 40_000);

/** The orders of shard `index` of `shards`: a seeded sequence of its own, so no worker generates another's orders. */
function shard(index, shards) {
  return generateOrders({ count: Math.ceil(COUNT / shards), seed: 2026 + index });
}

/** Every shard's orders in turn: the same orders, on one thread. */
function* all(shards) {
  for (let index = 0; index < shards; index++) yield* shard(index, shards);
}

if (isMainThread) {
  const workers = Math.max(2, Math.min(availableParallelism(), 4));
  const started = performance.now();
  const single = await createTriage().evaluateBatch(all(workers), { now: GENERATED_NOW, keepReports: false });
  const singleMs = performance.now() - started;

  const parallelStarted = performance.now();
  const summaries = await Promise.all(
    Array.from(
      { length: workers },
      (_, index) =>
        new Promise((resolve, reject) => {
          const worker = new Worker(new URL(import.meta.url), { workerData: { index, shards: workers } });
          worker.once('message', resolve);
          worker.once('error', reject);
        }),
    ),
  );
  const merged = summaries.reduce(mergeSummaries, emptySummary());
  const parallelMs = performance.now() - parallelStarted;

  assert.deepEqual(merged, single.summary, 'merged shards equal one pass over all orders');
  console.log(`${COUNT} orders: one thread ${singleMs.toFixed(0)} ms, ${workers} workers ${parallelMs.toFixed(0)} ms (${(singleMs / parallelMs).toFixed(2)}x)`);
  console.log(
    `orders with findings: ${merged.withFindings}; top codes: ${Object.entries(merged.byCode)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 3)
      .map(([c, n]) => `${c} ${n}`)
      .join(', ')}`,
  );
} else {
  const { index, shards } = workerData;
  const batch = await createTriage().evaluateBatch(shard(index, shards), { now: GENERATED_NOW, keepReports: false });
  parentPort.postMessage(batch.summary);
}
