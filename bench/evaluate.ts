// The performance suite (issue 7). One run, the same generated snapshots for every contender:
//   (a) json-rules-engine as its README shows: one Engine, `await engine.run(facts)` per order,
//       rules = the built-in detectors' own conditions, facts = zod parse + our derived facts
//   (b) triage.evaluate with defaults: validation, every detector, playbooks
//   (b2) the same with `trusted: true` on snapshots already parsed with OrderSnapshotSchema
//   (b3) (b) without PHONE_INVALID, the one detector that parses phone numbers: what parsing costs
//   (c) detection alone on already-validated snapshots: derived facts + compiled conditions
//   (d) hand-written predicates over the validated snapshot: the floor
// Prints a table and writes bench/results/evaluate.local.json. Run: npm run bench
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { Bench } from 'tinybench';
import { parseTimestamp } from '../src/_lib/timestamp.js';
import { deriveFacts } from '../src/facts/derive-facts.js';
import { analysePhone } from '../src/facts/phone.js';
import { createTriage, type OrderSnapshot, OrderSnapshotSchema } from '../src/index.js';
import { GENERATED_NOW } from '../src/testing/index.js';
import { jsonRulesEngineFor } from './contenders.js';
import { detectionFor, ORDERS, parsed, raw } from './shared.js';

const now = Date.parse(GENERATED_NOW);

const startedCreate = performance.now();
const triage = createTriage();
const createMs = performance.now() - startedCreate;
// The same, without the one detector that parses phone numbers (libphonenumber-js): what it costs.
const withoutPhones = createTriage({ disabled: ['PHONE_INVALID'] });
const { context, compiled, detect } = detectionFor(triage);

const engine = jsonRulesEngineFor(compiled);

/**
 * The floor: the same signals written by hand over the snapshot, no facts record, no conditions;
 * with the same helpers detection uses (timestamps, phones), so only the machinery differs.
 */
function handWritten(o: OrderSnapshot): number {
  let hits = 0;
  let succeeded = 0;
  let total = 0;
  let latest: OrderSnapshot['payments'][number] | undefined;
  for (const p of o.payments) {
    if (p.status === 'succeeded') {
      succeeded++;
      total += p.amount;
    }
    if (latest === undefined || p.createdAt >= latest.createdAt) latest = p;
  }
  const minutes = (now - parseTimestamp(o.createdAt)) / 60_000;
  const open = o.status !== 'delivered' && o.status !== 'cancelled' && o.status !== 'closed';
  if (o.status === 'pending_payment' && succeeded === 0 && (latest?.status === 'failed' || minutes > 30)) hits++;
  if (succeeded >= 2 && total > o.totals.payable) hits++;
  if (succeeded === 1 && total !== o.totals.payable) hits++;
  if (o.status === 'pending_payment' && succeeded > 0) hits++;
  for (const r of o.inventory ?? []) if (r.channelAvailable !== undefined && r.channelAvailable !== r.onHand - r.reserved) hits++;
  const shipments = o.shipments ?? [];
  if ((o.status === 'paid' || o.status === 'processing') && shipments.length === 0 && o.promisedShipBy !== undefined && parseTimestamp(o.promisedShipBy) < now) hits++;
  for (const s of shipments) {
    let last = 0;
    let delivered = false;
    for (const e of s.events) {
      last = Math.max(last, parseTimestamp(e.at));
      if (e.code === 'delivered') delivered = true;
      if (e.code === 'lost' || e.code === 'damaged' || e.code === 'refused') hits++;
    }
    if (!delivered && last > 0 && now - last > 3 * 86_400_000) hits++;
  }
  const a = o.shippingAddress;
  if (open && (!a.province || !a.city || a.line1.length < 5)) hits++;
  if (open && !analysePhone(a.phone, a.country).valid) hits++;
  if (o.remark !== undefined && /发票|invoice|急|urgent/i.test(o.remark)) hits++;
  if (o.status === 'failed') hits++;
  for (const s of o.sync ?? []) if (s.status === 'failed') hits++;
  let units = 0;
  for (const i of o.items) {
    units += i.quantity;
    if (i.quantity > 20) hits++;
  }
  if (o.customer.accountCreatedAt !== undefined && parseTimestamp(o.createdAt) - parseTimestamp(o.customer.accountCreatedAt) < 86_400_000 && units > 10) hits++;
  return hits;
}

// Each task call handles CHUNK orders in turn, so the timer's own cost per call (~0.1 µs) is
// spread over them; throughput is orders handled / time taken (1 / mean latency per order).
const CHUNK = 100;
let i = 0;
const next = () => (i = (i + 1) % ORDERS);
const bench = new Bench({ time: 2_000, warmup: true, warmupTime: 300 });
bench
  .add('(a) json-rules-engine, README style', async () => {
    for (let k = 0; k < CHUNK; k++) {
      const n = next();
      const facts = deriveFacts(OrderSnapshotSchema.parse(raw[n]), context);
      // json-rules-engine sees own properties only; give it the lazily derived phone facts too.
      await engine.run({ ...facts, 'phone.isValid': facts['phone.isValid'], 'phone.isMobile': facts['phone.isMobile'] });
    }
  })
  .add('(b) order-triage evaluate, defaults', () => {
    for (let k = 0; k < CHUNK; k++) triage.evaluate(raw[next()], { now: GENERATED_NOW });
  })
  .add('(b2) evaluate, trusted (validated snapshots)', () => {
    for (let k = 0; k < CHUNK; k++) triage.evaluate(parsed[next()], { now: GENERATED_NOW, trusted: true });
  })
  .add('(b3) evaluate, defaults but PHONE_INVALID disabled', () => {
    for (let k = 0; k < CHUNK; k++) withoutPhones.evaluate(raw[next()], { now: GENERATED_NOW });
  })
  .add('(c) detection alone, validated snapshots', () => {
    let hits = 0;
    for (let k = 0; k < CHUNK; k++) hits += detect(parsed[next()] as OrderSnapshot);
    return hits;
  })
  .add('(d) hand-written predicates (floor)', () => {
    let hits = 0;
    for (let k = 0; k < CHUNK; k++) hits += handWritten(parsed[next()] as OrderSnapshot);
    return hits;
  });

await bench.run();

const rows = bench.tasks.map((t) => {
  const r = t.result as unknown as { latency?: { mean: number } };
  const perOrderMs = (r.latency?.mean ?? 0) / CHUNK;
  return { name: t.name, ordersPerSecond: perOrderMs > 0 ? Math.round(1 / (perOrderMs / 1000)) : 0, meanMicroseconds: Number((perOrderMs * 1000).toFixed(2)) };
});
const byName = (prefix: string) => rows.find((r) => r.name.startsWith(`${prefix} `))?.ordersPerSecond ?? 0;
const ratios = {
  evaluateVsJsonRulesEngine: Number((byName('(b)') / byName('(a)')).toFixed(2)),
  floorVsDetection: Number((byName('(d)') / byName('(c)')).toFixed(2)),
};
console.table(rows);
console.log(`createTriage: ${createMs.toFixed(1)} ms (first, cold)`);
console.log(`evaluate / json-rules-engine: ${ratios.evaluateVsJsonRulesEngine}x (target >= 10x)`);
console.log(`hand-written floor / detection: ${ratios.floorVsDetection}x (target <= 2x)`);
mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
writeFileSync(
  new URL('./results/evaluate.local.json', import.meta.url),
  `${JSON.stringify({ node: process.version, cpu: cpus()[0]?.model, cores: cpus().length, orders: ORDERS, chunk: CHUNK, createTriageMs: Number(createMs.toFixed(1)), rows, ratios }, null, 2)}\n`,
);
