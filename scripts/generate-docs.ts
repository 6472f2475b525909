import { readFileSync, writeFileSync } from 'node:fs';
import { renderDetectorCatalogue, renderFactCatalogue, renderRulesPage, withPrecedenceTable } from './docs/render-catalogues.js';

writeFileSync(new URL('../docs/detectors.md', import.meta.url), renderDetectorCatalogue());
writeFileSync(new URL('../docs/facts.md', import.meta.url), renderFactCatalogue());
writeFileSync(new URL('../docs/rules.md', import.meta.url), renderRulesPage());
const playbooks = new URL('../docs/playbooks.md', import.meta.url);
writeFileSync(playbooks, withPrecedenceTable(readFileSync(playbooks, 'utf8')));
console.log('wrote docs/detectors.md, docs/facts.md, docs/rules.md and the precedence table of docs/playbooks.md');
