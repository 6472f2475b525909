// npm run bench:bundle: the browser/edge bundle of `createTriage` + `evaluate`, as a user's
// bundler makes it (esbuild, minified, ESM, splitting so that code loaded with `import()` goes to
// its own chunk). Prints raw and gzip sizes of what loads at start-up (the entry and the chunks it
// imports statically), the lazy chunks apart, and the top contributors from esbuild's metafile.
// Exits 1 when the start-up bundle is above LIMIT_KB gzip (default 120, the target; --limit <KB>) (docs/benchmarks.md, "Bundle").
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

// The target (issue 20); `--limit <KB>` checks another limit (a ratchet at today's size in .ci/run).
const limitAt = process.argv.indexOf('--limit');
const LIMIT_KB = limitAt === -1 ? 120 : Number(process.argv[limitAt + 1]);
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = mkdtempSync(join(tmpdir(), 'order-triage-bundle-'));
const entry = join(out, 'entry.mjs');
// The built package, as a user's bundler reads it (`--src`: the TypeScript source instead, whose
// contributors are named by folder rather than by tsup's chunk).
const source = process.argv.includes('--src') ? join(root, 'src/index.ts') : join(root, 'dist/index.js');
writeFileSync(entry, `import { createTriage } from ${JSON.stringify(source)};\nconst triage = createTriage();\nexport const run = (o, c) => triage.evaluate(o, c);\n`);

const result = await build({
  entryPoints: [entry],
  bundle: true,
  minify: true,
  format: 'esm',
  splitting: true,
  platform: 'browser',
  target: 'es2022',
  outdir: join(out, 'dist'),
  metafile: true,
  write: true,
  logLevel: 'error',
});

const outputs = result.metafile.outputs;
const entryOut = Object.keys(outputs).find((k) => outputs[k].entryPoint !== undefined && k.endsWith('.js'));
// What loads at start-up: the entry and everything it imports statically.
const eager = new Set();
const walk = (file) => {
  if (eager.has(file)) return;
  eager.add(file);
  for (const imp of outputs[file].imports) if (imp.kind === 'import-statement' && !imp.external) walk(imp.path);
};
walk(entryOut);
const size = (files) => {
  const raw = files.map((f) => readFileSync(resolve(process.cwd(), f)));
  const all = Buffer.concat(raw);
  return { raw: all.length, gzip: gzipSync(all, { level: 9 }).length };
};
const jsFiles = Object.keys(outputs).filter((k) => k.endsWith('.js'));
const startup = size([...eager]);
const lazy = jsFiles.filter((f) => !eager.has(f));
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

// Contributors: bytes each package (or src/ folder) puts into the start-up output.
const byOwner = new Map();
for (const f of eager)
  for (const [input, { bytesInOutput }] of Object.entries(outputs[f].inputs)) {
    const m = /node_modules\/((?:@[^/]+\/)?[^/]+)(?:\/([^/]+))?/.exec(input);
    const owner = m ? (m[1] === 'libphonenumber-js' || m[1] === 'zod' ? `${m[1]}/${m[2]}` : m[1]) : (/src\/([^/]+)/.exec(input)?.[1] ?? input).replace(/^/, 'src/');
    byOwner.set(owner, (byOwner.get(owner) ?? 0) + bytesInOutput);
  }
const top = [...byOwner].sort((a, b) => b[1] - a[1]).slice(0, 12);

console.log(`start-up bundle (${eager.size} file${eager.size === 1 ? '' : 's'}): ${kb(startup.raw)} raw, ${kb(startup.gzip)} gzip (limit ${LIMIT_KB} KB gzip)`);
if (lazy.length > 0) {
  const l = size(lazy);
  console.log(`loaded only when needed (${lazy.length} chunk${lazy.length === 1 ? '' : 's'}, custom operators): ${kb(l.raw)} raw, ${kb(l.gzip)} gzip`);
}
console.log('top contributors to the start-up bundle (minified bytes, before gzip):');
for (const [owner, bytes] of top) console.log(`  ${owner.padEnd(34)} ${kb(bytes).padStart(10)}  ${((100 * bytes) / startup.raw).toFixed(1)}%`);
// With --src: our own biggest modules (one row per source file under src/).
const ownFiles = new Map();
for (const f of eager)
  for (const [input, { bytesInOutput }] of Object.entries(outputs[f].inputs)) {
    const own = /(?:^|\/)src\/(.+)$/.exec(input);
    if (own !== null && !input.includes('node_modules')) ownFiles.set(own[1], (ownFiles.get(own[1]) ?? 0) + bytesInOutput);
  }
if (ownFiles.size > 0) {
  const ownTotal = [...ownFiles.values()].reduce((a, b) => a + b, 0);
  console.log(`our own source in the start-up bundle: ${kb(ownTotal)} (minified); biggest modules:`);
  for (const [file, bytes] of [...ownFiles].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`  src/${file.padEnd(42)} ${kb(bytes).padStart(10)}`);
}
rmSync(out, { recursive: true, force: true });
// One summary line, always against the target (120 KB gzip), whatever --limit checks.
console.log(`bench:bundle: start-up bundle ${kb(startup.gzip)} gzip (target <= 120 KB: ${startup.gzip <= 120 * 1024 ? 'met' : 'missed'})`);
if (startup.gzip > LIMIT_KB * 1024) {
  console.error(`FAIL: the start-up bundle is ${kb(startup.gzip)} gzip, above ${LIMIT_KB} KB`);
  process.exit(1);
}
