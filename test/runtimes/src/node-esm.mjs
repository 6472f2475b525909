// Node ESM (also Bun and Deno): the packed package as `import` loads it; prints the corpus dump.
import * as lib from 'order-triage';
import * as kit from 'order-triage/testing';
import { runCorpus } from './corpus.mjs';

process.stdout.write(await runCorpus(lib, kit));
