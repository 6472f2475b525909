// Instruction counts of evaluate on a stream (docs/benchmarks.md, "Second round (issue 20)"):
//   valgrind --tool=callgrind node bench/instructions/mix.mjs <dist dir> <clean|default|exc> <rounds> [count]
// evaluates [count] (300) generated orders (seed 11) once to warm up, then <rounds> more times.
// Per evaluation = (count at 4 rounds − count at 1 round) ÷ (3 × orders); rounds 0 with two
// counts gives a first evaluation's cost (phone memo cold). <dist dir>: a built package's dist/.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [dir = 'dist', mix = 'clean', rounds = '1', count = '300'] = process.argv.slice(2);
const from = (file) => pathToFileURL(resolve(dir, file)).href;
const { createTriage } = await import(from('index.js'));
const { GENERATED_NOW, generateOrders } = await import(from('testing/index.js'));
const rate = mix === 'clean' ? 0 : mix === 'default' ? undefined : 1;
const orders = [...generateOrders({ count: Number(count), seed: 11, ...(rate === undefined ? {} : { exceptionRate: rate }) })];
const triage = createTriage();
let ok = 0;
for (let r = 0; r <= Number(rounds); r++) for (const o of orders) ok += triage.evaluate(o, { now: GENERATED_NOW }).ok ? 1 : 0;
console.log(`${ok} evaluations`);
