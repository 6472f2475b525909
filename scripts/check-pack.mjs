// Proves the package as npm publishes it: `npm pack` (whose prepack builds dist/) ships the
// builds, types, JSON Schema, README, CHANGELOG, docs/ and examples/ and nothing else; every
// relative link of the README and the docs resolves inside the tarball; and the tarball,
// installed into an empty project, loads by ESM import and CommonJS require and type-checks
// under `tsc --strict`.
//
//   node scripts/check-pack.mjs            # packs, checks, installs, imports; removes the temp dir
//   node scripts/check-pack.mjs --keep     # keeps the temp dir and prints its path
//
// Other checks of the installed package (say, running its bin) reuse it:
//   import { checkPack } from './check-pack.mjs';
//   await checkPack({ onInstalled: ({ dir, run }) => run('npx', ['order-triage', '--help']) });
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, normalize, posix } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** The files that must be in the tarball (paths inside it, without the `package/` prefix). */
export const REQUIRED = [
  'package.json',
  'README.md',
  'CHANGELOG.md',
  // The licence notices of the code bundled into dist/ (libphonenumber-js and its metadata).
  'THIRD_PARTY_NOTICES.md',
  'dist/order-snapshot.schema.json',
  ...['index', 'internals', 'testing/index'].flatMap((entry) => ['.js', '.cjs', '.d.ts', '.d.cts'].map((ext) => `dist/${entry}${ext}`)),
  ...readdirSync(join(root, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
  'examples/demo.mjs',
  'examples/data/sample-orders.json',
];

/** What may be in the tarball: the build, the docs and examples, and npm's own files. */
const ALLOWED = [/^dist\//, /^docs\//, /^examples\//, /^(package\.json|README\.md|CHANGELOG\.md|THIRD_PARTY_NOTICES\.md|LICENSE(\.md)?)$/];
/** What must never be, even under an allowed folder: sources, tests' own files, local caches. */
const FORBIDDEN = [/(^|\/)node_modules\//, /(?<!\.d)\.[cm]?ts$/, /\.tsbuildinfo$/, /\.local\.json$/, /(^|\/)\.DS_Store$/];

/** Runs a command, throwing with its output when it fails; returns its stdout. */
function run(cmd, args, { cwd = root, quiet = true } = {}) {
  try {
    return execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', quiet ? 'pipe' : 'inherit'], env: { ...process.env, npm_config_update_notifier: 'false' } });
  } catch (error) {
    throw new Error(`${cmd} ${args.join(' ')} failed in ${cwd}:\n${error.stdout ?? ''}${error.stderr ?? ''}`);
  }
}

/** Packs the package into `dir` (prepack builds dist/) and returns the tarball's path and file list. */
export function pack(dir) {
  run('npm', ['pack', '--pack-destination', dir]);
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const tarball = join(dir, `${pkg.name}-${pkg.version}.tgz`);
  assert.ok(existsSync(tarball), `npm pack wrote ${tarball}`);
  const files = run('tar', ['-tzf', tarball])
    .split('\n')
    .filter((line) => line !== '' && !line.endsWith('/'))
    .map((line) => line.replace(/^package\//, ''));
  return { tarball, files };
}

/** Relative links of a Markdown file (no scheme, no pure #anchor), resolved against the file's folder. */
function relativeLinks(path, text) {
  const links = [...text.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]);
  return links.filter((l) => !/^[a-z]+:/i.test(l) && !l.startsWith('#')).map((l) => posix.normalize(posix.join(posix.dirname(path), l.split('#')[0])));
}

/** Asserts the tarball's contents: everything required, nothing unexpected, every doc link inside. */
export function checkContents(files, extract) {
  const shipped = new Set(files);
  const missing = REQUIRED.filter((f) => !shipped.has(f));
  assert.deepEqual(missing, [], 'every required file is in the tarball');
  const unexpected = files.filter((f) => !ALLOWED.some((re) => re.test(f)) || FORBIDDEN.some((re) => re.test(f)));
  assert.deepEqual(unexpected, [], 'nothing but dist/, docs/, examples/, README, CHANGELOG, LICENSE, THIRD_PARTY_NOTICES and package.json is in the tarball');
  const orphanMaps = files.filter((f) => f.endsWith('.map') && !shipped.has(f.slice(0, -'.map'.length)));
  assert.deepEqual(orphanMaps, [], 'every source map sits beside its script');
  const folders = new Set(
    files.flatMap((f) =>
      f
        .split('/')
        .slice(0, -1)
        .map((_, i, parts) => parts.slice(0, i + 1).join('/')),
    ),
  );
  const broken = files
    .filter((f) => f.endsWith('.md'))
    .flatMap((f) => relativeLinks(f, extract(f)).map((target) => ({ from: f, target })))
    .filter(({ target }) => !shipped.has(target) && !folders.has(target.replace(/\/$/, '')));
  assert.deepEqual(broken, [], 'every relative link of the README and the docs resolves inside the tarball');
}

const ESM_CHECK = `import { createTriage, toActionTaken } from 'order-triage';
import { paymentScenarios } from 'order-triage/testing';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
const { order, now } = paymentScenarios.duplicatePayment();
const report = createTriage().evaluate(order, { now });
if (!report.ok || report.findings[0]?.code !== 'DUPLICATE_PAYMENT') throw new Error('ESM: the duplicate payment is not found');
if (toActionTaken(report.actions[0], { at: now }).idempotencyKey !== report.actions[0].idempotencyKey) throw new Error('ESM: toActionTaken');
const schema = createRequire(import.meta.url).resolve('order-triage/order-snapshot.schema.json');
if (JSON.parse(readFileSync(schema, 'utf8')).type !== 'object') throw new Error('ESM: the JSON Schema');
console.log('esm ok');
`;

const CJS_CHECK = `const { createTriage } = require('order-triage');
const { paymentScenarios } = require('order-triage/testing');
const { order, now } = paymentScenarios.duplicatePayment();
const report = createTriage().evaluate(order, { now });
if (!report.ok || report.findings[0]?.code !== 'DUPLICATE_PAYMENT') throw new Error('CommonJS: the duplicate payment is not found');
console.log('cjs ok');
`;

const TYPES_CHECK = `import { createTriage, type OrderSnapshotInput, toActionTaken } from 'order-triage';
import { expectReport } from 'order-triage/testing';
export function record(order: OrderSnapshotInput, now: Date): OrderSnapshotInput {
  const report = expectReport(createTriage().evaluate(order, { now }));
  return { ...order, actionsTaken: [...(order.actionsTaken ?? []), ...report.actions.map((a) => toActionTaken(a, { at: now }))] };
}
`;

/** Installs the tarball into a fresh project in `dir` and loads it as users do: ESM, CommonJS, types. */
export function installAndLoad(dir, tarball) {
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'order-triage-consumer', private: true, version: '0.0.0' }, null, 2));
  run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', tarball], { cwd: dir });
  writeFileSync(join(dir, 'esm.mjs'), ESM_CHECK);
  writeFileSync(join(dir, 'cjs.cjs'), CJS_CHECK);
  writeFileSync(join(dir, 'types.mts'), TYPES_CHECK);
  assert.equal(run(process.execPath, ['esm.mjs'], { cwd: dir }).trim(), 'esm ok');
  assert.equal(run(process.execPath, ['cjs.cjs'], { cwd: dir }).trim(), 'cjs ok');
  const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  const flags = ['--strict', '--exactOptionalPropertyTypes', '--noEmit', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022', '--skipLibCheck', 'false'];
  run(process.execPath, [tsc, ...flags, 'types.mts'], { cwd: dir });
}

/**
 * Packs, checks the contents, installs the tarball into a temp project and loads it; then calls
 * `onInstalled({ dir, tarball, files, run })` for further checks of the installed package
 * (`run(cmd, args, { cwd })` returns stdout, throwing with the output on failure). Removes the
 * temp dir unless `keep`. Returns the temp dir.
 */
export async function checkPack({ onInstalled, keep = false } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'order-triage-pack-'));
  try {
    const { tarball, files } = pack(dir);
    checkContents(files, (f) => run('tar', ['-xOzf', tarball, `package/${f}`]));
    const project = join(dir, 'project');
    run('mkdir', ['-p', project]);
    installAndLoad(project, tarball);
    await onInstalled?.({ dir: project, tarball, files, run: (cmd, args, options = {}) => run(cmd, args, { cwd: project, ...options }) });
    console.log(
      `pack: ${files.length} files; dist (ESM, CommonJS, types, schema), README, CHANGELOG, docs and examples shipped, links resolve; installed, imported and type-checked`,
    );
    return dir;
  } finally {
    if (keep) console.log(`pack: temp dir kept at ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] !== undefined && pathToFileURL(normalize(process.argv[1])).href === import.meta.url) {
  await checkPack({ keep: process.argv.includes('--keep') });
}
