import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: {
      'order-triage/testing': fileURLToPath(new URL('./src/testing/index.ts', import.meta.url)),
      // The command line's in-process entry (runCli), for test/cli*.test.ts; not a published export.
      'order-triage/cli': fileURLToPath(new URL('./src/cli/index.ts', import.meta.url)),
      'order-triage/internals': fileURLToPath(new URL('./src/internals.ts', import.meta.url)),
      'order-triage': fileURLToPath(new URL('./src/index.ts', import.meta.url)),
    },
  },
  test: {
    // ORDER_TRIAGE_TESTS narrows the run to a comma-separated list of files (focused mutation runs).
    include: process.env.ORDER_TRIAGE_TESTS?.split(',') ?? ['src/**/*.test.ts', 'test/**/*.test.ts'],
    environment: 'node',
    // Answers, not speed, are tested here (speed belongs to bench/): a busy machine must never fail a test.
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});
