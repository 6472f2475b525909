import { appendAll } from './_lib/append-all.js';
import { addMinutes } from 'date-fns';
import type { z } from 'zod';
import type { WorkingCalendar } from './_lib/business-time.js';
import { compileDetector, factsOf, type CompiledDetector, type ScopedCondition } from './detectors/compile-detector.js';
import type { Detector, DetectorScope, Owner } from './detectors/detector.js';
import { detectors, type DetectorCode } from './detectors/registry.js';
import { evaluateBatchWith, readBatchArguments, type BatchReport } from './batch/evaluate-batch.js';
import type { KpiBaseline } from './batch/kpis.js';
import { InvalidOptionsError, OrderTriageError, type Issue } from './errors.js';
import { prepareBlacklist, type PreparedBlacklist } from './facts/blacklist-match.js';
import { deriveFacts, planFacts, type FactContext, type OrderFactRecord } from './facts/derive-facts.js';
import { LAZY_FACT_NAMES } from './facts/customer-facts.js';
import { buildFactSettings } from './facts/fact-settings.js';
import type { Finding } from './findings/finding.js';
import type { MessageCatalogue, SummaryInput } from './messages/catalogue.js';
import { guardCatalogue, messageOptionIssues } from './messages/catalogue-guard.js';
import { messageCatalogues } from './messages/locales.js';
import { createMessageKit, type MessageKit } from './messages/message-kit.js';
import { plainText } from './messages/plain-text.js';
import { quotingCatalogue } from './messages/quoting-catalogue.js';
import { createCurrencyDigits } from './money/currency-digits.js';
import type { Condition, ExplainedCondition } from './conditions/condition.js';
import type { Action, FindingCode } from './playbooks/action.js';
import { draftCaseFollowUps, openSince } from './playbooks/case-follow-up.js';
import { openCompensationBudget } from './playbooks/compensation.js';
import { finaliseActions, type FindingDrafts } from './playbooks/finalise-actions.js';
import type { Playbook } from './playbooks/playbook.js';
import { playbooks } from './playbooks/registry.js';
import { buildRuleEntries } from './rules/rule-entries.js';
import { createRuleEngine, customOperatorIssues, type CustomOperator, type EngineOutcome } from './rules/rule-engine.js';
import { validateRules, type ValidRule } from './rules/validate-rules.js';
import {
  BlacklistSchema,
  CalendarSchema,
  EvaluateContextSchema,
  EvaluateContextShellSchema,
  type Calendar,
  type EvaluateContext,
} from './schema/context.js';
import { suggestKey, toIssues } from './schema/issues.js';
import { compileAcceptor } from './schema/fast-accept.js';
import { checkSize, SNAPSHOT_LIMITS } from './schema/size-guard.js';
import { unreadableIssue } from './schema/unreadable.js';
import { copyOptions } from './schema/copy-options.js';
import { TriageOptionsSchema, type ResolvedOptions, type TriageOptions } from './schema/options.js';
import { OrderSnapshotSchema, type OrderSnapshot } from './schema/snapshot.js';
import { parseTimestamp } from './_lib/timestamp.js';
import { ledgerIssues } from './money/ledger-issues.js';
import { describeError } from './_lib/describe-error.js';

/** The snapshot schema and size limits as one compiled check that copies what it accepts (see compileAcceptor). */
const acceptSnapshot = compileAcceptor(OrderSnapshotSchema, SNAPSHOT_LIMITS);

/** Why an evaluation could not run. */
export type EvaluationErrorCode = 'invalid_snapshot' | 'input_too_large' | 'invalid_context' | 'unknown_code' | 'internal_error';

/** Why a code did, or did not, fire on one order. */
export interface Explanation {
  readonly ok: true;
  readonly orderId: string;
  readonly code: FindingCode;
  readonly ruleId: string;
  /** True when the conditions held. */
  readonly fired: boolean;
  /** Codes found on the order that explain this one away (it fired but is not reported). */
  readonly supersededBy: readonly string[];
  /** The thresholds in force for this order (carrier and country overrides applied). */
  readonly thresholds: Readonly<Record<string, unknown>>;
  /** Every condition evaluated, as a tree: the fact, its value, the operator, the threshold, and whether it held. */
  readonly conditions: ExplainedCondition;
}

/** What to keep about this evaluation in the backend's case record (记录与复盘). */
export interface CaseState {
  /** When the evaluation ran (the `now` passed in), ISO 8601 UTC. */
  readonly evaluatedAt: string;
  /** `policy.version` at the time: which rules decided. */
  readonly policyVersion: string;
  /**
   * The findings open after this evaluation and since when: pass them back as the snapshot's
   * `openFindings` next time, so open ones escalate and resolved ones get a follow-up survey.
   */
  readonly openFindings: { readonly code: string; readonly since: string }[];
}

/** The findings and actions for one order. */
export interface TriageReport {
  readonly ok: true;
  readonly orderId: string;
  /** Every exception found, in catalogue order. */
  readonly findings: Finding[];
  /** The playbook: what to do, who, by when, what to tell the customer. */
  readonly actions: Action[];
  /** What to store for the next evaluation and for review. */
  readonly case: CaseState;
}

/** An input that could not be evaluated, with every problem and its path. */
export interface TriageFailure {
  readonly ok: false;
  /** The order's id, when the input had a readable one. */
  readonly orderId?: string;
  readonly error: {
    readonly code: EvaluationErrorCode;
    readonly message: string;
    readonly issues: readonly Issue[];
  };
}

/** What `evaluate` returns: a report, or a structured error. It never throws for bad input. */
export type EvaluateResult = TriageReport | TriageFailure;

/**
 * A configured triage: options validated and detectors compiled once, then used per order.
 * `Async` is true when custom operators run user rules on json-rules-engine: `evaluate` and
 * `explain` then return promises (await them either way).
 */
export interface Triage<Async extends boolean = false> {
  /**
   * Evaluates one order snapshot at `context.now`. Never throws for bad input: a snapshot that
   * fails validation gives `{ ok: false, error: { code, issues: [{ path, message }] } }`.
   *
   * @example
   * const report = triage.evaluate(order, { now: '2026-03-01T12:00:00+08:00', blacklist, calendar });
   * if (report.ok) for (const f of report.findings) notify(f.owner, f.summary);
   */
  evaluate(snapshot: unknown, context: EvaluateContext): Async extends true ? Promise<EvaluateResult> : EvaluateResult;
  /**
   * Says why `code` (a built-in code or a rule's `event.type`) did or did not fire on one order,
   * condition by condition: json-rules-engine's most requested feature. Like `evaluate`, it
   * never throws for bad input; an unknown code is an `unknown_code` error.
   *
   * @example
   * const why = triage.explain(order, { now }, 'PAYMENT_FAILED');
   * if (why.ok && !why.fired) show(why.conditions); // which condition held back
   */
  explain(snapshot: unknown, context: EvaluateContext, code: string): Async extends true ? Promise<Explanation | TriageFailure> : Explanation | TriageFailure;
  /**
   * Evaluates many orders: each one's report, plus what only shows across orders (shared
   * addresses and contacts, coupon abuse, rapid repeat orders), KPI alerts against
   * `context.baseline`, and review analytics. Takes arrays and (async) iterables; with
   * `keepReports: false` a million orders stream through in bounded memory. Shards' summaries
   * merge losslessly with `mergeSummaries` (docs/scaling.md).
   *
   * An order delivered more than once (the same id, as at-least-once queues do) is one order
   * for the findings across orders, which keep the copy with the latest `updatedAt` (the later
   * one in the input on ties), and for the summary; each copy still gets its report.
   *
   * Bad arguments reject the promise before any order is read or reported, with one
   * `OrderTriageError` whose `issues` list every problem with its path: `['snapshots']` (not
   * iterable), `['context', 'baseline', ...]`, `['context', 'keepReports']` (not a boolean),
   * `['context', 'onReport']` (not a function). A bad evaluation context (`now`, blacklist,
   * calendar) is not an argument error: each order's report says `invalid_context`.
   *
   * @example
   * const batch = await triage.evaluateBatch(orders, { now, baseline: { paymentSuccessRate: 0.97 } });
   * batch.findings // e.g. SHARED_ADDRESS_CLUSTER with its orderIds
   */
  evaluateBatch(snapshots: Iterable<unknown> | AsyncIterable<unknown>, context: BatchContext): Promise<BatchReport>;
  /** The options in force, with defaults filled in. */
  readonly options: ResolvedOptions;
}

/** What `evaluateBatch` needs beside the snapshots. */
export type BatchContext = EvaluateContext & {
  /** Rates to compare the batch's KPIs with (last week's, the previous window's). */
  readonly baseline?: KpiBaseline;
  /** Keep each order's report in `reports`. Turn off to stream many orders in bounded memory. @default true */
  readonly keepReports?: boolean;
  /** Called with each order's report as it is made (for streaming them elsewhere). */
  readonly onReport?: (result: EvaluateResult) => void;
};

interface Entry {
  readonly compiled: CompiledDetector;
  /** A user rule run by json-rules-engine (custom operators), not by the compiled conditions. */
  readonly external: boolean;
  readonly code: FindingCode;
  readonly ruleId: string;
  readonly owner: Owner;
  readonly playbook: Playbook<unknown>;
  /** Thresholds the playbook runs with, when they are not the finding's own (a rule borrowing a built-in playbook). */
  readonly playbookThresholds: Readonly<Record<string, unknown>> | undefined;
  readonly summary: (input: SummaryInput) => string;
  readonly checklist: readonly string[];
}

interface Hit {
  readonly entry: Entry;
  readonly scoped: ScopedCondition;
}

const OPTION_ORDER = Object.keys(TriageOptionsSchema.shape);

/**
 * Validates the options: first a plain copy, each value read once (a getter or Proxy cannot
 * answer one thing to validation and another to the engine), then that copy is checked and
 * compiled. Anything that throws while reading them is an InvalidOptionsError, never a throw.
 */
function resolveOptions(options: unknown): { resolved: ResolvedOptions; rules: ValidRule[] } {
  const copied = copyOptions(options ?? {});
  if (copied.issues.length > 0) throw new InvalidOptionsError(copied.issues);
  let checked: ReturnType<typeof checkOptions>;
  try {
    checked = checkOptions(copied.value);
  } catch (error) {
    throw new InvalidOptionsError([{ path: [], message: `the options could not be checked: ${describeError(error)}` }]);
  }
  if (checked.issues.length > 0) throw new InvalidOptionsError(checked.issues);
  return checked.result;
}

function checkOptions(options: unknown): { result: { resolved: ResolvedOptions; rules: ValidRule[] }; issues: Issue[] } {
  const parsed = TriageOptionsSchema.safeParse(options);
  const raw = typeof options === 'object' && options !== null ? (options as { rules?: unknown; conditions?: unknown; customOperators?: unknown }) : {};
  const operatorIssues = customOperatorIssues(raw.customOperators);
  const extraOperators = Array.isArray(raw.customOperators) ? raw.customOperators.map((o: { name?: unknown }) => String(o?.name)) : [];
  const checkedRules = validateRules(raw.rules, { namedConditions: raw.conditions, extraOperators });
  const issues = [
    ...(parsed.success ? [] : toIssues(parsed.error, [], TriageOptionsSchema)),
    ...messageOptionIssues(options),
    ...checkedRules.issues,
    ...operatorIssues,
  ];
  // One list in the order the options are documented, whichever check found each problem.
  const rank = (issue: Issue) => {
    const at = OPTION_ORDER.indexOf(String(issue.path[0]));
    return at === -1 ? OPTION_ORDER.length : at;
  };
  return {
    result: { resolved: (parsed as { data: unknown }).data as ResolvedOptions, rules: checkedRules.rules },
    issues: issues.map((issue, i) => ({ issue, i })).sort((a, b) => rank(a.issue) - rank(b.issue) || a.i - b.i).map((x) => x.issue),
  };
}

/** The input's `id`, if it has a readable string one; never throws, whatever the input is. */
function readOrderId(input: unknown): string | undefined {
  try {
    const id = typeof input === 'object' && input !== null ? (input as { id?: unknown }).id : undefined;
    return typeof id === 'string' && id !== '' ? id : undefined;
  } catch {
    return undefined;
  }
}

/** A rule json-rules-engine runs: never compiled here (custom operators), so never asked for a condition. */
function externalDetector(detector: Detector): CompiledDetector {
  return {
    detector,
    factsRead: [...factsOf(detector.when({} as never, { currency: '*', country: '*', carrier: null }) as Condition)],
    conditionFor: () => {
      throw new Error(`${detector.code} runs on json-rules-engine`);
    },
  };
}

/** A json-rules-engine outcome in the shape findings are built from. */
function fromOutcome(outcome: EngineOutcome): ScopedCondition {
  return {
    thresholds: {},
    condition: { test: () => outcome.fired, explain: () => ({ passed: outcome.fired, conditions: outcome.evidence }), tree: () => outcome.tree },
  };
}

/** The last line of defence: anything unexpected becomes a structured error, never a throw. */
function internalFailure(error: unknown, input: unknown): TriageFailure {
  return failure('internal_error', [{ path: [], message: error instanceof Error ? error.message : String(error) }], input);
}

/**
 * The instant `now` names, read once. A Date can change after it was checked (`setTime` from a
 * getter read later, a `getTime` override): its time value is read once, past any override, and
 * a Date of that value is what is checked and used.
 */
function readNow(now: string | Date): number | Issue[] {
  if (!(now instanceof Date)) return parseTimestamp(now);
  const read = new Date(Date.prototype.getTime.call(now));
  const checked = EvaluateContextSchema.shape.now.safeParse(read);
  return checked.success ? read.getTime() : toIssues(checked.error, ['context', 'now']);
}

/** `{ orderId }` when the input has a readable id, for a failure prepared before the input was known. */
function orderIdOf(input: unknown): { orderId?: string } {
  const id = readOrderId(input);
  return id === undefined ? {} : { orderId: id };
}

function failure(code: EvaluationErrorCode, issues: readonly Issue[], input: unknown): TriageFailure {
  const message =
    code === 'invalid_snapshot'
      ? 'The order snapshot is invalid.'
      : code === 'input_too_large'
        ? 'The order snapshot is larger or deeper than any real order; it was not read further.'
        : code === 'invalid_context'
        ? 'The evaluation context is invalid.'
        : 'order-triage failed unexpectedly; please report this with the input.';
  return { ok: false, ...orderIdOf(input), error: { code, message, issues } };
}

/**
 * Creates a triage: validates the options once (throwing an {@link InvalidOptionsError} that
 * lists every problem), compiles every detector's condition, and returns `evaluate`.
 *
 * @example
 * const triage = createTriage({ locale: 'en', thresholds: { PAYMENT_FAILED: { unpaidMinutes: 45 } } });
 * const report = triage.evaluate(order, { now: '2026-03-01T12:00:00+08:00' });
 * //=> { ok: true, orderId: 'ORD-1001', findings: [...], actions: [...] }
 */
export function createTriage<const O extends TriageOptions>(
  options?: O,
): Triage<O extends { readonly customOperators: readonly unknown[] } ? true : false>;
export function createTriage(options?: TriageOptions): Triage<boolean> {
  const { resolved, rules } = resolveOptions(options);
  const ruleEngine = resolved.customOperators === undefined ? undefined : createRuleEngine(rules, resolved.customOperators as readonly CustomOperator[]);
  const { policy } = resolved;
  // Digits per currency: ISO 4217 unless policy.currencies overrides them (docs/money.md).
  const digitsOf = createCurrencyDigits(policy.currencies);
  const builtIn = Object.hasOwn(messageCatalogues, resolved.locale) ? (messageCatalogues as Record<string, MessageCatalogue>)[resolved.locale] : undefined;
  // A custom catalogue's text that throws or is not a string falls back to the built-in one, and
  // quoted values are shortened and made plain in every catalogue (docs/messages.md).
  const messages: MessageCatalogue = quotingCatalogue(
    Object.hasOwn(resolved.messages, resolved.locale)
      ? guardCatalogue(resolved.messages[resolved.locale] as MessageCatalogue, builtIn ?? messageCatalogues.en)
      : (builtIn ?? messageCatalogues.en),
  );
  const disabled = new Set<string>(resolved.disabled);
  const thresholdsByCode = resolved.thresholds as unknown as Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  const playbookByCode = playbooks as unknown as Readonly<Record<string, Playbook<unknown>>>;
  const ownerByCode = policy.owners as Partial<Record<string, Owner>>;
  const entries: Entry[] = [
    ...(detectors as readonly Detector<DetectorCode>[])
      .filter((d) => !disabled.has(d.code))
      .map((detector): Entry => ({
        compiled: compileDetector(detector, thresholdsByCode[detector.code] ?? {}),
        external: false,
        code: detector.code,
        ruleId: `builtin:${detector.code}`,
        owner: ownerByCode[detector.code] ?? detector.owner,
        playbook: playbookByCode[detector.code] as Playbook<unknown>,
        playbookThresholds: undefined,
        summary: (input) => messages.summaries[detector.code](input),
        checklist: messages.checklists[detector.code],
      })),
    // Sorted by code: the order rules are listed in never changes the output.
    ...buildRuleEntries([...rules].sort((a, b) => (a.rule.event.type < b.rule.event.type ? -1 : 1))).map(
      (rule): Entry => ({
        // Under json-rules-engine the rule's conditions (with custom operators) are never compiled here.
        compiled: ruleEngine === undefined ? compileDetector(rule.detector, {}) : externalDetector(rule.detector),
        external: ruleEngine !== undefined,
        code: rule.detector.code,
        ruleId: rule.ruleName,
        owner: rule.detector.owner,
        playbook: rule.playbook ?? (playbookByCode[rule.borrowsPlaybookOf ?? ''] as Playbook<unknown>),
        playbookThresholds: rule.borrowsPlaybookOf === undefined ? undefined : thresholdsByCode[rule.borrowsPlaybookOf],
        summary: (input) => rule.summary(input, messages),
        checklist: rule.checklist(messages.locale),
      }),
    ),
  ];
  const usesOrderFact = rules.length > 0;
  const factPlan = planFacts(entries.flatMap((e) => e.compiled.factsRead));
  const settings = buildFactSettings(resolved);
  const defaultCalendar: WorkingCalendar = { timeZone: resolved.timeZone, holidays: new Set(), nonWorkingWeekdays: new Set() };
  // Blacklists and calendars are usually shared by many evaluations (and a blacklist may be
  // large): each object is validated and prepared once, on first use, then reused. They are
  // treated as immutable once passed: pass a new object when the list changes.
  const preparedBlacklists = new WeakMap<object, PreparedBlacklist>();
  const preparedCalendars = new WeakMap<object, WorkingCalendar>();

  function prepare<T extends object, P>(
    value: unknown,
    cache: WeakMap<object, P>,
    schema: { safeParse: (v: unknown) => { success: true; data: T } | { success: false; error: z.ZodError } },
    path: string,
    build: (valid: T) => P,
  ): P | Issue[] | undefined {
    if (value === undefined) return undefined;
    if (typeof value === 'object' && value !== null) {
      const cached = cache.get(value);
      if (cached !== undefined) return cached;
    }
    const parsed = schema.safeParse(value);
    if (!parsed.success) return toIssues(parsed.error, ['context', path], schema as unknown as z.ZodType);
    const prepared = build(parsed.data);
    cache.set(value as object, prepared);
    return prepared;
  }

  function factContext(now: number, blacklist: unknown, calendar: unknown): FactContext | Issue[] {
    const list = prepare(blacklist, preparedBlacklists, BlacklistSchema, 'blacklist', prepareBlacklist);
    if (Array.isArray(list)) return list;
    const working = prepare(calendar, preparedCalendars, CalendarSchema, 'calendar', (c: Calendar): WorkingCalendar => ({
      timeZone: c.timeZone ?? resolved.timeZone,
      holidays: new Set(c.holidays ?? []),
      nonWorkingWeekdays: new Set(c.nonWorkingWeekdays ?? []),
    }));
    if (Array.isArray(working)) return working;
    return { now, settings, calendar: working ?? defaultCalendar, blacklist: list };
  }

  function buildFinding(hit: Hit, order: OrderSnapshot, facts: OrderFactRecord, context: FactContext, kit: MessageKit): Finding {
    const { detector } = hit.entry.compiled;
    const factValues: Record<string, unknown> = {};
    for (const name of detector.evidenceFacts) factValues[name] = facts[name];
    return {
      code: hit.entry.code,
      category: detector.category,
      severity: detector.severity,
      orderId: order.id,
      ruleId: hit.entry.ruleId,
      confidence: detector.confidence(facts, order),
      evidence: {
        conditions: hit.scoped.condition.explain(facts).conditions,
        facts: factValues,
        thresholds: { ...hit.scoped.thresholds },
        records: detector.records?.(order, facts, context) ?? {},
      },
      summary: plainText(hit.entry.summary({ order, facts, kit })),
      owner: hit.entry.owner,
      respondBy: addMinutes(context.now, policy.sla[detector.severity]).toISOString(),
      checklist: hit.entry.checklist.map(plainText),
    };
  }

  /** Derives the facts and runs the compiled detectors and rules. */
  function detect(order: OrderSnapshot, context: FactContext): { facts: OrderFactRecord; scope: DetectorScope; hits: Hit[] } {
    const facts = deriveFacts(order, context, factPlan);
    // User rules read the snapshot itself as the fact `order`.
    if (usesOrderFact) (facts as unknown as Record<string, unknown>).order = order;
    // shipment.carrier is only derived when a logistics detector runs; without one, no carrier scope.
    const scope: DetectorScope = { currency: order.currency, country: order.shippingAddress.country, carrier: facts['shipment.carrier'] ?? null };
    const hits: Hit[] = [];
    for (const entry of entries) {
      if (entry.external) continue;
      const scoped = entry.compiled.conditionFor(scope);
      if (scoped.condition.test(facts)) hits.push({ entry, scoped });
    }
    return { facts, scope, hits };
  }

  /** Adds the hits json-rules-engine found, in rule order after the built-ins. */
  async function detectExternal(facts: OrderFactRecord, hits: Hit[]): Promise<Map<string, EngineOutcome>> {
    // json-rules-engine sees own properties only: copy the lazily derived facts out first.
    const plain: Record<string, unknown> = { ...facts };
    for (const name of LAZY_FACT_NAMES) plain[name] = facts[name];
    const outcomes = await (ruleEngine as NonNullable<typeof ruleEngine>).run(plain);
    for (const entry of entries) {
      const outcome = entry.external ? outcomes.get(entry.code) : undefined;
      if (outcome?.fired === true) hits.push({ entry, scoped: fromOutcome(outcome) });
    }
    return outcomes;
  }

  // Evaluations in a row mostly share one `now`: its ISO form is kept rather than made per order.
  let lastInstant = { at: Number.NaN, iso: '' };
  function isoAt(at: number): string {
    if (at !== lastInstant.at) lastInstant = { at, iso: new Date(at).toISOString() };
    return lastInstant.iso;
  }

  function report(order: OrderSnapshot, context: FactContext, facts: OrderFactRecord, hits: readonly Hit[]): TriageReport {
    // Most orders have nothing wrong and no open case: answer them without building anything.
    if (hits.length === 0 && (order.openFindings === undefined || order.openFindings.length === 0)) {
      return { ok: true, orderId: order.id, findings: [], actions: [], case: { evaluatedAt: isoAt(context.now), policyVersion: policy.version, openFindings: [] } };
    }
    // A finding another one explains away (a stalled parcel that is lost) is not reported.
    const fired = new Set<string>(hits.map((h) => h.entry.code));
    const kept = hits.filter((h) => !(h.entry.compiled.detector.supersededBy ?? []).some((code) => fired.has(code)));
    const kit = createMessageKit(messages.locale, order.currency, resolved.timeZone, digitsOf(order.currency));
    const compensation = openCompensationBudget({ order, policy });
    const findings: Finding[] = [];
    const drafts: FindingDrafts[] = [];
    for (const hit of kept) {
      findings.push(buildFinding(hit, order, facts, context, kit));
      drafts.push({
        code: hit.entry.code,
        severity: hit.entry.compiled.detector.severity,
        drafts: hit.entry.playbook({
          order,
          facts,
          thresholds: hit.entry.playbookThresholds ?? hit.scoped.thresholds,
          policy,
          messages,
          kit,
          now: context.now,
          context,
          compensation,
        }),
      });
    }
    appendAll(drafts, draftCaseFollowUps(order, findings, policy, messages, context.now));
    const since = openSince(order);
    const evaluatedAt = isoAt(context.now);
    return {
      ok: true,
      orderId: order.id,
      findings,
      actions: drafts.length === 0 ? [] : finaliseActions(order, drafts, policy, messages, kit, context.now),
      case: {
        evaluatedAt,
        policyVersion: policy.version,
        openFindings: findings.map((f) => {
          const opened = since.get(f.code);
          return { code: f.code, since: opened === undefined ? evaluatedAt : new Date(opened).toISOString() };
        }),
      },
    };
  }

  /** Validates and prepares an evaluation context, or says what is wrong with it; never throws. */
  function prepareContext(context: unknown, snapshot: unknown): { context: FactContext; trusted: boolean } | TriageFailure {
    try {
      return readContext(context, snapshot);
    } catch (error) {
      // A context whose reading throws (a throwing getter, a Proxy around a Date) is bad input.
      return failure('invalid_context', [{ path: ['context'], message: `could not be read: ${describeError(error)}` }], snapshot);
    }
  }

  function readContext(context: unknown, snapshot: unknown): { context: FactContext; trusted: boolean } | TriageFailure {
    const ctx = EvaluateContextShellSchema.safeParse(context);
    if (!ctx.success) return failure('invalid_context', toIssues(ctx.error, ['context'], EvaluateContextSchema), snapshot);
    const now = readNow(ctx.data.now);
    if (typeof now !== 'number') return failure('invalid_context', now, snapshot);
    const factCtx = factContext(now, ctx.data.blacklist, ctx.data.calendar);
    if (Array.isArray(factCtx)) return failure('invalid_context', factCtx, snapshot);
    return { context: factCtx, trusted: ctx.data.trusted === true };
  }

  /** Validates a snapshot, then checks that its money sums stay exact (see ledgerIssues). */
  function prepareSnapshot(snapshot: unknown, trusted: boolean): { order: OrderSnapshot } | TriageFailure {
    let checked: { order: OrderSnapshot } | TriageFailure;
    try {
      checked = validateSnapshot(snapshot, trusted);
    } catch (error) {
      // A snapshot that throws when read (a getter, a Proxy trap) is bad input: say where.
      return failure('invalid_snapshot', [unreadableIssue(snapshot, SNAPSHOT_LIMITS, error)], snapshot);
    }
    const issues = 'ok' in checked ? [] : ledgerIssues(checked.order);
    return issues.length === 0 ? checked : failure('invalid_snapshot', issues, snapshot);
  }

  /** Validates a snapshot (size first, then the schema), or says what is wrong with it. */
  function validateSnapshot(snapshot: unknown, trusted: boolean): { order: OrderSnapshot } | TriageFailure {
    // A snapshot the caller already parsed with OrderSnapshotSchema (plain data, docs/snapshot.md)
    // may skip re-validation and is read in place.
    if (trusted) return { order: snapshot as OrderSnapshot };
    // Most snapshots are valid: a compiled check (what it accepts, zod and the size guard accept)
    // copies them as it reads them, each value once, far cheaper than zod; the engine evaluates
    // that copy, so a getter or Proxy cannot answer differently later. Anything else takes the
    // full path below (zod's output is a copy too), which names every problem.
    const accepted = acceptSnapshot?.(snapshot);
    if (accepted !== undefined) return { order: accepted };
    const tooLarge = checkSize(snapshot, SNAPSHOT_LIMITS);
    if (tooLarge !== undefined) return failure('input_too_large', [tooLarge], snapshot);
    const parsed = OrderSnapshotSchema.safeParse(snapshot);
    if (!parsed.success) return failure('invalid_snapshot', toIssues(parsed.error), snapshot);
    // zod passes unknown fields on by reference: copying its output once more holds them to the
    // size limits and reads each of them once (a non-plain value keeps zod's output as it is).
    return { order: acceptSnapshot?.(parsed.data) ?? parsed.data };
  }

  /** Validates the context and snapshot, or says what is wrong with them. */
  function prepareInput(snapshot: unknown, context: EvaluateContext): { order: OrderSnapshot; context: FactContext } | TriageFailure {
    const prepared = prepareContext(context, snapshot);
    if ('ok' in prepared) return prepared;
    const checked = prepareSnapshot(snapshot, prepared.trusted);
    return 'ok' in checked ? checked : { order: checked.order, context: prepared.context };
  }

  function explain(snapshot: unknown, context: EvaluateContext, code: string): Explanation | TriageFailure | Promise<Explanation | TriageFailure> {
    try {
      const entry = entries.find((e) => e.code === code);
      if (entry === undefined) {
        const known = entries.map((e) => e.code as string);
        const hint = typeof code === 'string' ? suggestKey(code, known) : undefined;
        const failed = failure('unknown_code', [{ path: ['code'], message: `no enabled detector or rule raises ${JSON.stringify(code)}${hint === undefined ? '' : `; did you mean "${hint}"?`}` }], snapshot);
        return ruleEngine === undefined ? failed : Promise.resolve(failed);
      }
      const input = prepareInput(snapshot, context);
      if ('ok' in input) return ruleEngine === undefined ? input : Promise.resolve(input);
      const { order } = input;
      const { facts, scope, hits } = detect(order, input.context);
      const firedCodes = new Set(hits.map((h) => h.entry.code as string));
      const explained = (fired: boolean, thresholds: Readonly<Record<string, unknown>>, conditions: ExplainedCondition): Explanation => ({
        ok: true,
        orderId: order.id,
        code: entry.code,
        ruleId: entry.ruleId,
        fired,
        supersededBy: fired ? (entry.compiled.detector.supersededBy ?? []).filter((other) => firedCodes.has(other)) : [],
        thresholds: { ...thresholds },
        conditions,
      });
      if (ruleEngine === undefined) {
        const scoped = entry.compiled.conditionFor(scope);
        return explained(scoped.condition.test(facts), scoped.thresholds, scoped.condition.tree(facts));
      }
      return (async () => {
        const outcomes = await detectExternal(facts, hits);
        for (const h of hits) firedCodes.add(h.entry.code);
        if (entry.external) {
          const outcome = outcomes.get(entry.code);
          return explained(outcome?.fired === true, {}, outcome?.tree ?? { kind: 'all', passed: false, conditions: [] });
        }
        const scoped = entry.compiled.conditionFor(scope);
        return explained(scoped.condition.test(facts), scoped.thresholds, scoped.condition.tree(facts));
      })().catch((error: unknown) => internalFailure(error, snapshot));
    } catch (error) {
      return internalFailure(error, snapshot);
    }
  }

  type One = { order: OrderSnapshot | undefined; result: EvaluateResult };

  function evaluatePrepared(snapshot: unknown, factCtx: FactContext): One | Promise<One> {
    const internal = (error: unknown): One => ({ order: undefined, result: internalFailure(error, snapshot) });
    try {
      const checked = prepareSnapshot(snapshot, false);
      if ('ok' in checked) return { order: undefined, result: checked };
      const { order } = checked;
      const { facts, hits } = detect(order, factCtx);
      if (ruleEngine === undefined) return { order, result: report(order, factCtx, facts, hits) };
      return detectExternal(facts, hits).then(() => ({ order, result: report(order, factCtx, facts, hits) }), internal);
    } catch (error) {
      return internal(error);
    }
  }

  async function evaluateBatch(snapshots: Iterable<unknown> | AsyncIterable<unknown>, context: BatchContext): Promise<BatchReport> {
    // Bad arguments reject the promise before any order is read or reported.
    const args = readBatchArguments(snapshots, context);
    if ('issues' in args) throw new OrderTriageError(`Invalid evaluateBatch arguments (${args.issues.length} problem${args.issues.length === 1 ? '' : 's'}):`, args.issues);
    const { baseline, keepReports, onReport, context: evaluationContext } = args;
    // The context is checked and prepared once for the whole batch.
    const prepared = prepareContext(evaluationContext, undefined);
    const batch = resolved.batch;
    return evaluateBatchWith(snapshots, {
      evaluateOne: (snapshot) =>
        'ok' in prepared ? { order: undefined, result: { ...prepared, ...orderIdOf(snapshot) } } : evaluatePrepared(snapshot, prepared.context),
      now: 'ok' in prepared ? 0 : prepared.context.now,
      thresholds: { ...batch, kpi: batch.kpi },
      baseline,
      policy,
      messages,
      kit: createMessageKit(messages.locale, 'CNY', resolved.timeZone, digitsOf('CNY')),
      timeZone: resolved.timeZone,
      keepReports,
      onReport,
    });
  }

  function evaluate(snapshot: unknown, context: EvaluateContext): EvaluateResult | Promise<EvaluateResult> {
    try {
      const input = prepareInput(snapshot, context);
      if ('ok' in input) return ruleEngine === undefined ? input : Promise.resolve(input);
      const { facts, hits } = detect(input.order, input.context);
      if (ruleEngine === undefined) return report(input.order, input.context, facts, hits);
      return detectExternal(facts, hits)
        .then(() => report(input.order, input.context, facts, hits))
        .catch((error: unknown) => internalFailure(error, snapshot));
    } catch (error) {
      // A last line of defence: evaluate promises never to throw for any input.
      return internalFailure(error, snapshot);
    }
  }

  return { evaluate, explain, evaluateBatch, options: resolved } as Triage<boolean>;
}
