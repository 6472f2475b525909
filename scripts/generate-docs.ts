import { readFileSync, writeFileSync } from 'node:fs';
import { renderDetectorCatalogue, renderFactCatalogue, renderRulesPage, withPrecedenceTable } from './docs/render-catalogues.js';
import { withLifecycleWalk } from './docs/render-lifecycle.js';
import { withSnapshotFields } from './docs/render-snapshot.js';

writeFileSync(new URL('../docs/detectors.md', import.meta.url), renderDetectorCatalogue());
writeFileSync(new URL('../docs/facts.md', import.meta.url), renderFactCatalogue());
writeFileSync(new URL('../docs/rules.md', import.meta.url), renderRulesPage());
const playbooks = new URL('../docs/playbooks.md', import.meta.url);
writeFileSync(playbooks, withPrecedenceTable(readFileSync(playbooks, 'utf8')));
const lifecycle = new URL('../docs/lifecycle.md', import.meta.url);
writeFileSync(lifecycle, withLifecycleWalk(readFileSync(lifecycle, 'utf8')));
const snapshot = new URL('../docs/snapshot.md', import.meta.url);
writeFileSync(snapshot, withSnapshotFields(readFileSync(snapshot, 'utf8')));
console.log(
  'wrote docs/detectors.md, docs/facts.md, docs/rules.md, the precedence table of docs/playbooks.md, the walk of docs/lifecycle.md and the field reference of docs/snapshot.md',
);
