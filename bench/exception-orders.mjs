// node bench/exception-orders.mjs (after npm run build): µs per order of evaluate on orders that
// all have exceptions (generateOrders with exceptionRate 1), the path the plan stage takes.
import { createTriage } from '../dist/index.js';
import { GENERATED_NOW, generateOrders } from '../dist/testing/index.js';

const triage = createTriage();
const orders = [...generateOrders({ count: 3000, seed: 3, exceptionRate: 1 })];
for (let i = 0; i < 2; i++) for (const o of orders) triage.evaluate(o, { now: GENERATED_NOW });
const start = process.hrtime.bigint();
for (let i = 0; i < 3; i++) for (const o of orders) triage.evaluate(o, { now: GENERATED_NOW });
console.log(`µs per exception order: ${(Number(process.hrtime.bigint() - start) / 1000 / (3 * orders.length)).toFixed(1)}`);
