// node bench/exception-orders.mjs (after npm run build): µs per order of evaluate on orders that
// all have exceptions (generateOrders with exceptionRate 1), the path the plan stage takes.
// `node bench/exception-orders.mjs <dist dir>` measures another build (a copy kept inside the worktree, so its imports resolve).
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const dir = process.argv[2] ?? fileURLToPath(new URL('../dist/', import.meta.url));
const { createTriage } = await import(pathToFileURL(resolve(dir, 'index.js')).href);
const { GENERATED_NOW, generateOrders } = await import(pathToFileURL(resolve(dir, 'testing/index.js')).href);

const triage = createTriage();
const orders = [...generateOrders({ count: 3000, seed: 3, exceptionRate: 1 })];
for (let i = 0; i < 2; i++) for (const o of orders) triage.evaluate(o, { now: GENERATED_NOW });
const start = process.hrtime.bigint();
for (let i = 0; i < 3; i++) for (const o of orders) triage.evaluate(o, { now: GENERATED_NOW });
console.log(`µs per exception order: ${(Number(process.hrtime.bigint() - start) / 1000 / (3 * orders.length)).toFixed(1)}`);
