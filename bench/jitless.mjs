// What zod's jitless setting (the one a strict CSP needs, docs/runtimes.md) costs per evaluate on
// this runtime: node bench/jitless.mjs (jit) vs node bench/jitless.mjs jitless, after npm run build.
// The minimum of five rounds over every testing-kit scenario; compare the two on the same machine.
if (process.argv[2] === 'jitless') {
  const { z } = await import('zod');
  z.config({ jitless: true });
}
const lib = await import('order-triage');
const kit = await import('order-triage/testing');
const triage = lib.createTriage({ locale: 'en' });
const cases = kit.allScenarios.map((make) => make());
const round = (n) => {
  for (let i = 0; i < n; i++) for (const c of cases) triage.evaluate(c.order, { ...c.context, now: c.now });
};
round(300);
let best = Number.POSITIVE_INFINITY;
for (let r = 0; r < 5; r++) {
  const start = performance.now();
  round(200);
  best = Math.min(best, performance.now() - start);
}
console.log(`${process.argv[2] ?? 'jit'}: ${((best * 1000) / (200 * cases.length)).toFixed(1)} µs per evaluate (min of 5 rounds of ${200 * cases.length})`);
