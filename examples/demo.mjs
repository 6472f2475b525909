// npm run demo [-- --locale zh-CN]
// Evaluates the sample orders in examples/data with the built library and prints each order's
// findings (what is wrong, with evidence) and plan (what to do, who, by when, what to say), with
// times in the shop's time zone. The rendering lives in render-demo.mjs, which the golden test
// (test/demo-golden.test.ts) also runs, against the source.
import * as orderTriage from 'order-triage';
import { renderDemo } from './render-demo.mjs';

const localeArg = process.argv.indexOf('--locale');
const locale = localeArg > -1 ? process.argv[localeArg + 1] : 'en';
const bold = (s) => (process.stdout.isTTY ? `\x1b[1m${s}\x1b[0m` : s);

process.stdout.write(renderDemo(orderTriage, { locale, emphasis: bold }));
