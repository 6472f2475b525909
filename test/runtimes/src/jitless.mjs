// The one setting a strict Content-Security-Policy needs (docs/runtimes.md): zod compiles object
// parsers with `new Function` unless told not to, and its probe for eval is reported as a CSP
// violation even though zod catches it. It must run before order-triage's schemas are built, so
// it is its own module, imported before order-triage.
import { z } from 'zod';

z.config({ jitless: true });
