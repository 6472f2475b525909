#!/usr/bin/env node
/**
 * The `order-triage` executable (package.json `bin`): runs {@link runCli} with the process's
 * streams and sets the exit code. The only place the tool reads the clock or the process.
 *
 * @packageDocumentation
 */
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { runCli } from './index.js';

/** The version in the package.json above this script (dist/cli.js, or src/cli/bin.ts under tsx). */
function packageVersion(): string {
  let dir = dirname(realpathSync(process.argv[1] ?? '.'));
  for (let i = 0; i < 4; i++, dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) return (JSON.parse(readFileSync(file, 'utf8')) as { version?: string }).version ?? 'unknown';
  }
  return 'unknown';
}

// A reader that stops early (`| head`) closes the pipe: that ends the run, it is no failure.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(0);
});

runCli(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  stderrIsTTY: process.stderr.isTTY === true,
  clock: () => performance.now(),
  version: packageVersion(),
  cwd: process.cwd(),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`order-triage: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
