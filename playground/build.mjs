// npm run playground:build → playground/dist (a static folder to publish with the docs);
// npm run playground → the same, then served on http://127.0.0.1:$PORT (default 5173).
// The page imports 'order-triage' and 'order-triage/testing' only: they resolve to the
// package's entry points in src/, so no build of dist/ is needed first.
import { copyFile, mkdir, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
export const DIST = join(here, 'dist');

/** Bundles the page into `out` and copies its HTML and CSS there. */
export async function buildPlayground(out = DIST) {
  await rm(out, { recursive: true, force: true });
  await mkdir(out, { recursive: true });
  await build({
    entryPoints: [join(here, 'src', 'main.ts')],
    outfile: join(out, 'app.js'),
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    sourcemap: true,
    alias: { 'order-triage/testing': join(root, 'src', 'testing', 'index.ts'), 'order-triage': join(root, 'src', 'index.ts') },
    logLevel: 'warning',
  });
  await copyFile(join(here, 'index.html'), join(out, 'index.html'));
  await copyFile(join(here, 'style.css'), join(out, 'style.css'));
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = await buildPlayground();
  console.log(`playground built in ${out}`);
  if (process.argv.includes('--serve')) {
    const { serve } = await import('./serve.mjs');
    const { url } = await serve(out, Number(process.env.PORT ?? 5173));
    console.log(`playground at ${url}/ (Ctrl-C stops it)`);
  }
}
