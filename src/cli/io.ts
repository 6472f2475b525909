import type { Readable } from 'node:stream';

/** A stream the command line writes to: process.stdout / stderr, or any Writable in tests. */
export interface OutStream {
  write(chunk: string): boolean;
  once(event: 'drain', listener: () => void): unknown;
}

/** What a command reads and writes, passed in so commands run in-process in tests. */
export interface CliIo {
  readonly stdin: Readable;
  readonly stdout: OutStream;
  readonly stderr: OutStream;
  /** Whether stderr is a terminal: the progress line shows only then. */
  readonly stderrIsTTY: boolean;
  /** Milliseconds from any origin, for the progress line and the summary's time. */
  readonly clock: () => number;
  /** The package's version, for `--version`. */
  readonly version: string;
  /** Where relative file paths start. */
  readonly cwd: string;
}

/** A usage mistake (unknown command or flag, missing argument): exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** A problem's lines as the tool writes them on stderr: `order-triage: <message>` first, then its detail lines. */
export const problemText = (lines: string): string => `order-triage: ${lines.endsWith('\n') ? lines : `${lines}\n`}`;

/** Exit codes: 0 all good, 1 problems found (lint errors, unreadable files, refused rules), 2 usage. */
export const EXIT = { ok: 0, problems: 1, usage: 2 } as const;

/**
 * A buffered writer that respects backpressure: text is gathered into chunks of about 64 KiB and
 * each write waits for `drain` when the stream asks it to, so output of millions of lines never
 * piles up in memory.
 */
export function createSink(out: OutStream): { write(text: string): Promise<void> | undefined; flush(): Promise<void> } {
  let buffer = '';
  const push = async (): Promise<void> => {
    const chunk = buffer;
    buffer = '';
    if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', resolve));
  };
  return {
    write(text) {
      buffer += text;
      return buffer.length >= 65_536 ? push() : undefined;
    },
    flush: () => (buffer === '' ? Promise.resolve() : push()),
  };
}
