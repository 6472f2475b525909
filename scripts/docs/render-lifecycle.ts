import { createTriage } from '../../src/index.js';
import { type CaseMoment, type CaseStep, logisticsScenarios, simulateCase } from '../../src/testing/index.js';
import { replaceBetweenMarkers } from './markers.js';

/** The markers around the generated walk in docs/lifecycle.md. */
export const LIFECYCLE_MARKERS = ['<!-- lifecycle-walk:start (npm run docs) -->', '<!-- lifecycle-walk:end -->'] as const;

/** The damaged parcel's life the page walks through (also examples/08-case-lifecycle.mjs). */
export const DAMAGED_PARCEL_SCRIPT: readonly CaseStep[] = [
  { do: 'carry_out_all' },
  { after: { hours: 3 }, customerChooses: 'refund' },
  { after: { minutes: 20 }, approve: 'all' },
  { do: 'carry_out_all' },
  { after: { days: 1 }, refundsSettle: true },
  { do: 'carry_out_all' },
  { after: { days: 1 }, do: 'carry_out_all' },
];

const json = (value: unknown): string => JSON.stringify(value);

function describeStep(step: CaseStep | undefined): string {
  if (step === undefined) return 'the first evaluation';
  const { after, ...rest } = step as CaseStep & { after?: unknown };
  return `${after === undefined ? '' : `after ${json(after)}: `}\`${json(rest)}\``;
}

/** The top-level fields of the snapshot that changed since the previous moment: new array entries, or the new value. */
function snapshotChanges(before: CaseMoment['snapshot'] | undefined, now: CaseMoment['snapshot']): string[] {
  if (before === undefined) return [];
  const lines: string[] = [];
  for (const key of Object.keys(now) as (keyof typeof now)[]) {
    const was = before[key];
    const is = now[key];
    if (json(was) === json(is)) continue;
    if (key === 'openFindings' || !Array.isArray(is)) lines.push(`- \`${String(key)}\`: \`${json(is)}\``);
    else for (const entry of is.slice(Array.isArray(was) ? was.length : 0)) lines.push(`- \`${String(key)}\` + \`${json(entry)}\``);
  }
  return lines;
}

function renderReport(moment: CaseMoment): string[] {
  const { report } = moment;
  const lines = [`Findings: ${report.findings.map((f) => `\`${f.code}\``).join(', ') || 'none'}. Case record (\`case.openFindings\`): \`${json(report.case.openFindings)}\`.`, ''];
  if (report.actions.length === 0) return [...lines, 'Actions: none.'];
  lines.push('| kind | idempotencyKey | approval | automatable | says |', '|---|---|---|---|---|');
  for (const a of report.actions) {
    const says = (a.customerMessage?.text ?? a.note).replaceAll('|', '\\|').replaceAll('\n', ' ');
    lines.push(`| \`${a.kind}\` | \`${a.idempotencyKey}\` | ${a.requiresApproval} | ${a.automatable ? 'yes' : 'no'} | ${says} |`);
  }
  return lines;
}

/**
 * The walk of docs/lifecycle.md: the kit's damaged parcel lived through {@link DAMAGED_PARCEL_SCRIPT}
 * by simulateCase, each moment with its step, what was recorded, what changed in the snapshot,
 * and the report.
 */
export function renderLifecycleWalk(): string {
  const triage = createTriage({ locale: 'en', policy: { shopName: 'Example Shop' } });
  const { timeline, outcome } = simulateCase(triage, logisticsScenarios.packageDamaged(), DAMAGED_PARCEL_SCRIPT);
  const out: string[] = [LIFECYCLE_MARKERS[0], ''];
  timeline.forEach((moment, i) => {
    out.push(`### ${i}. ${moment.at}: ${describeStep(moment.step)}`, '');
    const changes = snapshotChanges(timeline[i - 1]?.snapshot, moment.snapshot);
    if (changes.length > 0) out.push('Snapshot changes:', '', ...changes, '');
    out.push(...renderReport(moment), '');
  });
  out.push(`Outcome: **${outcome}**.`, '', LIFECYCLE_MARKERS[1]);
  return out.join('\n');
}

/** docs/lifecycle.md with its walk regenerated between the markers. */
export function withLifecycleWalk(page: string): string {
  return replaceBetweenMarkers(page, LIFECYCLE_MARKERS, renderLifecycleWalk(), 'docs/lifecycle.md', 'lifecycle-walk');
}
