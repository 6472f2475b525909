import type { Readable } from 'node:stream';

/** The longest NDJSON line read (1 MiB): a longer one is reported invalid and skipped without being held whole. */
export const MAX_LINE_BYTES = 1_048_576;

/** One line of the input (a UTF-8 BOM before the first one dropped), or the note that line `at` was too long to read. */
export type RawLine = { readonly at: number; readonly text: string } | { readonly at: number; readonly tooLong: number };

const LF = 0x0a;
const CR = 0x0d;

/**
 * Splits a byte stream into lines (LF, CRLF or a lone CR end a line, as readline reads them),
 * holding at most `limit` bytes of a line: the rest of a longer line is counted and dropped as it
 * streams by, and the line is answered as `{ at, tooLong: bytes }`. A line whose first byte is
 * `[` is never cut (a JSON list, read whole: `unlimited` says so for the caller's first line).
 *
 * @example
 * for await (const line of splitLines(stream, 1_048_576)) console.log(line.at)
 */
export async function* splitLines(
  input: Readable | AsyncIterable<Buffer | string>,
  limit: number,
  unlimited: (firstByte: number, at: number) => boolean = () => false,
): AsyncGenerator<RawLine> {
  let parts: Buffer[] = [];
  let held = 0;
  let seen = 0;
  let at = 1;
  let afterCr = false;
  let start = true;
  let free = false;
  const end = (): RawLine => {
    const line: RawLine = seen > held ? { at, tooLong: seen } : { at, text: Buffer.concat(parts, held).toString('utf8') };
    parts = [];
    held = 0;
    seen = 0;
    at++;
    free = false;
    return line;
  };
  for await (const chunk of input) {
    let bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    if (start && bytes.length > 0) {
      // A UTF-8 byte order mark at the very start (editors on Windows write one) is no part of the data.
      if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
      start = false;
    }
    let from = 0;
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i] as number;
      if (b !== LF && b !== CR) continue;
      if (b === LF && afterCr && i === from && seen === 0) {
        // the LF of a CRLF: the line already ended at the CR
        afterCr = false;
        from = i + 1;
        continue;
      }
      take(bytes.subarray(from, i));
      yield end();
      afterCr = b === CR;
      from = i + 1;
    }
    if (from < bytes.length) {
      afterCr = false;
      take(bytes.subarray(from));
    }
  }
  if (seen > 0) yield end();

  function take(piece: Buffer): void {
    if (piece.length === 0) return;
    if (seen === 0) free = unlimited(piece[0] as number, at);
    seen += piece.length;
    const room = free ? piece.length : Math.max(0, limit - held);
    if (room === 0) return;
    const kept = piece.length <= room ? piece : piece.subarray(0, room);
    // Copied: the chunk's buffer may be reused by the stream.
    parts.push(Buffer.from(kept));
    held += kept.length;
  }
}
