// Cross-order detection past one machine (docs/scaling.md): keys per second from snapshots
// (triage.crossOrderKeys), the SQL round trip on PGlite (load the keys, GROUP BY key with the
// window), and triage.detectCrossOrder over every group, paged out of the database, with the live
// heap after a full GC at 10%, 50% and 100% of the groups (flat: one page of groups at a time).
// Run: npm run bench:cross [-- 100000 1000000] (needs `npm ci --prefix examples/sql` once).
import { cpus } from 'node:os';
import { createTriage, mergeCrossOrder } from 'order-triage';
import { GENERATED_NOW, generateOrders } from 'order-triage/testing';
import { connect, groupsAt, loadKeys, SCHEMA } from '../examples/sql/cross-order-sql.mjs';

const sizes = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0);
const PAGE = 20_000;
const mib = () => {
  globalThis.gc?.();
  return Math.round(process.memoryUsage().heapUsed / 2 ** 20);
};

async function run(count) {
  const triage = createTriage();
  const now = GENERATED_NOW;
  const db = await connect();
  await db.exec(SCHEMA);
  let keysMs = 0;
  let keys = 0;
  const started = performance.now();
  const keysOf = function* () {
    for (const order of generateOrders({ count, seed: 42, rings: Math.ceil(count / 10_000) })) {
      const t = performance.now();
      const rows = triage.crossOrderKeys(order, { now });
      keysMs += performance.now() - t;
      keys += rows.length;
      yield rows;
    }
  };
  const { insertMs } = await loadKeys(db, keysOf());
  const loadedMs = performance.now() - started;
  // The example's query: only groups that can make a finding.
  let t = performance.now();
  const candidates = await groupsAt(db, now, triage.options.batch);
  const candidatesMs = performance.now() - t;
  // Every group in the window, a page at a time: the worst case for detectCrossOrder.
  const [{ groups }] = await db.query(
    `SELECT count(DISTINCT key)::int AS groups FROM cross_order_keys WHERE at >= $1::timestamptz - make_interval(hours => $2) AND at <= $1::timestamptz`,
    [new Date(now).toISOString(), triage.options.batch.windowHours],
  );
  const heap = [mib()];
  let sqlMs = 0;
  let detectMs = 0;
  let done = 0;
  let findings = 0;
  const marks = [0.1, 0.5];
  for (let after = ''; ; ) {
    t = performance.now();
    const page = await groupsAt(db, now, triage.options.batch, { after, limit: PAGE, minOrders: 1 });
    sqlMs += performance.now() - t;
    if (page.length === 0) break;
    t = performance.now();
    const merged = mergeCrossOrder(page.map((group) => triage.detectCrossOrder(group.rows, { now })));
    detectMs += performance.now() - t;
    findings += merged.findings.length;
    done += page.length;
    after = page.at(-1).key;
    while (marks.length > 0 && done >= (marks[0] ?? 1) * groups) {
      marks.shift();
      heap.push(mib());
    }
  }
  heap.push(mib());
  await db.close();
  return {
    orders: count,
    keys,
    keysPerSecond: Math.round(keys / (keysMs / 1000)),
    ordersPerSecondToKeys: Math.round(count / (keysMs / 1000)),
    loadSeconds: +(loadedMs / 1000).toFixed(1),
    insertSeconds: +(insertMs / 1000).toFixed(1),
    candidateGroups: candidates.length,
    candidateQuerySeconds: +(candidatesMs / 1000).toFixed(2),
    groupsInWindow: groups,
    pagedSqlSeconds: +(sqlMs / 1000).toFixed(1),
    detectSeconds: +(detectMs / 1000).toFixed(1),
    groupsPerSecond: Math.round(groups / (detectMs / 1000)),
    findings,
    liveHeapMiB: { start: heap[0], at10: heap[1], at50: heap[2], end: heap.at(-1) },
  };
}

console.log(`node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}${globalThis.gc ? '' : ' (run with --expose-gc for the heap figures)'}`);
for (const count of sizes.length > 0 ? sizes : [100_000, 1_000_000]) console.log(JSON.stringify(await run(count)));
