// Reading the repository's own TypeScript, for the tests that check its shape (layers, imports,
// function length).
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

/** The repository's root folder. */
export const ROOT = join(import.meta.dirname, '..');

/** Every TypeScript file under `dir` (tests too, unless `tests: false`; not in node_modules or dot folders), as a path relative to {@link ROOT}. */
export function typeScriptFiles(dir: string, { tests = true }: { tests?: boolean } = {}): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    // A folder's own installs (test/runtimes/node_modules) and scratch (.work) are not the repository's code.
    if (entry.isDirectory()) return entry.name === 'node_modules' || entry.name.startsWith('.') ? [] : typeScriptFiles(path, { tests });
    return entry.name.endsWith('.ts') && (tests || !entry.name.endsWith('.test.ts')) ? [relative(ROOT, path)] : [];
  });
}

/** The module specifiers `file` (relative to {@link ROOT}) imports or re-exports: static, type-only, `import('…')` types and dynamic imports. */
export function moduleSpecifiers(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(join(ROOT, file), 'utf8'), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier !== undefined && ts.isStringLiteral(node.moduleSpecifier)) {
      found.push(node.moduleSpecifier.text);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      found.push(node.argument.literal.text); // `import('./x.js').T` in a type position
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] !== undefined && ts.isStringLiteral(node.arguments[0])) {
      found.push(node.arguments[0].text); // dynamic import()
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}
