import { createTriage } from '../src/index.js';
import { GENERATED_NOW } from '../src/testing/index.js';
import { parsed } from './shared.js';
const triage = createTriage();
const kind = process.argv[2] ?? 'exception';
const list = parsed.filter((o) => { const r: any = triage.evaluate(o, { now: GENERATED_NOW, trusted: true }); return r.ok && (kind === 'exception' ? r.findings.length > 0 : r.findings.length === 0); });
const out: string[] = [];
for (let round = 0; round < 4; round++) {
  const c0 = process.cpuUsage();
  for (let r = 0; r < 10; r++) for (const o of list) triage.evaluate(o, { now: GENERATED_NOW, trusted: true });
  const c = process.cpuUsage(c0);
  out.push(((c.user + c.system) / (10 * list.length)).toFixed(1));
}
console.log(kind, 'cpu µs/order', out.join(' '));
