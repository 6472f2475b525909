import { parseArgs } from 'node:util';
import { formatPath, type Issue, lintRules } from '../index.js';
import { type CliIo, EXIT, UsageError } from './io.js';
import { readJson } from './rule-file.js';

/** `order-triage lint <rules.json...> [--strict] [--format text|json]`: createTriage's errors and the linter's warnings. */
export function lintCommand(args: string[], io: CliIo): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { strict: { type: 'boolean', default: false }, format: { type: 'string', default: 'text' } },
  });
  if (positionals.length === 0) throw new UsageError('lint needs a rule file: order-triage lint rules.json');
  if (values.format !== 'text' && values.format !== 'json') throw new UsageError(`--format is text or json, not ${values.format}`);
  const files = positionals.map((path) => {
    const file = readJson(path, io.cwd);
    const lint = 'error' in file ? { errors: [{ path: [], message: file.error.trimEnd() }], warnings: [] as Issue[] } : lintRules(file.value);
    return values.strict ? { file: path, errors: [...lint.errors, ...lint.warnings], warnings: [] } : { file: path, ...lint };
  });
  if (values.format === 'json') io.stdout.write(`${JSON.stringify(files.length === 1 ? files[0] : files, null, 2)}\n`);
  else io.stdout.write(lintText(files));
  return files.some((f) => f.errors.length > 0) ? EXIT.problems : EXIT.ok;
}

interface Linted {
  readonly file: string;
  readonly errors: readonly Issue[];
  readonly warnings: readonly Issue[];
}

function lintText(files: readonly Linted[]): string {
  let out = '';
  let errors = 0;
  let warnings = 0;
  for (const { file, errors: e, warnings: w } of files) {
    for (const issue of e) out += `${file}: error ${formatPath(issue.path)}: ${issue.message}\n`;
    for (const issue of w) out += `${file}: warning ${formatPath(issue.path)}: ${issue.message}\n`;
    errors += e.length;
    warnings += w.length;
  }
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${out}${plural(errors, 'error')}, ${plural(warnings, 'warning')} in ${plural(files.length, 'file')}\n`;
}
