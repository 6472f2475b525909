import { parseArgs } from 'node:util';
import { type ChangedOrder, createBacktest, type StreamedBacktestResult } from '../testing/index.js';
import { readContext } from './context-file.js';
import { type CliIo, createSink, EXIT, problemText, UsageError } from './io.js';
import { readOrders, type Unit } from './orders.js';
import { createTally } from './progress.js';
import { triageFrom } from './rule-file.js';

/** How many changed orders the text report lists unless `--limit` says otherwise. */
const DEFAULT_LIMIT = 20;

interface Located extends ChangedOrder {
  readonly at: number;
}

/**
 * `order-triage backtest [--rules a.json] --against b.json <orders> --now <iso> [--format text|json]
 * [--limit n]`: both rule sets over the same orders, streamed; hits per code under each, the
 * difference, and the orders whose findings change (the first `--limit` in text; all in JSON,
 * written as they are found, never held).
 */
export async function backtestCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      rules: { type: 'string' },
      against: { type: 'string' },
      now: { type: 'string' },
      context: { type: 'string' },
      locale: { type: 'string' },
      format: { type: 'string', default: 'text' },
      limit: { type: 'string', default: String(DEFAULT_LIMIT) },
    },
  });
  if (positionals.length !== 1) throw new UsageError('backtest reads one input: order-triage backtest [--rules a.json] --against b.json orders.ndjson --now <iso>');
  if (values.against === undefined) throw new UsageError('backtest needs --against b.json, the rule set to compare with (--rules a.json, or the defaults)');
  if (values.format !== 'text' && values.format !== 'json') throw new UsageError(`--format is text or json, not ${values.format}`);
  const limit = Number(values.limit);
  if (!Number.isSafeInteger(limit) || limit < 0) throw new UsageError(`--limit is a whole number, not ${values.limit}`);
  const context = readContext(values.now, values.context, io.cwd);
  const a = triageFrom(values.rules, io.cwd, values.locale);
  const b = triageFrom(values.against, io.cwd, values.locale);
  for (const made of [context, a, b]) if ('error' in made) io.stderr.write(problemText(made.error));
  if ('error' in context || 'error' in a || 'error' in b) return EXIT.problems;
  // JSON streams every changed order as it is found; text keeps the first --limit for its list.
  const json = values.format === 'json';
  const keep = json ? 0 : limit;
  const run = createBacktest(a.triage, b.triage, context.context, { keepChanged: keep });
  const tally = createTally(io);
  const unit = { value: 'line' as Unit };
  const changed: Located[] = [];
  const invalid: number[] = [];
  const out = createSink(io.stdout);
  let streamed = 0;
  if (json) out.write('{\n  "changed": [');
  for await (const line of readOrders(positionals[0] as string, io.cwd, io.stdin, unit)) {
    const step = 'error' in line ? { invalid: true } : run.add(line.value);
    if (step.invalid) {
      tally.invalid++;
      invalid.push(line.at);
    } else if (step.change !== undefined && json) {
      const pending = out.write(`${streamed++ === 0 ? '\n' : ',\n'}    ${JSON.stringify({ ...step.change, [unit.value]: line.at })}`);
      if (pending !== undefined) await pending;
    } else if (step.change !== undefined && changed.length < keep) changed.push({ at: line.at, ...step.change });
    tally.orders++;
    tally.tick();
  }
  const { changed: _kept, ...result } = run.result();
  for (const [code, n] of Object.entries(result.hits.b)) tally.findings.set(code, n);
  if (json) {
    const rest = JSON.stringify({ ...result, invalid, unit: unit.value }, null, 2).slice(1);
    out.write(`${streamed === 0 ? '' : '\n  '}],${rest}\n`);
  } else out.write(backtestText({ ...result, changed: [] }, changed, unit.value));
  await out.flush();
  io.stderr.write(tally.summary('findings under --against'));
  return EXIT.ok;
}

function backtestText(result: StreamedBacktestResult, changed: readonly Located[], unit: Unit): string {
  const codes = [...new Set([...Object.keys(result.hits.a), ...Object.keys(result.hits.b)])].sort();
  const width = codes.reduce((w, c) => (c.length > w ? c.length : w), 4);
  const rows = codes.map((code) => {
    const a = result.hits.a[code] ?? 0;
    const b = result.hits.b[code] ?? 0;
    const diff = b - a;
    return `${code.padEnd(width)}  ${String(a).padStart(8)}  ${String(b).padStart(8)}  ${(diff > 0 ? `+${diff}` : String(diff)).padStart(8)}\n`;
  });
  let out = `${'code'.padEnd(width)}  ${'rules'.padStart(8)}  ${'against'.padStart(8)}  ${'diff'.padStart(8)}\n${rows.join('')}`;
  out += `\n${result.changedCount} of ${result.orders} orders change${result.changedCount > changed.length ? ` (first ${changed.length} listed; --format json lists all)` : ''}\n`;
  for (const c of changed) out += `${unit} ${c.at}\t${c.orderId}\t${[...c.added.map((x) => `+${x}`), ...c.removed.map((x) => `-${x}`)].join(' ')}\n`;
  return out;
}
