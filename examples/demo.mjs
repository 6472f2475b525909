// npm run demo [-- --locale zh-CN]
// Evaluates the sample orders in examples/data with the built library and prints each order's
// findings (what is wrong, with evidence) and playbook (what to do, who, by when, what to say).
import { readFileSync } from 'node:fs';
import { createTriage, formatPath } from 'order-triage';

const localeArg = process.argv.indexOf('--locale');
const locale = localeArg > -1 ? process.argv[localeArg + 1] : 'en';
const { now, blacklist, calendar, orders } = JSON.parse(readFileSync(new URL('./data/sample-orders.json', import.meta.url), 'utf8'));
const triage = createTriage({ locale });

const bold = (s) => (process.stdout.isTTY ? `\x1b[1m${s}\x1b[0m` : s);
const show = (v) => (typeof v === 'string' ? v : JSON.stringify(v));
const wrap = (text, indent) => text.replace(/(.{1,96})(\s+|$)/g, `$1\n${indent}`).trimEnd();

console.log(`order-triage demo: ${orders.length} sample orders, evaluated at ${now} (locale ${locale})\n`);
let findingCount = 0;
let actionCount = 0;
for (const order of orders) {
  const report = triage.evaluate(order, { now, blacklist, calendar });
  if (!report.ok) {
    console.log(bold(`✗ ${report.orderId ?? '(no id)'}: ${report.error.message}`));
    for (const issue of report.error.issues) console.log(`    ${formatPath(issue.path)}: ${issue.message}`);
    console.log();
    continue;
  }
  if (report.findings.length === 0) {
    console.log(`✓ ${report.orderId}: no exceptions\n`);
    continue;
  }
  console.log(bold(`! ${report.orderId}`));
  for (const f of report.findings) {
    findingCount++;
    console.log(`  ${bold(f.code)} [${f.severity}, ${f.owner}, respond by ${f.respondBy}, confidence ${f.confidence}]`);
    console.log(`    ${f.summary}`);
    for (const c of f.evidence.conditions) {
      console.log(`    · ${c.fact} = ${show(c.value)}  (${c.operator} ${show(c.threshold)})`);
    }
    console.log(`    first checks: ${f.checklist.slice(0, 2).join('; ')}`);
  }
  for (const a of report.actions) {
    actionCount++;
    const approval = a.requiresApproval === 'none' ? 'no approval needed' : `needs ${a.requiresApproval} approval`;
    console.log(`  → ${bold(a.kind)} ${JSON.stringify(a.params)}`);
    console.log(`      ${a.owner}, due ${a.dueBy}, ${approval}, ${a.automatable ? 'automatable' : 'a person decides'}`);
    console.log(`      key ${a.idempotencyKey}`);
    if (a.note) console.log(`      note: ${wrap(a.note, '            ')}`);
    if (a.customerMessage) console.log(`      tell the customer: ${wrap(a.customerMessage.text, '        ')}`);
  }
  console.log();
}
console.log(`${findingCount} findings, ${actionCount} actions.`);
