// Where one evaluation's time goes: each stage alone over the same 20,000 generated snapshots
// (seed 42), best of several rounds, microseconds per order. Guides optimisation; the suite's
// own figures come from `npm run bench`. Run: npm run bench:components [-- accept,facts,...]

import { deriveFacts } from '../src/facts/derive-facts.js';
import { createTriage, type OrderSnapshot, OrderSnapshotSchema } from '../src/index.js';
import { compileAcceptor } from '../src/schema/fast-accept.js';
import { checkSize, SNAPSHOT_LIMITS } from '../src/schema/size-guard.js';
import { GENERATED_NOW } from '../src/testing/index.js';
import { detectionFor, ORDERS, parsed, raw } from './shared.js';

const ROUNDS = 10;
const triage = createTriage();
const accept = compileAcceptor(OrderSnapshotSchema, SNAPSHOT_LIMITS);
if (accept === undefined) throw new Error('the snapshot schema no longer compiles to an acceptor');
const { context, detect } = detectionFor(triage);

const stages: Record<string, (i: number) => unknown> = {
  size: (i) => checkSize(raw[i], SNAPSHOT_LIMITS),
  zod: (i) => OrderSnapshotSchema.safeParse(raw[i]),
  accept: (i) => accept(raw[i]),
  facts: (i) => deriveFacts(parsed[i] as OrderSnapshot, context),
  detect: (i) => detect(parsed[i] as OrderSnapshot),
  trusted: (i) => triage.evaluate(parsed[i], { now: GENERATED_NOW, trusted: true }),
  evaluate: (i) => triage.evaluate(raw[i], { now: GENERATED_NOW }),
};

const only = process.argv[2]?.split(',');
for (const [name, stage] of Object.entries(stages)) {
  if (only !== undefined && !only.includes(name)) continue;
  for (let i = 0; i < ORDERS; i++) stage(i);
  let best = Infinity;
  for (let r = 0; r < ROUNDS; r++) {
    const started = performance.now();
    for (let i = 0; i < ORDERS; i++) stage(i);
    best = Math.min(best, performance.now() - started);
  }
  console.log(`${name.padEnd(10)} ${((best * 1000) / ORDERS).toFixed(2).padStart(7)} µs/order`);
}
