import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ROOT, typeScriptFiles } from './source-files.js';

const SRC = join(ROOT, 'src');
const MAX_LINES = 80;

/** A readable name for a function node: its own name, or the variable or property it is assigned to. */
function nameOf(node: ts.FunctionLikeDeclaration): string {
  if (node.name !== undefined) return node.name.getText();
  const parent = node.parent;
  if (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent)) return parent.name.getText();
  if (ts.isCallExpression(parent)) return `callback of ${parent.expression.getText().slice(0, 40)}`;
  return '(anonymous)';
}

/** Each function, method, accessor or arrow in `file` longer than `max` lines, as `path:line name (n lines)`. */
function longFunctions(file: string, max: number): string[] {
  const text = readFileSync(file, 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body !== undefined) {
      const first = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const last = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      const lines = last - first + 1;
      if (lines > max) found.push(`${relative(ROOT, file)}:${first + 1} ${nameOf(node as ts.FunctionLikeDeclaration)} (${lines} lines)`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('architecture', () => {
  it('no function, method or arrow in src/ (tests aside) is longer than 80 lines', () => {
    const offenders = typeScriptFiles(SRC, { tests: false }).flatMap((file) => longFunctions(join(ROOT, file), MAX_LINES));
    expect(offenders).toEqual([]);
  });

  it('the length check names a function over the limit, with its file, line and length', () => {
    const file = join(SRC, 'triage.ts');
    // The same check with a tiny limit must find something in a file that certainly has functions.
    expect(longFunctions(file, 1)[0]).toMatch(/^src\/triage\.ts:\d+ \S+ \(\d+ lines\)$/);
  });
});
