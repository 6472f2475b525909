// A triage with a custom operator: the one case that loads json-rules-engine (on the first run),
// and with it jsonpath-plus's Node build, which calls require('vm'). The node-ESM bundle's
// `require` banner exists for this; its control bundles this file without the banner.
import { createTriage } from 'order-triage';
import { buildOrder, minutesAfter } from 'order-triage/testing';

const startsWith = { name: 'startsWith', evaluate: (fact, value) => typeof fact === 'string' && fact.startsWith(String(value)) };
const rule = {
  conditions: { all: [{ fact: 'order', path: '$.shippingAddress.postalCode', operator: 'startsWith', value: '518' }] },
  event: { type: 'SHENZHEN', params: { category: 'logistics', severity: 'low', owner: 'logistics' } },
};
const report = await createTriage({ locale: 'en', rules: [rule], customOperators: [startsWith] }).evaluate(buildOrder(), { now: minutesAfter(30) });
if (!report.ok) throw new Error(`the custom-operator order did not evaluate: ${JSON.stringify(report.error)}`);
process.stdout.write(JSON.stringify(report.findings.map((f) => f.code)));
