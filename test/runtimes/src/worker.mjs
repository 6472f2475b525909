// A workerd (Cloudflare Workers) module: GET / answers with the corpus dump.
import * as lib from 'order-triage';
import * as kit from 'order-triage/testing';
import { runCorpus } from './corpus.mjs';

export default {
  async fetch() {
    try {
      return new Response(await runCorpus(lib, kit), { headers: { 'content-type': 'application/json; charset=utf-8' } });
    } catch (error) {
      return new Response(String(error?.stack ?? error), { status: 500 });
    }
  },
};
