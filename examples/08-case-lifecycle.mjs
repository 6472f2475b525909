// 08: a damaged parcel's whole case, from detection to the satisfaction survey.
// simulateCase (order-triage/testing) does what an integrating backend does between two
// evaluations: it records what it carried out in actionsTaken, the customer's choice and the
// supervisor's approval in decisions, the settled refund in refunds, passes the report's
// case.openFindings back as openFindings, and evaluates again as time passes (docs/lifecycle.md).
import assert from 'node:assert/strict';
import { createTriage } from 'order-triage';
import { logisticsScenarios, simulateCase } from 'order-triage/testing';

const triage = createTriage({ locale: 'en', policy: { shopName: 'Example Shop' } });
const start = logisticsScenarios.packageDamaged();

const { timeline, outcome } = simulateCase(triage, start, [
  { do: 'carry_out_all' }, // the carrier claim, the apology coupon and the message offering reship or refund
  { after: { hours: 3 }, customerChooses: 'refund' },
  { after: { minutes: 20 }, approve: 'all' },
  { do: 'carry_out_all' }, // the refund is made
  { after: { days: 1 }, refundsSettle: true }, // and the gateway settles it
  { do: 'carry_out_all' },
  { after: { days: 1 }, do: 'carry_out_all' },
]);

for (const { at, recorded, events, report } of timeline) {
  const open = report.case.openFindings.map((f) => `${f.code}:${f.state ?? 'open'}`).join(' ') || 'nothing open';
  console.log(`${at}  ${[...events.map((e) => e.summary), ...recorded.map((r) => `recorded ${r.kind}${r.status ? ` (${r.status})` : ''}`)].join('; ') || '-'}`);
  console.log(`    ${open}; next: ${report.actions.map((a) => a.kind).join(', ') || 'nothing'}`);
}
console.log(`outcome: ${outcome}`);

// The refund the customer chose came out of the money-safe planner: the whole ¥209.00, to the Alipay payment.
const refunds = timeline.flatMap((m) => m.recorded).filter((r) => r.kind === 'refund' && r.status === undefined);
assert.deepEqual(
  refunds.map((r) => r.amount),
  [20_900],
);
// The case closed, and only then did the survey come, about the damage.
assert.equal(outcome, 'resolved');
const surveyAt = timeline.findIndex((m) => m.report.actions.some((a) => a.kind === 'follow_up_survey'));
const resolvedAt = timeline.findIndex((m) => m.report.case.openFindings.some((f) => f.code === 'PACKAGE_DAMAGED' && f.state === 'resolved'));
assert.ok(resolvedAt > 0 && surveyAt >= resolvedAt, 'the survey comes once the damage is resolved');
