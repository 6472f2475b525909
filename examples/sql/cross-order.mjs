// Cross-order detection in a SQL database (docs/scaling.md): each order's keys go into a table,
// the database groups them by key (with the comparison window on `at`), each group goes through
// triage.detectCrossOrder, and mergeCrossOrder joins the results. The run checks the result is
// exactly evaluateBatch's cross-order part over the same orders.
//
// PGlite (PostgreSQL compiled to WebAssembly, in this process) by default; a real PostgreSQL
// server when DATABASE_URL is set. ORDERS (default 100000) and RINGS (default 20) size the run.
//   node examples/sql/cross-order.mjs
//   DATABASE_URL=postgres://postgres@127.0.0.1:55432/postgres node examples/sql/cross-order.mjs
import assert from 'node:assert/strict';
import { BATCH_CODES, createTriage, mergeCrossOrder } from '../../dist/index.js';
import { GENERATED_NOW, generateOrders } from '../../dist/testing/index.js';
import { connect, groupsAt, loadKeys, SCHEMA } from './cross-order-sql.mjs';

const COUNT = Number(process.env.ORDERS ?? 100_000);
const RINGS = Number(process.env.RINGS ?? 20);
const SEED = 19;

const triage = createTriage();
const now = GENERATED_NOW;
const orders = () => generateOrders({ count: COUNT, seed: SEED, rings: RINGS });

const seconds = (from) => ((performance.now() - from) / 1000).toFixed(1);
const db = await connect();
try {
  let t = performance.now();
  await db.exec(SCHEMA);
  const { rows, insertMs } = await loadKeys(
    db,
    (function* () {
      for (const order of orders()) yield triage.crossOrderKeys(order, { now });
    })(),
  );
  console.log(`${db.name}: ${COUNT + RINGS * 5} orders, ${rows} keys extracted and loaded in ${seconds(t)} s (${(insertMs / 1000).toFixed(1)} s of it in the database)`);
  t = performance.now();
  const groups = await groupsAt(db, now, triage.options.batch);
  console.log(`${db.name}: ${groups.length} groups of 2 orders or more in the window, grouped in ${seconds(t)} s`);
  t = performance.now();
  // One group at a time: memory holds one group's rows and the results.
  const results = groups.map((group) => triage.detectCrossOrder(group.rows, { now }));
  const fromSql = mergeCrossOrder(results);
  console.log(`detectCrossOrder over the groups: ${fromSql.findings.length} findings, ${fromSql.actions.length} actions in ${seconds(t)} s`);
  t = performance.now();
  const batch = await triage.evaluateBatch(orders(), { now, keepReports: false });
  const codes = new Set(BATCH_CODES);
  const expected = { findings: batch.findings, actions: batch.actions.filter((a) => a.because.some((c) => codes.has(c))) };
  console.log(`evaluateBatch over the same orders in ${seconds(t)} s`);
  assert.ok(fromSql.findings.length >= RINGS, 'every planted ring is found');
  assert.equal(JSON.stringify(fromSql), JSON.stringify(expected), 'the SQL path equals evaluateBatch byte for byte');
  console.log(`${db.name}: the cross-order result from SQL equals evaluateBatch's, byte for byte`);
} finally {
  await db.close();
}
