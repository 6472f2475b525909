import { parseArgs } from 'node:util';
import { type EvaluateContext, type EvaluateResult, formatPath, type Triage } from '../index.js';
import { readContext } from './context-file.js';
import { type CliIo, createSink, EXIT, problemText, UsageError } from './io.js';
import { type OrderLine, readOrders, type Unit } from './orders.js';
import { createTally, type Tally } from './progress.js';
import { triageFrom } from './rule-file.js';

const FORMATS = ['table', 'json', 'ndjson'] as const;
type Format = (typeof FORMATS)[number];

/** How many unreadable orders are named one by one on stderr; the summary counts them all. */
export const INVALID_NAMED = 20;

/** One output record: the evaluation (or the reason the line could not be read) and where it came from. */
function recordOf(line: OrderLine, unit: Unit, result: EvaluateResult | undefined): Record<string, unknown> {
  if ('error' in line) return { [unit]: line.at, ok: false, error: { code: 'invalid_json', message: line.error, issues: [] } };
  return { [unit]: line.at, ...(result as EvaluateResult) };
}

function tableLines(line: OrderLine, unit: Unit, result: EvaluateResult | undefined): string {
  if (result === undefined || !result.ok) return '';
  return result.findings.map((f) => `${unit} ${line.at}\t${f.orderId}\t${f.code}\t${f.severity}\t${f.owner}\t${f.summary.replace(/\s+/g, ' ')}\n`).join('');
}

function noteInvalid(io: CliIo, tally: Tally, line: OrderLine, unit: Unit, result: EvaluateResult | undefined): void {
  tally.invalid++;
  if (tally.invalid > INVALID_NAMED) return;
  const why = 'error' in line ? line.error : result !== undefined && !result.ok ? `${result.error.code}: ${describeFailure(result)}` : '';
  io.stderr.write(`${unit} ${line.at}: ${why}\n`);
}

function describeFailure(result: Extract<EvaluateResult, { ok: false }>): string {
  const first = result.error.issues[0];
  return first === undefined
    ? result.error.message
    : `${formatPath(first.path)}: ${first.message}${result.error.issues.length > 1 ? ` (and ${result.error.issues.length - 1} more)` : ''}`;
}

/**
 * `order-triage evaluate <orders.ndjson|orders.json|-> --now <iso> [--context c.json] [--rules r.json] [--locale l]
 * [--format table|json|ndjson] [--fail-on-invalid]`: evaluates each order as it is read, writes each result as it
 * goes (JSON as a list written piece by piece), names unreadable lines on stderr without stopping;
 * exits 0, or 1 with `--fail-on-invalid` when any order could not be read or evaluated.
 */
export async function evaluateCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      now: { type: 'string' },
      context: { type: 'string' },
      rules: { type: 'string' },
      locale: { type: 'string' },
      format: { type: 'string', default: 'table' },
      'fail-on-invalid': { type: 'boolean', default: false },
    },
  });
  if (positionals.length !== 1) throw new UsageError('evaluate reads one input: order-triage evaluate orders.ndjson --now <iso> (- for stdin)');
  if (!(FORMATS as readonly string[]).includes(values.format)) throw new UsageError(`--format is table, json or ndjson, not ${values.format}`);
  const context = readContext(values.now, values.context, io.cwd);
  const made = triageFrom(values.rules, io.cwd, values.locale);
  for (const problem of [context, made]) if ('error' in problem) io.stderr.write(problemText(problem.error));
  if ('error' in context || 'error' in made) return EXIT.problems;
  const tally = await evaluateStream(io, made.triage, positionals[0] as string, context.context, values.format as Format);
  io.stderr.write(tally.summary());
  // --fail-on-invalid: an order that could not be read or evaluated fails the run (for CI).
  return values['fail-on-invalid'] && tally.invalid > 0 ? EXIT.problems : EXIT.ok;
}

async function evaluateStream(io: CliIo, triage: Triage, path: string, context: EvaluateContext, format: Format): Promise<Tally> {
  const out = createSink(io.stdout);
  const tally = createTally(io);
  const unit = { value: 'line' as Unit };
  if (format === 'json') out.write('[');
  for await (const line of readOrders(path, io.cwd, io.stdin, unit)) {
    const result = 'error' in line ? undefined : await triage.evaluate(line.value, context);
    if (result === undefined || !result.ok) noteInvalid(io, tally, line, unit.value, result);
    else for (const f of result.findings) tally.findings.set(f.code, (tally.findings.get(f.code) ?? 0) + 1);
    const text = format === 'table' ? tableLines(line, unit.value, result) : JSON.stringify(recordOf(line, unit.value, result));
    const pending = out.write(format === 'json' ? `${tally.orders === 0 ? '\n' : ',\n'}${text}` : format === 'ndjson' ? `${text}\n` : text);
    if (pending !== undefined) await pending;
    tally.orders++;
    tally.tick();
  }
  if (format === 'json') out.write(tally.orders === 0 ? ']\n' : '\n]\n');
  await out.flush();
  return tally;
}
