// Proves the built package works the way users load it: ESM import, CommonJS require, both
// subpaths, type declarations for each, and the JSON Schema file, all through the exports map
// (Node resolves the package's own name from inside it).
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

// Importing the package builds no Intl formatter: ICU's locale data loads on first use, for the
// locales a triage writes in (docs/benchmarks.md, "Third round (issue 20): cold start and bundle").
const intlBuilt = [];
const intlOriginals = ['NumberFormat', 'DateTimeFormat', 'ListFormat', 'PluralRules', 'Collator', 'RelativeTimeFormat', 'Segmenter'].map((name) => [name, Intl[name]]);
for (const [name, original] of intlOriginals)
  Intl[name] = new Proxy(original, {
    construct: (target, args, newTarget) => {
      intlBuilt.push(name);
      return Reflect.construct(target, args, newTarget);
    },
  });
const esm = await import('order-triage');
for (const [name, original] of intlOriginals) Intl[name] = original;
assert.deepEqual(intlBuilt, [], 'importing order-triage builds no Intl formatter');
const esmTesting = await import('order-triage/testing');
const cjs = require('order-triage');
const cjsTesting = require('order-triage/testing');

for (const [name, lib, testing] of [
  ['ESM', esm, esmTesting],
  ['CommonJS', cjs, cjsTesting],
]) {
  assert.equal(typeof lib.createTriage, 'function', `${name}: createTriage is exported`);
  const { order, now } = testing.paymentScenarios.duplicatePayment();
  const report = lib.createTriage().evaluate(order, { now });
  assert.equal(report.ok, true, `${name}: evaluate returns a report`);
  assert.deepEqual(
    report.findings.map((f) => f.code),
    ['DUPLICATE_PAYMENT'],
    `${name}: finds the duplicate payment`,
  );
}

for (const [subpath, conditions] of Object.entries(pkg.exports)) {
  if (typeof conditions === 'string') {
    assert.ok(existsSync(new URL(`../${conditions}`, import.meta.url)), `${subpath} -> ${conditions} exists`);
    continue;
  }
  for (const [condition, target] of Object.entries(conditions)) {
    assert.deepEqual(Object.keys(target), ['types', 'default'], `${subpath} ${condition}: types come first`);
    for (const file of Object.values(target)) assert.ok(existsSync(new URL(`../${file}`, import.meta.url)), `${file} exists`);
  }
}

// json-rules-engine serves custom operators only: importing the package and evaluating without
// them never loads it (docs/benchmarks.md, "Cold start"); with them, it loads on the first run.
const loaded = () => Object.keys(require.cache).some((file) => /[\\/]json-rules-engine[\\/]/.test(file));
assert.equal(loaded(), false, 'json-rules-engine is not loaded by importing order-triage and evaluating without custom operators');
for (const [name, lib, testing] of [
  ['ESM', esm, esmTesting],
  ['CommonJS', cjs, cjsTesting],
]) {
  const startsWith = { name: 'startsWith', evaluate: (fact, value) => typeof fact === 'string' && fact.startsWith(String(value)) };
  const rule = {
    name: 'shenzhen',
    conditions: { all: [{ fact: 'order', path: '$.shippingAddress.postalCode', operator: 'startsWith', value: '518' }] },
    event: { type: 'SHENZHEN', params: { category: 'logistics', severity: 'low', owner: 'logistics', summary: { en: 'Order {orderId} ships to Shenzhen.' } } },
  };
  const report = await lib.createTriage({ locale: 'en', rules: [rule], customOperators: [startsWith] }).evaluate(testing.buildOrder(), { now: testing.minutesAfter(30) });
  assert.deepEqual(report.ok && report.findings.map((f) => f.code), ['SHENZHEN'], `${name}: a custom operator loads json-rules-engine and runs`);
}
assert.equal(loaded(), true, 'json-rules-engine is loaded once a custom operator runs');

// libphonenumber-js is bundled into dist/ (tsup noExternal): no built file imports or requires it,
// so an install without it works (scripts/check-pack.mjs installs the tarball alone), and the
// notices file carries the bundled version's licence, word for word (docs/benchmarks.md, "Third round").
const builtFiles = readdirSync(new URL('../dist/', import.meta.url), { recursive: true }).filter((f) => /\.[cm]?js$/.test(f));
const importsPhoneLib = builtFiles.filter((f) => /(?:from\s*|import\(\s*|require\(\s*)["']libphonenumber-js/.test(readFileSync(new URL(`../dist/${f}`, import.meta.url), 'utf8')));
assert.deepEqual(importsPhoneLib, [], 'no built file imports libphonenumber-js: it is bundled');
assert.ok(!('libphonenumber-js' in (pkg.dependencies ?? {})), 'libphonenumber-js is not a runtime dependency: dist/ carries it');
const notices = readFileSync(new URL('../THIRD_PARTY_NOTICES.md', import.meta.url), 'utf8');
const phoneLibDir = new URL('../node_modules/libphonenumber-js/', import.meta.url);
const phoneLib = JSON.parse(readFileSync(new URL('package.json', phoneLibDir), 'utf8'));
assert.ok(notices.includes(`## libphonenumber-js ${phoneLib.version}\n`), `THIRD_PARTY_NOTICES.md names the bundled libphonenumber-js ${phoneLib.version}`);
for (const licence of ['LICENSE', 'LICENSE.Apache'])
  assert.ok(notices.includes(readFileSync(new URL(licence, phoneLibDir), 'utf8').trim()), `THIRD_PARTY_NOTICES.md carries libphonenumber-js's ${licence} word for word`);
assert.ok(pkg.files.includes('THIRD_PARTY_NOTICES.md'), 'THIRD_PARTY_NOTICES.md is in the package files');

// moduleResolution node10 reads no exports map: typesVersions names each subpath's types (scripts/consumer-types/node10).
for (const [subpath, [file]] of Object.entries(pkg.typesVersions['*'])) {
  assert.ok(pkg.exports[`./${subpath}`], `typesVersions ${subpath} is an exported subpath`);
  assert.ok(existsSync(new URL(`../${file}`, import.meta.url)), `typesVersions ${subpath} -> ${file} exists`);
}

const esmInternals = await import('order-triage/internals');
const cjsInternals = require('order-triage/internals');
for (const [name, internals] of [
  ['ESM', esmInternals],
  ['CommonJS', cjsInternals],
]) {
  assert.equal(typeof internals.compileCondition, 'function', `${name}: order-triage/internals exports compileCondition`);
  assert.equal(internals.compileCondition({ all: [] }).test({}), true, `${name}: compileCondition compiles`);
}

const schema = require('order-triage/order-snapshot.schema.json');
assert.deepEqual(schema, esm.getSnapshotJsonSchema(), 'the shipped JSON Schema matches the library');
console.log('dist: ESM and CommonJS entry points, types and JSON Schema all check out');
