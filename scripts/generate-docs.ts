import { writeFileSync } from 'node:fs';
import { renderDetectorCatalogue, renderFactCatalogue, renderRulesPage } from './docs/render-catalogues.js';

writeFileSync(new URL('../docs/detectors.md', import.meta.url), renderDetectorCatalogue());
writeFileSync(new URL('../docs/facts.md', import.meta.url), renderFactCatalogue());
writeFileSync(new URL('../docs/rules.md', import.meta.url), renderRulesPage());
console.log('wrote docs/detectors.md, docs/facts.md and docs/rules.md');
