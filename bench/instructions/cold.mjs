// Instruction counts of a cold start (docs/benchmarks.md, "Second round (issue 20)"):
//   valgrind --tool=callgrind node bench/instructions/cold.mjs [dist dir]   (order-triage)
//   valgrind --tool=callgrind node bench/instructions/cold.mjs --json-rules-engine
//   valgrind --tool=callgrind node bench/instructions/cold.mjs <dist dir> <import|create>   (stop after the import, or after createTriage())
// import + createTriage + the first evaluate of an exception order, or json-rules-engine's import +
// engine + one rule + the first run; compare with an empty script's count (Node's own start-up).
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const arg = process.argv[2] ?? 'dist';
if (arg === '--json-rules-engine') {
  const { Engine } = await import('json-rules-engine');
  const engine = new Engine();
  engine.addRule({
    conditions: {
      all: [
        { fact: 'status', operator: 'equal', value: 'paid' },
        { fact: 'amount', operator: 'greaterThan', value: 100 },
      ],
    },
    event: { type: 'BIG_PAID_ORDER' },
  });
  const { events } = await engine.run({ status: 'paid', amount: 250 });
  console.log(`${events.length} event`);
} else {
  // The order is built before the package is imported, from the testing entry (as bench/coldstart.mjs does from a file).
  const order = {
    id: 'COLD-1',
    channel: 'web',
    status: 'paid',
    createdAt: '2026-03-01T04:38:00+08:00',
    currency: 'CNY',
    items: [{ sku: 'SKU-1', name: 'SKU-1', quantity: 1, unitPrice: 18000 }],
    payments: [{ id: 'P1', method: 'alipay', amount: 18000, createdAt: '2026-03-01T04:39:00+08:00', paidAt: '2026-03-01T04:39:00+08:00', gatewayTxnId: 'T1', status: 'succeeded' }],
    customer: { id: 'C1', tier: 'regular', accountCreatedAt: '2025-01-01T00:00:00+08:00' },
    shippingAddress: { name: '顾客', phone: '13100000000', country: 'CN', province: '上海市', city: '上海市', district: '浦东新区', line1: '幸福路1号1栋100室' },
    totals: { items: 18000, shipping: 0, discount: 0, payable: 18000 },
  };
  const { createTriage } = await import(pathToFileURL(resolve(arg, 'index.js')).href);
  const until = process.argv[3];
  if (until === 'import') process.exit(0);
  const triage = createTriage();
  if (until === 'create') process.exit(0);
  const report = triage.evaluate(order, { now: '2026-03-05T10:00:00+08:00' });
  console.log(`${report.ok ? report.findings.map((f) => f.code).join(',') : report.error.code}`);
}
