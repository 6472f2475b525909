import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { detectors } from 'order-triage';
import { describe, expect, it } from 'vitest';

const DETECTORS = import.meta.dirname;

/** Each file under src/detectors/<family>/ that defines a detector (index.ts, fixtures and helper files define none), as `<family>/<name>.ts`. */
function detectorFiles(): string[] {
  return readdirSync(DETECTORS, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((family) =>
      readdirSync(join(DETECTORS, family.name))
        .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
        .filter((file) => /\bdefineDetector\(/.test(readFileSync(join(DETECTORS, family.name, file), 'utf8')))
        .map((file) => `${family.name}/${file}`),
    )
    .sort();
}

describe('one test file per detector', () => {
  it('finds one detector file per registered detector, each named after its code', () => {
    const expected = detectors.map((d) => `${d.category}/${d.code.toLowerCase().replaceAll('_', '-')}.ts`).sort();
    expect(detectorFiles()).toEqual(expected);
  });

  it('has a <name>.test.ts beside every detector file under src/detectors/<family>/', () => {
    const untested = detectorFiles().filter((file) => {
      const [family = '', name = ''] = file.split('/');
      return !readdirSync(join(DETECTORS, family)).includes(name.replace(/\.ts$/, '.test.ts'));
    });
    expect(untested).toEqual([]);
  });
});
