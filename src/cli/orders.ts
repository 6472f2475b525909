import { createReadStream, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';

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
  const parsed = parseLine(text, 1);
  if ('error' in parsed) return yield parsed;
  const value = parsed.value as { orders?: unknown } | null;
  // A list of orders, an object holding one as `orders` (examples/data/sample-orders.json), or one order.
  const list = Array.isArray(value) ? value : Array.isArray(value?.orders) ? value.orders : [value];
  for (let i = 0; i < list.length; i++) yield { at: i + 1, value: list[i] };
}

/**
 * Reads orders from NDJSON line by line (readline: one line in memory at a time, however long
 * the file), or from a JSON file holding a list (or `{ orders: [...] }`, or one order), which is loaded whole. A `.json`
 * path, or input whose first line opens a list, is read as JSON. Blank lines are skipped.
 */
export async function* readOrders(path: string, cwd: string, stdin: Readable, unit: { value: Unit }): AsyncGenerator<OrderLine> {
  if (path !== '-' && path.endsWith('.json')) {
    unit.value = 'position';
    return yield* listOf(readFileSync(resolve(cwd, path), 'utf8'));
  }
  const input = path === '-' ? stdin : createReadStream(resolve(cwd, path), { encoding: 'utf8' });
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  let at = 0;
  let list: string[] | undefined;
  for await (const line of lines) {
    at++;
    if (list !== undefined) list.push(line);
    else if (line.trim() === '') continue;
    else if (at === 1 && line.trimStart().startsWith('[')) list = [line];
    else yield parseLine(line, at);
  }
  if (list !== undefined) {
    unit.value = 'position';
    yield* listOf(list.join('\n'));
  }
}
