// Node CommonJS: the packed package as `require` loads it (dist/*.cjs); prints the corpus dump.
const lib = require('order-triage');
const kit = require('order-triage/testing');

import('./corpus.mjs').then(({ runCorpus }) => runCorpus(lib, kit)).then((dump) => process.stdout.write(dump));
