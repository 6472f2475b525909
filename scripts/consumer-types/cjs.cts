// Type-checked against dist/ through the exports map, as a CommonJS consumer sees the package.
import triage = require('order-triage');
import testing = require('order-triage/testing');

const result = triage.createTriage().evaluate(testing.buildOrder(), { now: testing.minutesAfter(60) });
const ok: boolean = result.ok;
void ok;

import internals = require('order-triage/internals');
const verdict: boolean = internals.compileCondition({ all: [] }).test({});
void verdict;
