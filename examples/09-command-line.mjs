// 09: the command line a rule author and a CI job use (docs/cli.md): lint rule files, evaluate
// orders from NDJSON, backtest a change of thresholds, print the JSON Schemas. Runs the built
// package's own bin, as `npx order-triage` would.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const packageJson = require.resolve('order-triage/package.json');
const bin = join(dirname(packageJson), JSON.parse(readFileSync(packageJson, 'utf8')).bin['order-triage']);
const here = new URL('.', import.meta.url).pathname;
const run = (...args) => spawnSync(process.execPath, [bin, ...args], { cwd: here, encoding: 'utf8' });

// Lint: the example rules pass; a misspelt path is a warning (exit 0), an error with --strict (exit 1).
assert.equal(run('lint', 'rules/my-rules.json').status, 0);
const dir = mkdtempSync(join(tmpdir(), 'order-triage-example-'));
const rules = JSON.parse(readFileSync(join(here, 'rules/my-rules.json'), 'utf8'));
rules.rules[0].conditions.all[1].path = '$.totals.payabel';
writeFileSync(join(dir, 'typo.json'), JSON.stringify(rules));
const lenient = run('lint', join(dir, 'typo.json'));
assert.equal(lenient.status, 0);
assert.match(lenient.stdout, /did you mean "\$\.totals\.payable"\?/);
assert.equal(run('lint', join(dir, 'typo.json'), '--strict').status, 1);
console.log(lenient.stdout.trim());

// Evaluate: NDJSON streams line by line; a broken line is named on stderr and the run goes on.
const sample = JSON.parse(readFileSync(join(here, 'data/sample-orders.json'), 'utf8'));
writeFileSync(join(dir, 'orders.ndjson'), `${sample.orders.map((o) => JSON.stringify(o)).join('\n')}\n{ broken\n`);
const evaluated = run('evaluate', join(dir, 'orders.ndjson'), '--now', sample.now, '--locale', 'en', '--rules', 'rules/my-rules.json');
assert.equal(evaluated.status, 0);
assert.match(evaluated.stdout, /\tDUPLICATE_PAYMENT\thigh\tfinance\t/);
assert.match(evaluated.stderr, new RegExp(`^line ${sample.orders.length + 1}: invalid JSON`, 'm'));
console.log(evaluated.stdout.split('\n').slice(0, 3).join('\n'));
console.log(evaluated.stderr.trim().split('\n').at(-1));

// Backtest: what raising PAYMENT_FAILED's unpaid limit to ten hours would change.
const compared = run('backtest', '--against', 'rules/stricter-payment.json', 'data/sample-orders.json', '--now', sample.now, '--format', 'json');
assert.equal(compared.status, 0);
const diff = JSON.parse(compared.stdout);
assert.ok(diff.hits.a.PAYMENT_FAILED > (diff.hits.b.PAYMENT_FAILED ?? 0));
assert.ok(diff.changed.every((c) => c.removed.includes('PAYMENT_FAILED')));
console.log(`backtest: PAYMENT_FAILED ${diff.hits.a.PAYMENT_FAILED} → ${diff.hits.b.PAYMENT_FAILED ?? 0}, ${diff.changed.length} orders change`);

// Schemas, for admin UIs and backends in other languages.
// `schema rules` describes a rule file (a list of rules, or options holding them); each rule is $defs.OrderTriageRule.
const ruleFile = JSON.parse(run('schema', 'rules').stdout);
assert.equal(ruleFile.title, 'OrderTriageRuleFile');
assert.equal(ruleFile.$defs.OrderTriageRule.title, 'OrderTriageRule');
assert.equal(JSON.parse(run('schema', 'snapshot').stdout).title, 'OrderSnapshot');
