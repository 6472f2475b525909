/**
 * The command line tool `order-triage` (docs/cli.md): `lint`, `evaluate`, `backtest`, `schema`.
 * Each command reads and writes through a {@link CliIo}, so it runs in-process in tests.
 *
 * @packageDocumentation
 */
import { parseArgs } from 'node:util';
import { getRuleJsonSchema, getSnapshotJsonSchema } from '../index.js';
import { backtestCommand } from './backtest-command.js';
import { evaluateCommand } from './evaluate-command.js';
import { type CliIo, EXIT, UsageError } from './io.js';
import { lintCommand } from './lint-command.js';

export type { CliIo, OutStream } from './io.js';

/** What `order-triage --help` prints. */
export const HELP = `order-triage: lint rules, evaluate orders, backtest rule sets (docs/cli.md)

Usage:
  order-triage lint <rules.json...> [--strict] [--format text|json]
  order-triage evaluate <orders.ndjson|orders.json|-> --now <iso> [--context ctx.json] [--rules r.json] [--locale en|zh-CN] [--format table|json|ndjson] [--fail-on-invalid]
  order-triage backtest [--rules a.json] --against b.json <orders.ndjson|orders.json|-> --now <iso> [--context ctx.json] [--locale en|zh-CN] [--format text|json] [--limit 20]
  order-triage schema snapshot|rules
  order-triage --help | --version

A rule file holds a list of rules, or an object of createTriage options ({ rules, conditions, thresholds, ... }).
Exit codes: 0 ok, 1 problems (lint errors, unreadable or refused files; invalid orders with --fail-on-invalid), 2 usage (a --locale no catalogue has too).
`;

/**
 * The JSON Schema of a rule file as `lint`, `evaluate --rules` and `backtest` read it: a list of
 * rules, or an object of createTriage options holding `rules` (and named `conditions`,
 * `thresholds`...). Each rule is the library's rule schema (getRuleJsonSchema), kept under `$defs`.
 */
export function ruleFileJsonSchema(): Record<string, unknown> {
  const { $schema, $defs, title: _title, ...rule } = getRuleJsonSchema() as { $schema?: unknown; $defs?: Record<string, unknown>; title?: unknown };
  const rules = { type: 'array', items: { $ref: '#/$defs/OrderTriageRule' } };
  return {
    $schema,
    title: 'OrderTriageRuleFile',
    description: 'A rule file: a list of rules, or an object of createTriage options with rules (docs/cli.md).',
    oneOf: [rules, { type: 'object', properties: { rules, conditions: { type: 'object' } } }],
    $defs: { ...$defs, OrderTriageRule: { ...rule, title: 'OrderTriageRule' } },
  };
}

function schemaCommand(args: string[], io: CliIo): number {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  const which = positionals[0];
  if (positionals.length !== 1 || (which !== 'snapshot' && which !== 'rules')) throw new UsageError('schema prints snapshot or rules: order-triage schema snapshot');
  io.stdout.write(`${JSON.stringify(which === 'snapshot' ? getSnapshotJsonSchema() : ruleFileJsonSchema(), null, 2)}\n`);
  return EXIT.ok;
}

const COMMANDS: Readonly<Record<string, (args: string[], io: CliIo) => number | Promise<number>>> = Object.assign(Object.create(null), {
  lint: lintCommand,
  evaluate: evaluateCommand,
  backtest: backtestCommand,
  schema: schemaCommand,
});

/**
 * Runs the command line with `argv` (without `node` and the script) and returns the exit code:
 * 0 ok, 1 problems found, 2 a usage mistake (the usage is printed on stderr).
 *
 * @example
 * await runCli(['lint', 'rules.json', '--strict'], io) //=> 0
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...args] = argv;
  if (command === '--version' || command === '-v') {
    io.stdout.write(`${io.version}\n`);
    return EXIT.ok;
  }
  if (command === undefined || command === '--help' || command === '-h' || command === 'help' || args.includes('--help')) {
    if (command === undefined) io.stderr.write(HELP);
    else io.stdout.write(HELP);
    return command === undefined ? EXIT.usage : EXIT.ok;
  }
  const run = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
  try {
    if (run === undefined) throw new UsageError(`unknown command ${JSON.stringify(command)}`);
    return await run(args, io);
  } catch (error) {
    const code = String((error as { code?: unknown }).code ?? '');
    if (error instanceof Error && /^E[A-Z]+$/.test(code)) {
      // A file that cannot be opened (ENOENT, EISDIR, EACCES...): a problem with the input, not a crash.
      io.stderr.write(`order-triage: ${error.message}\n`);
      return EXIT.problems;
    }
    if (!(error instanceof UsageError) && !code.startsWith('ERR_PARSE_ARGS')) throw error;
    io.stderr.write(`order-triage: ${(error as Error).message}\n(order-triage --help shows the usage)\n`);
    return EXIT.usage;
  }
}
