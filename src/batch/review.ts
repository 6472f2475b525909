import { readOwn, writeOwn } from '../_lib/own-key.js';
import { parseTimestamp } from '../_lib/timestamp.js';
import { detectors } from '../detectors/registry.js';
import type { Finding } from '../findings/finding.js';
import { readRecordedRefund } from '../money/refund-key.js';
import type { Action } from '../playbooks/action.js';
import type { OrderSnapshot } from '../schema/snapshot.js';
import { SEVERITIES, type Severity } from '../vocabulary/severity.js';

// The review (复盘) figures of a batch: how each code's cases were handled (docs/scaling.md,
// "Review figures"). The mergeable part holds sums, counts and maxima only; rates and averages
// are derived from it (`reviewFigures`), so shards merge exactly, in any order and grouping.

/** Whole minutes observed: how many, their sum and the longest (0 when none). */
export interface MinutesTally {
  count: number;
  sum: number;
  max: number;
}

/** Satisfaction scores (`feedback.score`): how many of each score 1..5 (index 0 is score 1), and their sum. */
export interface ScoreTally {
  scores: [number, number, number, number, number];
  sum: number;
}

/** How one exception code's findings were handled, as counts and sums only (mergeable). */
export interface CodeReview {
  /** Findings of this code in the orders' cases: open after this evaluation, resolved in it, or recorded resolved (`openFindings` entries with `state: 'resolved'`). */
  findings: number;
  /** Minutes from each finding's `since` to the first action recorded (not failed) at or after it; findings with such an action only. */
  firstAction: MinutesTally;
  /** Minutes from `since` to resolution (`resolvedAt`, or the batch's `now` for a finding that resolves in this evaluation); resolved findings only. */
  resolution: MinutesTally;
  /** Findings judged against the SLA of their severity (`policy.sla`), and those whose first action came (or, still without one, `now` or the resolution is) later. */
  sla: { judged: number; breached: number };
  /** Refunds recorded done (`actionsTaken` of kind `refund`), per currency, in minor units: each order's whole amount under its most severe code. */
  refunds: Record<string, number>;
  /** Coupons and points recorded done, per currency, in minor units: each order's whole amount under its most severe code. */
  compensation: Record<string, number>;
  /** `feedback.score` of orders with a finding of this code (an order counts under each of its codes). */
  satisfaction: ScoreTally;
  /** Findings found in this evaluation, those with actions planned for them, and those whose planned actions are all `automatable`. */
  automation: { findings: number; planned: number; automatic: number };
}

/** The review figures of a batch, mergeable (`BatchSummary.review`). */
export interface ReviewSummary {
  /** Per exception code, keys sorted. */
  byCode: Record<string, CodeReview>;
  /** `feedback.score` of orders with a case (each order once, whatever its codes). */
  satisfaction: ScoreTally;
}

/** What the review needs of the batch beside each order and its report. */
export interface ReviewInput {
  /** The batch's `now`, epoch milliseconds. */
  readonly now: number;
  /** Minutes to respond per severity (`policy.sla`). */
  readonly sla: Readonly<Record<Severity, number>>;
  /** A code's severity, for a finding no longer found; undefined for a code the triage does not know (not judged against an SLA). */
  readonly severityOf: (code: string) => Severity | undefined;
}

const builtInSeverities = new Map<string, Severity>(detectors.map((d) => [d.code, d.severity]));

/**
 * A built-in code's severity (a disabled detector's too), or undefined for any other code.
 *
 * @example
 * builtInSeverity('PACKAGE_LOST') //=> 'high'
 */
export function builtInSeverity(code: string): Severity | undefined {
  return builtInSeverities.get(code);
}

const emptyTally = (): MinutesTally => ({ count: 0, sum: 0, max: 0 });
const emptyScores = (): ScoreTally => ({ scores: [0, 0, 0, 0, 0], sum: 0 });

/**
 * A review of nothing: the identity of `mergeReviews`.
 *
 * @example
 * emptyReview() //=> { byCode: {}, satisfaction: { scores: [0, 0, 0, 0, 0], sum: 0 } }
 */
export function emptyReview(): ReviewSummary {
  return { byCode: {}, satisfaction: emptyScores() };
}

function emptyCodeReview(): CodeReview {
  return {
    findings: 0,
    firstAction: emptyTally(),
    resolution: emptyTally(),
    sla: { judged: 0, breached: 0 },
    refunds: {},
    compensation: {},
    satisfaction: emptyScores(),
    automation: { findings: 0, planned: 0, automatic: 0 },
  };
}

/** One finding of an order's case, as the review reads it. */
interface CaseFinding {
  readonly code: string;
  readonly since: number;
  readonly resolved: boolean;
  /** When it resolved; undefined while open, or for a resolved entry without a date. */
  readonly resolvedAt: number | undefined;
  readonly severity: Severity | undefined;
}

/** What the report's case record says of one code (the `state` of a later release included). */
type CaseEntry = { readonly code: string; readonly since: string; readonly state?: string; readonly resolvedAt?: string };

/**
 * The findings of an order's case: open after this evaluation (the report's case record), open
 * in the snapshot's record but no longer (resolved now), and recorded resolved in the snapshot.
 */
function caseFindings(order: OrderSnapshot, findings: readonly Finding[], reported: readonly CaseEntry[], input: ReviewInput): CaseFinding[] {
  const severityOf = (code: string) => findings.find((f) => f.code === code)?.severity ?? input.severityOf(code);
  const out: CaseFinding[] = [];
  const seen = new Set<string>();
  const add = (code: string, since: number, resolved: boolean, resolvedAt: number | undefined) => {
    const key = `${code}\u0000${since}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ code, since, resolved, resolvedAt, severity: severityOf(code) });
  };
  const openAfter = new Set<string>();
  for (const entry of reported) {
    if (entry.state === 'resolved') continue;
    openAfter.add(entry.code);
    add(entry.code, parseTimestamp(entry.since), false, undefined);
  }
  for (const entry of order.openFindings ?? []) {
    const since = parseTimestamp(entry.since);
    if (entry.state === 'resolved') add(entry.code, since, true, entry.resolvedAt === undefined ? undefined : parseTimestamp(entry.resolvedAt));
    else if (!openAfter.has(entry.code)) {
      const resolvedAt = reported.find((r) => r.code === entry.code && r.state === 'resolved')?.resolvedAt;
      add(entry.code, since, true, resolvedAt === undefined ? input.now : parseTimestamp(resolvedAt));
    }
  }
  return out;
}

const rank = (s: Severity | undefined) => (s === undefined ? -1 : SEVERITIES.indexOf(s));

/** The code an order's money is attributed to: its most severe (ties: the first by name). */
function mostSevere(found: readonly CaseFinding[]): string | undefined {
  let best: CaseFinding | undefined;
  for (const f of found) if (best === undefined || rank(f.severity) > rank(best.severity) || (rank(f.severity) === rank(best.severity) && f.code < best.code)) best = f;
  return best?.code;
}

const bump = (counts: Record<string, number>, key: string, by: number) => writeOwn(counts, key, (readOwn(counts, key) ?? 0) + by);
const tally = (t: MinutesTally, ms: number) => {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  t.count++;
  t.sum += minutes;
  t.max = Math.max(t.max, minutes);
};
const score = (s: ScoreTally, value: number) => {
  s.scores[value - 1] = (s.scores[value - 1] ?? 0) + 1;
  s.sum += value;
};

/** The actions an order records done (not `failed`), each idempotency key once (an entry recorded twice is one action). */
function doneActions(order: OrderSnapshot): NonNullable<OrderSnapshot['actionsTaken']> {
  const seen = new Set<string>();
  return (order.actionsTaken ?? []).filter((a) => {
    if (a.status === 'failed' || seen.has(a.idempotencyKey)) return false;
    seen.add(a.idempotencyKey);
    return true;
  });
}

/** Timing and SLA of one finding: first action at or after `since` (and by its resolution or now). */
function addTiming(r: CodeReview, f: CaseFinding, actionTimes: readonly number[], input: ReviewInput): void {
  const end = f.resolvedAt ?? input.now;
  let first = Infinity;
  for (const at of actionTimes) if (at >= f.since && at <= end && at < first) first = at;
  if (first !== Infinity) tally(r.firstAction, first - f.since);
  if (f.resolved && f.resolvedAt !== undefined) tally(r.resolution, f.resolvedAt - f.since);
  if (f.severity === undefined) return;
  r.sla.judged++;
  const deadline = f.since + input.sla[f.severity] * 60_000;
  if ((first === Infinity ? end : first) > deadline) r.sla.breached++;
}

/** Refunds, coupons and points recorded done, under the order's most severe code. */
function addSpend(r: CodeReview, order: OrderSnapshot, actions: ReturnType<typeof doneActions>): void {
  for (const a of actions) {
    if (a.kind === 'refund') {
      const amount = a.amount ?? readRecordedRefund(a, order.id)?.amount;
      if (amount !== undefined) bump(r.refunds, order.currency, amount);
    } else if ((a.kind === 'coupon' || a.kind === 'points') && a.amount !== undefined) bump(r.compensation, order.currency, a.amount);
  }
}

/** The share handled automatically: per finding found now, whether this evaluation's actions for it are all `automatable`. */
function addAutomation(review: ReviewSummary, findings: readonly Finding[], actions: readonly Action[]): void {
  for (const f of findings) {
    const r = codeReview(review, f.code);
    const plan = actions.filter((a) => a.because.includes(f.code));
    r.automation.findings++;
    if (plan.length === 0) continue;
    r.automation.planned++;
    if (plan.every((a) => a.automatable)) r.automation.automatic++;
  }
}

function codeReview(review: ReviewSummary, code: string): CodeReview {
  let r = readOwn(review.byCode, code);
  if (r === undefined) writeOwn(review.byCode, code, (r = emptyCodeReview()));
  return r;
}

/**
 * Adds one valid order's case to a review (in place): its findings' timing, SLA, money out,
 * satisfaction and how much of this evaluation's plan a backend may run unattended.
 *
 * @example
 * addToReview(summary.review, order, report, { now, sla: policy.sla, severityOf })
 */
export function addToReview(
  review: ReviewSummary,
  order: OrderSnapshot,
  report: { readonly findings: readonly Finding[]; readonly actions: readonly Action[]; readonly case: { readonly openFindings: readonly CaseEntry[] } },
  input: ReviewInput,
): void {
  const found = caseFindings(order, report.findings, report.case.openFindings, input);
  if (found.length === 0) return;
  const actions = doneActions(order);
  const actionTimes = actions.map((a) => parseTimestamp(a.at));
  for (const f of found) {
    const r = codeReview(review, f.code);
    r.findings++;
    addTiming(r, f, actionTimes, input);
  }
  const attributed = mostSevere(found);
  if (attributed !== undefined) addSpend(codeReview(review, attributed), order, actions);
  addAutomation(review, report.findings, report.actions);
  if (order.feedback === undefined) return;
  score(review.satisfaction, order.feedback.score);
  for (const code of new Set(found.map((f) => f.code))) score(codeReview(review, code).satisfaction, order.feedback.score);
}

const mergeTally = (a: MinutesTally, b: MinutesTally): MinutesTally => ({ count: a.count + b.count, sum: a.sum + b.sum, max: Math.max(a.max, b.max) });
const mergeScores = (a: ScoreTally, b: ScoreTally): ScoreTally => ({
  scores: [0, 1, 2, 3, 4].map((i) => (a.scores[i] ?? 0) + (b.scores[i] ?? 0)) as ScoreTally['scores'],
  sum: a.sum + b.sum,
});

function mergeMoney(a: Readonly<Record<string, number>>, b: Readonly<Record<string, number>>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const key of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) writeOwn(out, key, (readOwn(a, key) ?? 0) + (readOwn(b, key) ?? 0));
  return out;
}

function mergeCodeReviews(a: CodeReview, b: CodeReview): CodeReview {
  return {
    findings: a.findings + b.findings,
    firstAction: mergeTally(a.firstAction, b.firstAction),
    resolution: mergeTally(a.resolution, b.resolution),
    sla: { judged: a.sla.judged + b.sla.judged, breached: a.sla.breached + b.sla.breached },
    refunds: mergeMoney(a.refunds, b.refunds),
    compensation: mergeMoney(a.compensation, b.compensation),
    satisfaction: mergeScores(a.satisfaction, b.satisfaction),
    automation: {
      findings: a.automation.findings + b.automation.findings,
      planned: a.automation.planned + b.automation.planned,
      automatic: a.automation.automatic + b.automation.automatic,
    },
  };
}

/**
 * Merges two reviews: exactly the review of one pass over both batches, in any order and
 * grouping (sums, counts and maxima only). A summary stored before reviews existed merges as empty.
 *
 * @example
 * mergeReviews(shardA.summary.review, shardB.summary.review)
 */
export function mergeReviews(a: ReviewSummary | undefined, b: ReviewSummary | undefined): ReviewSummary {
  const x = a ?? emptyReview();
  const y = b ?? emptyReview();
  const byCode: Record<string, CodeReview> = {};
  for (const code of [...new Set([...Object.keys(x.byCode), ...Object.keys(y.byCode)])].sort()) {
    writeOwn(byCode, code, mergeCodeReviews(readOwn(x.byCode, code) ?? emptyCodeReview(), readOwn(y.byCode, code) ?? emptyCodeReview()));
  }
  return { byCode, satisfaction: mergeScores(x.satisfaction, y.satisfaction) };
}

/** Minutes as the review reports them: how many, their average and the longest (null without any). */
export interface MinutesFigures {
  readonly count: number;
  readonly averageMinutes: number | null;
  readonly maxMinutes: number | null;
}

/** Satisfaction as the review reports it. */
export interface SatisfactionFigures {
  readonly responses: number;
  /** The mean score, 1..5, or null without responses. */
  readonly average: number | null;
  /** How many of each score, 1 to 5 (index 0 is score 1). */
  readonly scores: readonly number[];
}

/** One code's review figures, derived from its counts. */
export interface CodeReviewFigures {
  readonly code: string;
  readonly findings: number;
  readonly timeToFirstAction: MinutesFigures;
  readonly timeToResolution: MinutesFigures;
  /** Findings past their SLA over those judged, 0..1, or null when none was judged. */
  readonly slaBreachRate: number | null;
  readonly slaBreached: number;
  /** Refunds and compensation (coupons, points) recorded done, per currency, minor units. */
  readonly refunds: Readonly<Record<string, number>>;
  readonly compensation: Readonly<Record<string, number>>;
  readonly satisfaction: SatisfactionFigures;
  /** Findings found in the evaluation whose actions were all automatable, over all found, 0..1, or null when none was found. */
  readonly automaticShare: number | null;
}

/** The review (复盘) of a batch, or of merged shards: per code, and over every code. */
export interface ReviewFigures {
  /** Codes sorted by name. */
  readonly byCode: CodeReviewFigures[];
  /** Every code together; satisfaction counts each order once. */
  readonly overall: Omit<CodeReviewFigures, 'code'>;
}

const ratio = (n: number, d: number) => (d === 0 ? null : n / d);
const minutesFigures = (t: MinutesTally): MinutesFigures => ({ count: t.count, averageMinutes: ratio(t.sum, t.count), maxMinutes: t.count === 0 ? null : t.max });
const satisfactionFigures = (s: ScoreTally): SatisfactionFigures => {
  const responses = s.scores.reduce((x, y) => x + y, 0);
  return { responses, average: ratio(s.sum, responses), scores: [...s.scores] };
};

function figuresOf(r: CodeReview, satisfaction: ScoreTally): Omit<CodeReviewFigures, 'code'> {
  return {
    findings: r.findings,
    timeToFirstAction: minutesFigures(r.firstAction),
    timeToResolution: minutesFigures(r.resolution),
    slaBreachRate: ratio(r.sla.breached, r.sla.judged),
    slaBreached: r.sla.breached,
    refunds: r.refunds,
    compensation: r.compensation,
    satisfaction: satisfactionFigures(satisfaction),
    automaticShare: ratio(r.automation.automatic, r.automation.findings),
  };
}

/**
 * The review figures from a (possibly merged) review: per code and overall, time to first
 * action and to resolution (average and longest, minutes), SLA breach rate, refunds and
 * compensation per currency, satisfaction, and the share of findings handled automatically.
 *
 * @example
 * reviewFigures(mergeSummaries(a.summary, b.summary).review).overall.slaBreachRate //=> 0.25
 */
export function reviewFigures(review: ReviewSummary): ReviewFigures {
  const codes = Object.keys(review.byCode).sort();
  let all = emptyCodeReview();
  const byCode = codes.map((code) => {
    const r = readOwn(review.byCode, code) ?? emptyCodeReview();
    all = mergeCodeReviews(all, r);
    return { code, ...figuresOf(r, r.satisfaction) };
  });
  return { byCode, overall: figuresOf(all, review.satisfaction) };
}
