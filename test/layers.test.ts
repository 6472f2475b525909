import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import layerFile from './layers.json' with { type: 'json' };
import { moduleSpecifiers, ROOT, typeScriptFiles } from './source-files.js';

const SRC = join(ROOT, 'src');

/** The layers, lowest first, read from test/layers.json (the one place they are listed). */
const LAYERS: readonly { readonly name: string; readonly paths: readonly string[] }[] = layerFile.layers;

/** The file a relative specifier of `from` names (`./x.js` is `./x.ts` or `./x/index.ts`). */
function resolveSpecifier(from: string, specifier: string): string {
  const base = resolve(ROOT, dirname(from), specifier).replace(/\.js$/, '');
  const target = [`${base}.ts`, join(base, 'index.ts')].find((candidate) => existsSync(candidate));
  if (target === undefined) throw new Error(`${from} imports ${specifier}, which is no file`);
  return relative(ROOT, target);
}

/** The import graph of src/ (tests aside): each file and the files it imports, type-only imports included. */
function importGraph(): Map<string, string[]> {
  return new Map(
    typeScriptFiles(SRC, { tests: false })
      .sort()
      .map((file) => [
        file,
        [
          ...new Set(
            moduleSpecifiers(file)
              .filter((s) => s.startsWith('.'))
              .map((s) => resolveSpecifier(file, s)),
          ),
        ].sort(),
      ]),
  );
}

/** The index in LAYERS of the layer `file` belongs to (the longest matching path decides), or -1. */
function layerOf(file: string): number {
  let best = -1;
  let bestLength = -1;
  LAYERS.forEach((layer, index) => {
    for (const path of layer.paths) {
      const matches = path.endsWith('/') ? file.startsWith(path) : file === path;
      if (matches && path.length > bestLength) [best, bestLength] = [index, path.length];
    }
  });
  return best;
}

/** Each import cycle of `graph`, as the files on it joined by ` -> ` (Tarjan's strongly connected components). */
function cycles(graph: ReadonlyMap<string, readonly string[]>): string[] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[] = [];
  const connect = (file: string): void => {
    index.set(file, index.size);
    low.set(file, index.get(file) as number);
    stack.push(file);
    onStack.add(file);
    for (const next of graph.get(file) ?? []) {
      if (!index.has(next)) {
        connect(next);
        low.set(file, Math.min(low.get(file) as number, low.get(next) as number));
      } else if (onStack.has(next)) low.set(file, Math.min(low.get(file) as number, index.get(next) as number));
    }
    if (low.get(file) !== index.get(file)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop() as string;
      onStack.delete(member);
      component.push(member);
    } while (member !== file);
    if (component.length > 1 || (graph.get(file) ?? []).includes(file)) found.push(component.sort().join(' <-> '));
  };
  for (const file of graph.keys()) if (!index.has(file)) connect(file);
  return found.sort();
}

/** Each import of `graph` from a file to a file of a higher layer, as `from (layer) -> to (layer)`. */
function upwardImports(graph: ReadonlyMap<string, readonly string[]>): string[] {
  const found: string[] = [];
  for (const [file, targets] of graph) {
    for (const target of targets) {
      const [from, to] = [layerOf(file), layerOf(target)];
      if (to > from) found.push(`${file} (${LAYERS[from]?.name}) -> ${target} (${LAYERS[to]?.name})`);
    }
  }
  return found;
}

/** The family folders: one per category, under src/detectors/ and src/playbooks/. */
const FAMILY = /^src\/(detectors|playbooks)\/([a-z-]+)\//;

/**
 * Each import of `graph` that crosses between families: from one family folder into another
 * (`src/detectors/system/` into `src/detectors/payment/`), or from a playbook into a detector's
 * own file instead of `src/detectors/registry.ts` or `src/detectors/detector.ts`.
 */
function familyCrossings(graph: ReadonlyMap<string, readonly string[]>): string[] {
  const found: string[] = [];
  for (const [file, targets] of graph) {
    const from = FAMILY.exec(file);
    for (const target of targets) {
      const to = FAMILY.exec(target);
      const sideways = from !== null && to !== null && from[1] === to[1] && from[2] !== to[2];
      const intoDetector = file.startsWith('src/playbooks/') && to?.[1] === 'detectors';
      if (sideways || intoDetector) found.push(`${file} -> ${target}`);
    }
  }
  return found;
}

describe('layers', () => {
  const graph = importGraph();

  it('every file in src/ belongs to a layer listed in test/layers.json', () => {
    expect([...graph.keys()].filter((file) => layerOf(file) === -1)).toEqual([]);
  });

  it('no file in src/ is on an import cycle, type-only imports included', () => {
    expect(cycles(graph)).toEqual([]);
  });

  it('no file in src/ imports a file of a higher layer, type-only imports included', () => {
    expect(upwardImports(graph)).toEqual([]);
  });

  it("no detector or playbook family imports another family's files, and playbooks read thresholds through the registry", () => {
    expect(familyCrossings(graph)).toEqual([]);
  });

  it('the checks name the files of a cycle, of an upward import and of a family crossing', () => {
    const made = new Map([
      ['src/_lib/a.ts', ['src/testing/b.ts']],
      ['src/testing/b.ts', ['src/_lib/a.ts']],
    ]);
    expect(cycles(made)).toEqual(['src/_lib/a.ts <-> src/testing/b.ts']);
    expect(upwardImports(made)).toEqual(['src/_lib/a.ts (base) -> src/testing/b.ts (testing)']);
    const crossing = new Map([
      ['src/detectors/system/a.ts', ['src/detectors/payment/b.ts', 'src/detectors/detector.ts']],
      ['src/playbooks/payment/c.ts', ['src/detectors/payment/d.ts', 'src/detectors/registry.ts', 'src/playbooks/parcel.ts']],
    ]);
    expect(familyCrossings(crossing)).toEqual(['src/detectors/system/a.ts -> src/detectors/payment/b.ts', 'src/playbooks/payment/c.ts -> src/detectors/payment/d.ts']);
  });

  it('a type-only import counts as an import', () => {
    // src/triage.ts imports `Triage` with `import type`; the graph must hold that edge.
    expect(graph.get('src/triage.ts')).toContain('src/engine/triage-type.ts');
  });

  it('docs/architecture.md lists the layers of test/layers.json, in order', () => {
    const doc = readFileSync(join(ROOT, 'docs/architecture.md'), 'utf8');
    const listed = [...doc.matchAll(/^\d+\. \*\*(.+?)\*\*: (.+)$/gm)].map((match) => ({
      name: match[1],
      paths: [...(match[2] as string).matchAll(/`([^`]+)`/g)].map((path) => path[1]),
    }));
    expect(listed).toEqual(LAYERS.map((layer) => ({ name: layer.name, paths: layer.paths })));
  });
});
