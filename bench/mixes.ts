// Exception mixes (issue 20): evaluate and json-rules-engine side by side on streams with
// different shares of exception orders: none (clean), the generator's default (~9%), 20%, and
// only exception orders (the queue an exception desk re-evaluates all day). For each mix, the same
// generated snapshots for both contenders; rounds alternate contenders and mixes so that machine
// load hits all alike; the best round per contender is kept (µs per order = time ÷ orders).
// Prints a table and writes bench/results/mixes.local.json. Run: npm run bench:mixes (part of npm run bench).
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { deriveFacts } from '../src/facts/derive-facts.js';
import { createTriage, OrderSnapshotSchema } from '../src/index.js';
import { GENERATED_NOW, generateOrders } from '../src/testing/index.js';
import { detectionFor, jsonRulesEngineFor } from './contenders.js';

const COUNT = Number(process.argv[2] ?? 3000);
const ROUNDS = Number(process.argv[3] ?? 5);
const triage = createTriage();
const { context, compiled } = detectionFor(triage);
const engine = jsonRulesEngineFor(compiled);

const mixes = [
  { name: 'clean (0%)', rate: 0 },
  { name: 'default (~9%)', rate: undefined },
  { name: '20% exceptions', rate: 0.2 },
  { name: 'all exceptions', rate: 1 },
].map((m) => ({ ...m, orders: [...generateOrders({ count: COUNT, seed: 11, ...(m.rate === undefined ? {} : { exceptionRate: m.rate }) })] }));

const evaluateAll = (orders: readonly unknown[]) => {
  for (const o of orders) triage.evaluate(o, { now: GENERATED_NOW });
};
const engineAll = async (orders: readonly unknown[]) => {
  for (const o of orders) {
    const facts = deriveFacts(OrderSnapshotSchema.parse(o), context);
    await engine.run({ ...facts, 'phone.isValid': facts['phone.isValid'], 'phone.isMobile': facts['phone.isMobile'] });
  }
};
const time = async (f: () => unknown) => {
  const start = performance.now();
  await f();
  return performance.now() - start;
};

const best = new Map<string, { evaluate: number; engine: number }>();
for (const m of mixes) {
  evaluateAll(m.orders); // warm-up
  await engineAll(m.orders);
  best.set(m.name, { evaluate: Number.POSITIVE_INFINITY, engine: Number.POSITIVE_INFINITY });
}
for (let r = 0; r < ROUNDS; r++)
  for (const m of mixes) {
    const b = best.get(m.name) as { evaluate: number; engine: number };
    b.evaluate = Math.min(b.evaluate, await time(() => evaluateAll(m.orders)));
    b.engine = Math.min(b.engine, await time(() => engineAll(m.orders)));
  }

const perSecond = (ms: number) => Math.round(COUNT / (ms / 1000));
const rows = mixes.map((m) => {
  const b = best.get(m.name) as { evaluate: number; engine: number };
  return {
    mix: m.name,
    evaluatePerSecond: perSecond(b.evaluate),
    evaluateMicroseconds: Number(((b.evaluate * 1000) / COUNT).toFixed(2)),
    jsonRulesEnginePerSecond: perSecond(b.engine),
    ratio: Number((b.engine / b.evaluate).toFixed(2)),
  };
});
const clean = rows[0]?.evaluatePerSecond ?? 1;
const all = rows[3]?.evaluatePerSecond ?? 0;
console.table(rows);
const met = (ok: boolean) => (ok ? 'met' : 'missed');
const allShare = (100 * all) / clean;
const defaultRate = rows[1]?.evaluatePerSecond ?? 0;
// One summary line (the lead re-measures on a quiet machine; docs/benchmarks.md, "issue 20").
console.log(
  `bench:mixes: all-exception ${allShare.toFixed(1)}% of clean (target >= 40%: ${met(allShare >= 40)}); default mix ${defaultRate.toLocaleString('en')} orders/s (target >= 100,000: ${met(defaultRate >= 100_000)})`,
);
mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
writeFileSync(
  new URL('./results/mixes.local.json', import.meta.url),
  `${JSON.stringify({ node: process.version, cpu: cpus()[0]?.model, count: COUNT, rounds: ROUNDS, rows, allVsClean: all / clean }, null, 2)}\n`,
);
