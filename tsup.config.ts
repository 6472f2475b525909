import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts', internals: 'src/internals.ts', 'testing/index': 'src/testing/index.ts', cli: 'src/cli/bin.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'node20',
  treeshake: true,
  splitting: true,
  // libphonenumber-js is bundled into dist/ (its MIT notice and the Apache-2.0 notice of the Google
  // metadata it carries are in THIRD_PARTY_NOTICES.md): Node then loads one file instead of ~100
  // modules at import (docs/benchmarks.md, "Third round (issue 20): cold start and bundle").
  noExternal: ['libphonenumber-js'],
  // The snapshot's JSON Schema is generated from the built zod schemas, so it can never drift.
  onSuccess: 'node scripts/write-json-schema.mjs',
});
