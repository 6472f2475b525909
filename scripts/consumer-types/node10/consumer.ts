// Type-checked against dist/ as a consumer on `moduleResolution: node10` sees the package: no exports
// map, so the subpaths' types come from package.json `typesVersions`. node_modules/order-triage is a
// link to the package's root, made by .ci/run before this compiles.
import { createTriage, type OrderSnapshotStrict } from 'order-triage';
import { compileCondition } from 'order-triage/internals';
import { buildOrder, minutesAfter } from 'order-triage/testing';

const result = createTriage().evaluate(buildOrder(), { now: minutesAfter(60) });
const ok: boolean = result.ok;
const verdict: boolean = compileCondition({ all: [] }).test({});
const currency: OrderSnapshotStrict['currency'] = 'CNY';
void [ok, verdict, currency];
