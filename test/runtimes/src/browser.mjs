// A page's script (bundled by esbuild for the browser): runs the corpus and leaves the dump on
// window.__corpus for the driver to read, or the error on window.__corpusError.
import * as lib from 'order-triage';
import * as kit from 'order-triage/testing';
import { runCorpus } from './corpus.mjs';

runCorpus(lib, kit).then(
  (dump) => {
    window.__corpus = dump;
    document.title = 'done';
  },
  (error) => {
    window.__corpusError = String(error?.stack ?? error);
    document.title = 'failed';
  },
);
