import { writeFileSync } from 'node:fs';
import { renderDetectorCatalogue, renderFactCatalogue } from './docs/render-catalogues.js';

writeFileSync(new URL('../docs/detectors.md', import.meta.url), renderDetectorCatalogue());
writeFileSync(new URL('../docs/facts.md', import.meta.url), renderFactCatalogue());
console.log('wrote docs/detectors.md and docs/facts.md');
