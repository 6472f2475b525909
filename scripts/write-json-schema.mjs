// Writes dist/order-snapshot.schema.json from the built library, so the JSON Schema that ships
// is generated from the same zod schema evaluate() validates with. Run by tsup after each build.
import { writeFileSync } from 'node:fs';
import { getSnapshotJsonSchema } from '../dist/index.js';

writeFileSync(new URL('../dist/order-snapshot.schema.json', import.meta.url), `${JSON.stringify(getSnapshotJsonSchema(), null, 2)}\n`);
