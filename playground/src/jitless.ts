// The page runs under script-src 'self' (index.html): zod must not probe for eval, and this must
// run before order-triage's schemas are built, so it is imported first (docs/runtimes.md).
import { z } from 'zod';

z.config({ jitless: true });
