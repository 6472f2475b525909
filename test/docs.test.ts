import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderDetectorCatalogue, renderFactCatalogue, renderRulesPage, withPrecedenceTable } from '../scripts/docs/render-catalogues.js';
import { withLifecycleWalk } from '../scripts/docs/render-lifecycle.js';

const read = (page: string) => readFileSync(new URL(`../docs/${page}`, import.meta.url), 'utf8');

describe('generated docs', () => {
  it('docs/detectors.md matches the detectors (run `npm run docs` if this fails)', () => {
    expect(read('detectors.md')).toBe(renderDetectorCatalogue());
  });

  it('docs/rules.md matches the operators, limits and facts (run `npm run docs` if this fails)', () => {
    expect(read('rules.md')).toBe(renderRulesPage());
  });

  it('docs/facts.md matches the fact catalogue (run `npm run docs` if this fails)', () => {
    expect(read('facts.md')).toBe(renderFactCatalogue());
  });

  it('docs/playbooks.md shows the precedence table the plan applies, row for row (run `npm run docs` if this fails)', () => {
    expect(read('playbooks.md')).toBe(withPrecedenceTable(read('playbooks.md')));
  });

  it('docs/lifecycle.md walks the damaged parcel as simulateCase lives it today (run `npm run docs` if this fails)', () => {
    expect(read('lifecycle.md')).toBe(withLifecycleWalk(read('lifecycle.md')));
  });
});
