import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createTriage, formatPath, type Issue, isInvalidOptionsError, type Triage, type TriageOptions } from '../index.js';
import { UsageError } from './io.js';

/** A JSON file's value, or why it could not be read. */
export function readJson(path: string, cwd: string): { value: unknown } | { error: string } {
  let text: string;
  try {
    text = readFileSync(resolve(cwd, path), 'utf8');
  } catch (error) {
    return { error: `cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}\n` };
  }
  try {
    // A UTF-8 byte order mark (editors on Windows write one) is no part of the JSON.
    return { value: JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text) as unknown };
  } catch (error) {
    return { error: `${path} is not JSON: ${(error as Error).message}\n` };
  }
}

/** Issues as lines: `  <path>: <message>`. */
export const issueLines = (issues: readonly Issue[], indent = '  '): string => issues.map((i) => `${indent}${formatPath(i.path)}: ${i.message}\n`).join('');

/**
 * A triage from an optional rule file (a list of rules, or an object of options such as
 * `{ rules, conditions, thresholds }`) and a locale, or the lines saying why not.
 */
export function triageFrom(path: string | undefined, cwd: string, locale: string | undefined): { triage: Triage } | { error: string } {
  let options: Record<string, unknown> = {};
  if (path !== undefined) {
    const file = readJson(path, cwd);
    if ('error' in file) return file;
    if (Array.isArray(file.value)) options = { rules: file.value };
    else if (typeof file.value === 'object' && file.value !== null) options = { ...(file.value as Record<string, unknown>) };
    else return { error: `${path} holds neither a list of rules nor an object of options\n` };
  }
  if (locale !== undefined) options.locale = locale;
  try {
    return { triage: createTriage(options as TriageOptions) as Triage };
  } catch (error) {
    if (!isInvalidOptionsError(error)) throw error;
    // A --locale no catalogue has (built in, or the rule file's `messages`) is a usage mistake.
    const badLocale = locale === undefined ? undefined : error.issues.find((i) => i.path[0] === 'locale');
    if (badLocale !== undefined) throw new UsageError(`--locale ${locale}: ${badLocale.message}`);
    return { error: `${path ?? 'options'}: refused by createTriage\n${issueLines(error.issues)}` };
  }
}
