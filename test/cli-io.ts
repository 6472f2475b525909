import { Readable } from 'node:stream';
import type { CliIo } from 'order-triage/cli';

/** A CliIo whose stdout and stderr are collected as text, for running the command line in-process. */
export interface CapturedIo extends CliIo {
  readonly out: () => string;
  readonly err: () => string;
}

/** Captured streams, stdin from the given text, a clock that advances `tick` ms on each read. */
export function captureIo(options: { stdin?: string | Iterable<string> | AsyncIterable<string>; tty?: boolean; tick?: number; cwd?: string } = {}): CapturedIo {
  let out = '';
  let err = '';
  let time = 0;
  const input = options.stdin ?? '';
  return {
    stdin: Readable.from(typeof input === 'string' ? [input] : input),
    stdout: { write: (s: string) => ((out += s), true), once: () => undefined },
    stderr: { write: (s: string) => ((err += s), true), once: () => undefined },
    stderrIsTTY: options.tty ?? false,
    clock: () => (time += options.tick ?? 0),
    version: '9.9.9-test',
    cwd: options.cwd ?? process.cwd(),
    out: () => out,
    err: () => err,
  };
}
