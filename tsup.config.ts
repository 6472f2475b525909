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
  // The snapshot's JSON Schema is generated from the built zod schemas, so it can never drift.
  onSuccess: 'node scripts/write-json-schema.mjs',
});
