import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const TEST = join(ROOT, 'test');

/** Every TypeScript file under `dir`, as a path relative to the repository root. */
function typeScriptFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return typeScriptFiles(path);
    return entry.name.endsWith('.ts') ? [relative(ROOT, path)] : [];
  });
}

/** The module specifiers `file` imports or re-exports: static, type-only, `import('…')` types and dynamic imports. */
function specifiers(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(join(ROOT, file), 'utf8'), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier !== undefined && ts.isStringLiteral(node.moduleSpecifier)) {
      found.push(node.moduleSpecifier.text);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      found.push(node.argument.literal.text);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] !== undefined && ts.isStringLiteral(node.arguments[0])) {
      found.push(node.arguments[0].text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Whether a specifier written in `file` reaches into src/ (a relative path that lands there). */
function reachesSource(file: string, specifier: string): boolean {
  if (!specifier.startsWith('.')) return false;
  const target = relative(ROOT, join(ROOT, file, '..', specifier));
  return target === 'src' || target.startsWith(`src/`);
}

describe('tests use the published entries', () => {
  it('no file under test/ imports from src/: they use order-triage, order-triage/testing or order-triage/internals', () => {
    const offenders = typeScriptFiles(TEST).flatMap((file) =>
      specifiers(file)
        .filter((s) => reachesSource(file, s))
        .map((s) => `${file} imports ${s}`),
    );
    expect(offenders).toEqual([]);
  });

  it('no test beside the code takes assertions from test/helpers: they come from order-triage/testing', () => {
    const offenders = typeScriptFiles(join(ROOT, 'src'))
      .filter((file) => file.endsWith('.test.ts'))
      .flatMap((file) =>
        specifiers(file)
          // test/arbitraries.ts (fast-check generators, a dev dependency) is shared on purpose.
          .filter((s) => s.startsWith('.') && relative(ROOT, join(ROOT, file, '..', s)).startsWith('test/helpers'))
          .map((s) => `${file} imports ${s}`),
      );
    expect(offenders).toEqual([]);
  });

  it('recognises a reach into src/ however the path is written, and nothing else', () => {
    expect(reachesSource('test/x.test.ts', '../src/engine/fact-settings.js')).toBe(true);
    expect(reachesSource('test/fixtures/x.ts', '../../src/index.js')).toBe(true);
    expect(reachesSource('test/x.test.ts', './helpers.js')).toBe(false);
    expect(reachesSource('test/x.test.ts', 'order-triage/internals')).toBe(false);
  });
});
