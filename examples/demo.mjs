// npm run demo -- [--locale zh-CN] [--verbose]
// Evaluates the sample orders in examples/data with the built library and prints, per order, its
// findings, one line per action and the message for the customer; --verbose prints the full plans
// (evidence, params, idempotency keys, staff notes). Times are in the shop's time zone
// (policy.timeZone), which the header names. The rendering lives in render-demo.mjs, which the
// golden test (test/demo-golden.test.ts) also runs, against the source.
import * as orderTriage from 'order-triage';
import { renderDemo } from './render-demo.mjs';

const localeArg = process.argv.indexOf('--locale');
const locale = localeArg > -1 ? process.argv[localeArg + 1] : 'en';
const verbose = process.argv.includes('--verbose');
const bold = (s) => (process.stdout.isTTY ? `\x1b[1m${s}\x1b[0m` : s);

process.stdout.write(renderDemo(orderTriage, { locale, emphasis: bold, verbose }));
