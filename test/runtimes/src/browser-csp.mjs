// The same page under `script-src 'self'`: jitless first, then the corpus.
import './jitless.mjs';
import './browser.mjs';
