import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DetectorCode } from '../detectors/registry.js';
import { detectorCodes } from '../detectors/registry.js';
import { ACTION_KINDS, type ActionKind } from '../vocabulary/action-kind.js';
import type { ActionDraft } from './playbook.js';
import { applyPrecedence, type CodeDrafts, PRECEDENCE, type PrecedenceCondition, type PrecedenceSituation } from './precedence.js';

// The table as applied before the plan stage stopped copying (docs/benchmarks.md, "Third round"):
// every row that holds rebuilt every finding's drafts, and `planned` rows flattened the drafts.
function referenceHolds(when: PrecedenceCondition, situation: PrecedenceSituation, planned: readonly CodeDrafts[]): boolean {
  if ('found' in when) return when.found.some((code) => situation.found.has(code));
  if ('nothingCaptured' in when) return !situation.captured;
  const drafts = planned.flatMap((p) => p.drafts);
  if ('planned' in when) return drafts.some((d) => d.kind === when.planned);
  if ('plannedCancelFor' in when) return drafts.some((d) => d.kind === 'cancel_order' && when.plannedCancelFor.includes(d.params.reason));
  return drafts.some((d) => d.kind === 'refund' && when.plannedRefundFor.includes(d.params.reason));
}

function referenceApply(planned: readonly CodeDrafts[], situation: PrecedenceSituation): CodeDrafts[] {
  const silenced = new Set<string>();
  for (const rule of PRECEDENCE) if (rule.then.playbooksOf !== undefined && referenceHolds(rule.when, situation, [])) for (const code of rule.then.playbooksOf) silenced.add(code);
  let result: CodeDrafts[] = planned.map((p) => (silenced.has(p.code) ? { code: p.code, drafts: [] } : p));
  for (const rule of PRECEDENCE) {
    const { kinds, from, keepWith, noRelease } = rule.then;
    if ((kinds === undefined && noRelease === undefined) || !referenceHolds(rule.when, situation, result)) continue;
    const keeper = keepWith === undefined ? undefined : result.find((p) => p.drafts.some((d) => d.kind === keepWith));
    result = result.map((p) => {
      const applies = (from === undefined || from.includes(p.code as DetectorCode)) && p !== keeper;
      return {
        code: p.code,
        drafts: p.drafts.flatMap((draft): ActionDraft[] => {
          if (applies && kinds?.includes(draft.kind)) return [];
          if (noRelease && draft.kind === 'update_order_status' && draft.params.release) {
            const { note: _note, ...held } = draft;
            return [{ ...held, params: { ...draft.params, release: false } }];
          }
          return [draft];
        }),
      };
    });
  }
  return result;
}

// Reasons the table reads (cancellations and refunds), and others.
const REASONS = [
  'unpaid_timeout',
  'blacklisted',
  'coupon_abuse',
  'package_lost',
  'package_damaged',
  'oversold',
  'refused_not_quality',
  'refused_quality_issue',
  'customer_request',
  'delay',
];
const draft: fc.Arbitrary<ActionDraft> = fc
  .record({
    kind: fc.constantFrom<ActionKind>(...ACTION_KINDS),
    reason: fc.constantFrom(...REASONS),
    release: fc.boolean(),
    note: fc.option(fc.constant('a note'), { nil: undefined }),
  })
  .map(
    ({ kind, reason, release, note }) =>
      ({ kind, params: { reason, release }, owner: 'ops', key: [kind, reason], automatable: true, ...(note === undefined ? {} : { note }) }) as unknown as ActionDraft,
  );
const codes = fc.constantFrom(...detectorCodes);
const plan = fc.array(
  fc.record({ code: codes, drafts: fc.array(draft, { maxLength: 5 }) }).map((p): CodeDrafts => ({ code: p.code, drafts: p.drafts })),
  { maxLength: 7 },
);
const situation = fc.record({ found: fc.uniqueArray(codes, { maxLength: 8 }).map((c) => new Set<string>(c)), captured: fc.boolean() });

describe('the precedence table', () => {
  it('gives what the table gave when every row copied every finding, for any drafts and any codes found', () => {
    fc.assert(
      fc.property(plan, situation, (planned, found) => {
        expect(applyPrecedence(planned, found)).toStrictEqual(referenceApply(planned, found));
      }),
      { numRuns: 5_000, seed: 20 },
    );
  });

  it('never changes the drafts it is given', () => {
    fc.assert(
      fc.property(plan, situation, (planned, found) => {
        const before = structuredClone(planned);
        applyPrecedence(planned, found);
        expect(planned).toStrictEqual(before);
      }),
      { numRuns: 500, seed: 21 },
    );
  });
});
