import { type EvaluateContext, EvaluateContextSchema, formatPath } from '../index.js';
import { UsageError } from './io.js';
import { readJson } from './rule-file.js';

/**
 * The context every order is evaluated with: `--context ctx.json` (blacklist, allowlist, calendar...,
 * as `evaluate` takes them) with `--now` over its `now`. A missing or malformed `--now` is a usage
 * error; a context file that cannot be read or that `evaluate` would refuse is a problem (lines).
 */
export function readContext(now: string | undefined, path: string | undefined, cwd: string): { context: EvaluateContext } | { error: string } {
  let fromFile: Record<string, unknown> = {};
  if (path !== undefined) {
    const file = readJson(path, cwd);
    if ('error' in file) return file;
    if (typeof file.value !== 'object' || file.value === null || Array.isArray(file.value)) return { error: `${path} holds no object of evaluate's context\n` };
    fromFile = file.value as Record<string, unknown>;
  }
  const at = now ?? fromFile.now;
  if (at === undefined) throw new UsageError('--now is required: the time to evaluate at, ISO 8601 with offset, such as 2026-03-01T12:00:00+08:00');
  if (!EvaluateContextSchema.safeParse({ now: at }).success) throw new UsageError(`--now ${JSON.stringify(at)} is not an ISO 8601 timestamp with offset in range`);
  const checked = EvaluateContextSchema.safeParse({ ...fromFile, now: at });
  if (!checked.success) {
    const lines = checked.error.issues.map((i) => `  ${formatPath(i.path.map((k) => (typeof k === 'symbol' ? String(k) : k)))}: ${i.message}\n`);
    return { error: `${path}: not a context evaluate accepts\n${lines.join('')}` };
  }
  return { context: { ...fromFile, now: at } as EvaluateContext };
}
