import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: {
      'order-triage/testing': fileURLToPath(new URL('./src/testing/index.ts', import.meta.url)),
      'order-triage': fileURLToPath(new URL('./src/index.ts', import.meta.url)),
    },
  },
  test: {
    // ORDER_TRIAGE_TESTS narrows the run to a comma-separated list of files (focused mutation runs).
    include: process.env.ORDER_TRIAGE_TESTS?.split(',') ?? ['src/**/*.test.ts', 'test/**/*.test.ts'],
    environment: 'node',
    // Property tests run thousands of cases on a machine shared with other work: a per-test limit
    // of 5 s failed them for load, not for behaviour. Nothing here asserts on time.
    testTimeout: 120_000,
  },
});
