import { createReadStream, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { MAX_LINE_BYTES, splitLines } from './lines.js';

/** One order read from the input, or why the line could not be read; `at` is its line (NDJSON) or position (JSON list), from 1. */
export type OrderLine = { readonly at: number; readonly value: unknown } | { readonly at: number; readonly error: string };

/** How `at` counts: lines of an NDJSON file, or positions in a JSON list. */
export type Unit = 'line' | 'position';

const parseLine = (text: string, at: number): OrderLine => {
  try {
    return { at, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { at, error: `invalid JSON: ${(error as Error).message}` };
  }
};

function* listOf(text: string): Generator<OrderLine> {
  const parsed = parseLine(text.startsWith('\uFEFF') ? text.slice(1) : text, 1);
  if ('error' in parsed) return yield parsed;
  const value = parsed.value as { orders?: unknown } | null;
  // A list of orders, an object holding one as `orders` (examples/data/sample-orders.json), or one order.
  const list = Array.isArray(value) ? value : Array.isArray(value?.orders) ? value.orders : [value];
  for (let i = 0; i < list.length; i++) yield { at: i + 1, value: list[i] };
}

/**
 * Reads orders from NDJSON line by line (one line in memory at a time, however long the file; a
 * line longer than `maxLineBytes` is reported invalid with its number and skipped without being
 * held whole), or from a JSON file holding a list (or `{ orders: [...] }`, or one order), which
 * is loaded whole. A `.json` path, or input whose first line opens a list, is read as JSON. Blank
 * lines are skipped; a UTF-8 byte order mark at the start is dropped.
 */
export async function* readOrders(path: string, cwd: string, stdin: Readable, unit: { value: Unit }, maxLineBytes = MAX_LINE_BYTES): AsyncGenerator<OrderLine> {
  if (path !== '-' && path.endsWith('.json')) {
    unit.value = 'position';
    return yield* listOf(readFileSync(resolve(cwd, path), 'utf8'));
  }
  const input = path === '-' ? stdin : createReadStream(resolve(cwd, path));
  let list: string[] | undefined;
  // A first line that opens a list (`[`, after blanks) is a JSON list, read whole.
  const opensList = (firstByte: number, at: number) => at === 1 && firstByte === 0x5b;
  for await (const line of splitLines(input, maxLineBytes, (b, at) => list !== undefined || opensList(b, at))) {
    if ('tooLong' in line) yield { at: line.at, error: `line longer than ${maxLineBytes} bytes (${line.tooLong}), skipped` };
    else if (list !== undefined) list.push(line.text);
    else if (line.text.trim() === '') continue;
    else if (line.at === 1 && line.text.trimStart().startsWith('[')) list = [line.text];
    else yield parseLine(line.text, line.at);
  }
  if (list !== undefined) {
    unit.value = 'position';
    yield* listOf(list.join('\n'));
  }
}
