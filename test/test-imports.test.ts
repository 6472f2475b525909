import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { moduleSpecifiers, ROOT, typeScriptFiles } from './source-files.js';

const TEST = join(ROOT, 'test');

/** Whether a specifier written in `file` reaches into src/ (a relative path that lands there). */
function reachesSource(file: string, specifier: string): boolean {
  if (!specifier.startsWith('.')) return false;
  const target = relative(ROOT, join(ROOT, file, '..', specifier));
  return target === 'src' || target.startsWith(`src/`);
}

describe('tests use the published entries', () => {
  it('no file under test/ imports from src/: they use order-triage, order-triage/testing or order-triage/internals', () => {
    const offenders = typeScriptFiles(TEST).flatMap((file) =>
      moduleSpecifiers(file)
        .filter((s) => reachesSource(file, s))
        .map((s) => `${file} imports ${s}`),
    );
    expect(offenders).toEqual([]);
  });

  it('no test beside the code takes assertions from test/helpers: they come from order-triage/testing', () => {
    const offenders = typeScriptFiles(join(ROOT, 'src'))
      .filter((file) => file.endsWith('.test.ts'))
      .flatMap((file) =>
        moduleSpecifiers(file)
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
