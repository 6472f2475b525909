import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// docs/getting-started.md is what a new user copies first: each of its TypeScript snippets must
// type-check under `--strict` (and exactOptionalPropertyTypes) against the library's own types,
// so it cannot rot. The names a snippet takes from the reader's code (their order, their ticket
// system) are declared below as globals; a snippet's own declarations shadow them.
const root = fileURLToPath(new URL('..', import.meta.url));
const READERS_CODE = `
declare const orderSnapshot: import('order-triage').OrderSnapshotInput;
declare let order: import('order-triage').OrderSnapshotInput;
declare const action: import('order-triage').Action;
declare const now: Date;
declare const triage: import('order-triage').Triage;
declare const log: { warn(path: string, message: string): void };
declare function createTicket(code: string, severity: string, owner: string, summary: string, respondBy: string): void;
declare function runAction(action: import('order-triage').Action): Promise<void>;
declare function queueForStaff(action: import('order-triage').Action, approval: import('order-triage').ApprovalRole): Promise<void>;
`;

/** The ```ts blocks of a Markdown page, in order. */
function typeScriptSnippets(markdown: string): string[] {
  return [...markdown.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((m) => m[1] ?? '');
}

/** tsc's diagnostics for the snippets, each compiled as its own module, as `snippet N: message`. */
function typeErrors(snippets: string[]): string[] {
  const files = new Map<string, string>([[`${root}docs-snippets/readers-code.d.ts`, READERS_CODE]]);
  snippets.forEach((code, i) => files.set(`${root}docs-snippets/snippet-${i + 1}.mts`, `${code}\nexport {};\n`));
  const options: ts.CompilerOptions = {
    strict: true,
    exactOptionalPropertyTypes: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    lib: ['lib.es2023.d.ts'],
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    skipLibCheck: true,
    types: [],
    baseUrl: root,
    paths: { 'order-triage': ['./src/index.ts'], 'order-triage/testing': ['./src/testing/index.ts'] },
  };
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.fileExists = (name) => files.has(name) || ts.sys.fileExists(name);
  host.readFile = (name) => files.get(name) ?? readFile(name);
  host.getSourceFile = (name, target) => {
    const text = files.get(name);
    return text === undefined ? getSourceFile(name, target) : ts.createSourceFile(name, text, target);
  };
  const program = ts.createProgram([...files.keys()], options, host);
  return ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.file === undefined || files.has(d.file.fileName))
    .map((d) => `${d.file?.fileName.replace(`${root}docs-snippets/`, '') ?? ''}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
}

// A snippet that reads actionsTaken as if always present, compiled in the same program (one
// type-check is slow on a busy machine) to show the check is not vacuous.
const UNSAFE = `import { toActionTaken } from 'order-triage';\norder.actionsTaken.push(toActionTaken(action, { at: new Date() }));\n`;

describe('docs/getting-started.md', () => {
  const snippets = typeScriptSnippets(readFileSync(`${root}docs/getting-started.md`, 'utf8'));
  let errors: string[] | undefined;
  const check = () => {
    errors ??= typeErrors([...snippets, UNSAFE]);
    const unsafeFile = `snippet-${snippets.length + 1}.mts:`;
    return { docs: errors.filter((e) => !e.startsWith(unsafeFile)), unsafe: errors.filter((e) => e.startsWith(unsafeFile)) };
  };

  it('has TypeScript snippets for evaluating, recording what was done and testing', () => {
    expect(snippets.length).toBeGreaterThanOrEqual(4);
    expect(snippets.some((s) => s.includes('toActionTaken('))).toBe(true);
  });

  it('type-checks every TypeScript snippet under --strict with exactOptionalPropertyTypes', { timeout: 300_000 }, () => {
    expect(check().docs).toEqual([]);
  });

  it('catches a snippet that reads actionsTaken as if always present (the check is not vacuous)', { timeout: 300_000 }, () => {
    expect(check().unsafe.join('\n')).toMatch(/possibly 'undefined'/);
  });
});
