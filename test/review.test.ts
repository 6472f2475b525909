import fc from 'fast-check';
import { type BatchSummary, createTriage, emptySummary, mergeSummaries, type OrderSnapshotInput, reviewFigures } from 'order-triage';
import { buildOrder, buildPayment, buildSync, generateIncidents, minutesAfter } from 'order-triage/testing';
import { describe, expect, it } from 'vitest';

// The review (复盘) figures of evaluateBatch (docs/scaling.md, "Review figures"). Every time is
// minutes after the fixture time; the batch is evaluated at minute 600.
const triage = createTriage({ locale: 'en' });
const now = minutesAfter(600);
const done = (id: string, kind: string, at: number, extra: { amount?: number; status?: 'done' | 'failed' } = {}) => ({
  kind,
  idempotencyKey: `${id}/${kind}/${at}`,
  at: minutesAfter(at),
  ...extra,
});

/** Still open: a duplicate payment (high, SLA 60 min) open since 30, answered at 50. */
const stillOpen = buildOrder({
  id: 'A',
  payments: [buildPayment({ id: 'pay_1', createdAt: minutesAfter(1) }), buildPayment({ id: 'pay_2', method: 'wechat_pay', createdAt: minutesAfter(2) })],
  openFindings: [{ code: 'DUPLICATE_PAYMENT', since: minutesAfter(30) }],
  // Before `since` (another matter) and failed: neither is the first action.
  actionsTaken: [done('A', 'contact_customer', 20), done('A', 'contact_customer', 35, { status: 'failed' }), done('A', 'contact_customer', 50)],
});
/** Resolving now: a damaged parcel (high) and a delay (medium), both open since 0, first answered at 90, refunded and compensated. */
const resolvingNow = buildOrder({
  id: 'B',
  openFindings: [
    { code: 'PACKAGE_DAMAGED', since: minutesAfter(0) },
    { code: 'DELIVERY_DELAYED', since: minutesAfter(0) },
  ],
  actionsTaken: [
    done('B', 'refund', 10, { amount: 5_000, status: 'failed' }),
    done('B', 'refund', 90, { amount: 20_900 }),
    // The same refund recorded twice (an at-least-once feed) is one refund.
    done('B', 'refund', 90, { amount: 20_900 }),
    done('B', 'coupon', 100, { amount: 1_000 }),
  ],
  feedback: { score: 4, at: minutesAfter(590) },
});
/** Resolved before: a delay resolved after 600 minutes without any action, an address fixed in 50; points given after both. */
const resolvedBefore = buildOrder({
  id: 'C',
  openFindings: [
    { code: 'DELIVERY_DELAYED', since: minutesAfter(-1000), state: 'resolved', resolvedAt: minutesAfter(-400) },
    { code: 'ADDRESS_INVALID', since: minutesAfter(-1000), state: 'resolved', resolvedAt: minutesAfter(-950) },
  ],
  actionsTaken: [done('C', 'points', -200, { amount: 300 })],
  feedback: { score: 2, at: minutesAfter(-100) },
});
/** A code this triage does not know (a retired rule), resolving now, with a refund in dollars. */
const unknownCode = buildOrder({
  id: 'D',
  currency: 'USD',
  openFindings: [{ code: 'LEGACY_CHECK', since: minutesAfter(100) }],
  actionsTaken: [done('D', 'refund', 200, { amount: 1_500 })],
});
/** Found now: the WMS rejected the order three times; every action for it is automatable. */
const foundNow = buildOrder({
  id: 'E',
  sync: [buildSync(), buildSync({ system: 'wms', status: 'failed', lastAttemptAt: minutesAfter(5), error: 'WMS 503', failedAttempts: 3 })],
});
const clean = buildOrder({ id: 'F' });
const orders = [stillOpen, resolvingNow, resolvedBefore, unknownCode, foundNow, clean];

const tally = (count: number, sum: number, max: number) => ({ count, sum, max });
const scores = (list: [number, number, number, number, number], sum: number) => ({ scores: list, sum });
const none = scores([0, 0, 0, 0, 0], 0);
const noAutomation = { findings: 0, planned: 0, automatic: 0 };

describe('review figures of evaluateBatch', () => {
  it('counts per code the minutes to first action and to resolution, SLA breaches, money out, satisfaction and automation', async () => {
    const batch = await triage.evaluateBatch(orders, { now });
    expect(batch.summary.review).toEqual({
      byCode: {
        ADDRESS_INVALID: {
          findings: 1,
          firstAction: tally(0, 0, 0),
          resolution: tally(1, 50, 50),
          sla: { judged: 1, breached: 0 },
          refunds: {},
          // The order's most severe code (high, above the delay's medium) carries its money.
          compensation: { CNY: 300 },
          satisfaction: scores([0, 1, 0, 0, 0], 2),
          automation: noAutomation,
        },
        DELIVERY_DELAYED: {
          findings: 2,
          // B's delay was answered at 90; C's never was, and resolved 600 minutes in: past its 240.
          firstAction: tally(1, 90, 90),
          resolution: tally(2, 1200, 600),
          sla: { judged: 2, breached: 1 },
          refunds: {},
          compensation: {},
          satisfaction: scores([0, 1, 0, 1, 0], 6),
          automation: noAutomation,
        },
        DUPLICATE_PAYMENT: {
          findings: 1,
          firstAction: tally(1, 20, 20),
          resolution: tally(0, 0, 0),
          sla: { judged: 1, breached: 0 },
          refunds: {},
          compensation: {},
          satisfaction: none,
          // Its refund needs a supervisor: planned, not automatic.
          automation: { findings: 1, planned: 1, automatic: 0 },
        },
        LEGACY_CHECK: {
          findings: 1,
          firstAction: tally(1, 100, 100),
          resolution: tally(1, 500, 500),
          sla: { judged: 0, breached: 0 },
          refunds: { USD: 1_500 },
          compensation: {},
          satisfaction: none,
          automation: noAutomation,
        },
        PACKAGE_DAMAGED: {
          findings: 1,
          // First answered at 90, past the 60 minutes of a high finding; resolved at the batch's now.
          firstAction: tally(1, 90, 90),
          resolution: tally(1, 600, 600),
          sla: { judged: 1, breached: 1 },
          refunds: { CNY: 20_900 },
          compensation: { CNY: 1_000 },
          satisfaction: scores([0, 0, 0, 1, 0], 4),
          automation: noAutomation,
        },
        SYNC_FAILED: {
          findings: 1,
          firstAction: tally(0, 0, 0),
          resolution: tally(0, 0, 0),
          sla: { judged: 1, breached: 0 },
          refunds: {},
          compensation: {},
          satisfaction: none,
          automation: { findings: 1, planned: 1, automatic: 1 },
        },
      },
      // Each order with feedback once, whatever its codes.
      satisfaction: scores([0, 1, 0, 1, 0], 6),
    });
  });

  it('derives the rates and averages from those counts, per code and overall', async () => {
    const batch = await triage.evaluateBatch(orders, { now });
    expect(batch.review).toEqual(reviewFigures(batch.summary.review));
    expect(batch.review.byCode.map((c) => c.code)).toEqual(['ADDRESS_INVALID', 'DELIVERY_DELAYED', 'DUPLICATE_PAYMENT', 'LEGACY_CHECK', 'PACKAGE_DAMAGED', 'SYNC_FAILED']);
    expect(batch.review.byCode.find((c) => c.code === 'DELIVERY_DELAYED')).toMatchObject({
      timeToFirstAction: { count: 1, averageMinutes: 90, maxMinutes: 90 },
      timeToResolution: { count: 2, averageMinutes: 600, maxMinutes: 600 },
      slaBreachRate: 0.5,
      satisfaction: { responses: 2, average: 3, scores: [0, 1, 0, 1, 0] },
      automaticShare: null,
    });
    expect(batch.review.overall).toEqual({
      findings: 7,
      timeToFirstAction: { count: 4, averageMinutes: 75, maxMinutes: 100 },
      timeToResolution: { count: 5, averageMinutes: 470, maxMinutes: 600 },
      slaBreachRate: 2 / 6,
      slaBreached: 2,
      refunds: { CNY: 20_900, USD: 1_500 },
      compensation: { CNY: 1_300 },
      satisfaction: { responses: 2, average: 3, scores: [0, 1, 0, 1, 0] },
      automaticShare: 1 / 2,
    });
  });

  it('reviews an order delivered twice once, and leaves out an invalid snapshot', async () => {
    const once = await triage.evaluateBatch(orders, { now });
    const twice = await triage.evaluateBatch([...orders, resolvingNow, { id: 'BAD' }], { now });
    expect(twice.summary.review).toEqual(once.summary.review);
    expect(twice.review.overall.findings).toBe(7);
  });

  it('merges two shards into exactly the review of one batch, also read back from JSON', async () => {
    const whole = await triage.evaluateBatch(orders, { now });
    const [a, b] = [await triage.evaluateBatch([stillOpen, resolvedBefore, clean], { now }), await triage.evaluateBatch([resolvingNow, unknownCode, foundNow], { now })];
    const merged = mergeSummaries(a.summary, b.summary);
    expect(JSON.stringify(merged)).toBe(JSON.stringify(whole.summary));
    expect(reviewFigures(merged.review)).toEqual(whole.review);
    const reread = mergeSummaries(JSON.parse(JSON.stringify(b.summary)) as BatchSummary, JSON.parse(JSON.stringify(a.summary)) as BatchSummary);
    expect(JSON.stringify(reread)).toBe(JSON.stringify(whole.summary));
  });

  it('merges a summary stored before reviews existed as one with an empty review', async () => {
    const batch = await triage.evaluateBatch(orders, { now });
    const { review: _, ...old } = emptySummary();
    const merged = mergeSummaries(old as BatchSummary, batch.summary);
    expect(merged).toEqual(batch.summary);
    expect(Object.keys(merged.review.byCode)).toHaveLength(6);
  });
});

// Generated orders given a case record, recorded actions and feedback at random.
const CODES = ['PACKAGE_DAMAGED', 'DELIVERY_DELAYED', 'DUPLICATE_PAYMENT', 'SYNC_FAILED', 'ADDRESS_INVALID', 'LEGACY_CHECK', '__proto__'];
const incidents = [...generateIncidents({ count: 24, seed: 15 })];
const batchNow = minutesAfter(20 * 24 * 60);
const caseOf = fc.record({
  open: fc.array(fc.record({ code: fc.constantFrom(...CODES), since: fc.integer({ min: -3000, max: 20_000 }), resolvedAfter: fc.option(fc.integer({ min: 0, max: 5000 })) }), {
    maxLength: 3,
  }),
  actions: fc.array(
    fc.record({
      kind: fc.constantFrom('refund', 'coupon', 'points', 'contact_customer'),
      at: fc.integer({ min: -3000, max: 25_000 }),
      amount: fc.integer({ min: 1, max: 50_000 }),
      failed: fc.boolean(),
    }),
    { maxLength: 4 },
  ),
  score: fc.option(fc.integer({ min: 1, max: 5 })),
});
type Case = typeof caseOf extends fc.Arbitrary<infer T> ? T : never;

function withCase(order: OrderSnapshotInput, c: Case, i: number): OrderSnapshotInput {
  return {
    ...order,
    id: `${order.id}-${i}`,
    openFindings: c.open.map((o) =>
      o.resolvedAfter === null
        ? { code: o.code, since: minutesAfter(o.since) }
        : { code: o.code, since: minutesAfter(o.since), state: 'resolved' as const, resolvedAt: minutesAfter(o.since + o.resolvedAfter) },
    ),
    actionsTaken: [
      ...(order.actionsTaken ?? []),
      ...c.actions.map((a, j) => ({
        kind: a.kind,
        idempotencyKey: `review/${i}/${j}`,
        at: minutesAfter(a.at),
        amount: a.amount,
        ...(a.failed ? { status: 'failed' as const } : {}),
      })),
    ],
    ...(c.score === null ? {} : { feedback: { score: c.score, at: minutesAfter(c.open[0]?.since ?? 0) } }),
  };
}

/** Merges in the order and grouping drawn: a left fold, or pairs merged level by level. */
function mergeAll(summaries: BatchSummary[], pairwise: boolean): BatchSummary {
  if (!pairwise) return summaries.reduce(mergeSummaries, emptySummary());
  let level = summaries;
  while (level.length > 1) level = Array.from({ length: Math.ceil(level.length / 2) }, (_, i) => mergeSummaries(level[2 * i] as BatchSummary, level[2 * i + 1] ?? emptySummary()));
  return level[0] ?? emptySummary();
}

describe('merging reviews (property)', () => {
  it('gives the review of one batch whatever the shards, the order and the grouping of the merges', { timeout: 120_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(caseOf, { minLength: incidents.length, maxLength: incidents.length }),
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: incidents.length, maxLength: incidents.length }),
        fc.boolean(),
        fc.shuffledSubarray([0, 1, 2, 3], { minLength: 4, maxLength: 4 }),
        async (cases, shardOf, pairwise, order) => {
          const batch = incidents.map(({ order }, i) => withCase(order, cases[i] as Case, i));
          const whole = await triage.evaluateBatch(batch, { now: batchNow, keepReports: false });
          const shards = [0, 1, 2, 3].map((s) => batch.filter((_, i) => shardOf[i] === s));
          const summaries = await Promise.all(shards.map(async (shard) => (await triage.evaluateBatch(shard, { now: batchNow, keepReports: false })).summary));
          const shuffled = order.map((i) => summaries[i] as BatchSummary);
          const merged = mergeAll(shuffled, pairwise);
          expect(Object.keys(whole.summary.review.byCode).length).toBeGreaterThan(3);
          expect(JSON.stringify(merged)).toBe(JSON.stringify(whole.summary));
          expect(reviewFigures(merged.review)).toEqual(whole.review);
        },
      ),
      { numRuns: 40, seed: 15 },
    );
  });
});
