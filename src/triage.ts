import type { CrossOrderKey } from './batch/cross-order-keys.js';
import type { CrossOrderResult } from './batch/detect-cross-order.js';
import { batchDetectors } from './batch/detectors/index.js';
import { type BatchReport, evaluateBatchWith, readBatchArguments } from './batch/evaluate-batch.js';
import { builtInSeverity } from './batch/review.js';
import { crossOrderKeysOf, detectCrossOrderWith } from './engine/cross-order.js';
import { createDetection, type Detection, detect, detectExternal } from './engine/detect.js';
import { explainCode } from './engine/explain.js';
import { internalFailure, orderIdOf } from './engine/failure.js';
import { type CheckedSnapshot, createInputState, prepareContext, prepareInput, prepareSnapshot } from './engine/prepare-input.js';
import { createReporting, type Reporting, report } from './engine/report.js';
import { resolveMessages, resolveOptions } from './engine/resolve-options.js';
import { settle } from './engine/settle.js';
import type { BatchContext, CrossOrderContext, CrossOrderKeysContext, Triage } from './engine/triage-type.js';
import type { EvaluateResult, TriageReport } from './engine/types.js';
import { OrderTriageError } from './errors.js';
import type { FactContext } from './facts/derive-facts.js';
import { createMessageKit } from './messages/message-kit.js';
import type { EvaluateContext } from './schema/context.js';
import type { TriageOptions } from './schema/options.js';
import type { OrderSnapshot } from './schema/snapshot.js';

export type { BatchContext, CrossOrderContext, CrossOrderKeysContext, Triage } from './engine/triage-type.js';
export type { CaseState, EvaluateResult, EvaluationErrorCode, Explanation, TriageFailure, TriageReport } from './engine/types.js';

/**
 * Detects and reports one prepared order: synchronously, or after json-rules-engine ran the user
 * rules when custom operators are configured.
 */
function run(detection: Detection, reporting: Reporting, checked: CheckedSnapshot, context: FactContext): TriageReport | Promise<TriageReport> {
  const { order } = checked;
  const detected = detect(detection, order, context);
  const { facts, hits } = detected;
  // What reading tolerated, then a user fact that failed (it reads undefined; docs/rules.md, User facts).
  const warnings = detected.warnings.length === 0 ? checked.warnings : [...checked.warnings, ...detected.warnings];
  if (detection.ruleEngine === undefined) return report(reporting, order, context, facts, hits, warnings);
  return detectExternal(detection, facts, hits).then(() => report(reporting, order, context, facts, hits, warnings));
}

/**
 * Whether a triage made with these options answers with promises: a non-empty list of custom
 * operators (a literal one) does; none or `[]` does not; a list whose length the type does not
 * say may do either (a promise or not: `await` reads both).
 */
export type AsyncFor<O> = O extends { readonly customOperators: readonly [] }
  ? false
  : O extends { readonly customOperators: readonly [unknown, ...unknown[]] }
    ? true
    : O extends { readonly customOperators: readonly unknown[] }
      ? boolean
      : false;

/**
 * Creates a triage: validates the options once (throwing an `InvalidOptionsError` that
 * lists every problem), compiles every detector's condition, and returns the triage
 * (`evaluate`, `explain`, `evaluateBatch` and the options in force). Each call passes the
 * stages in src/engine/ (docs/architecture.md): prepare input, detect, plan and report.
 *
 * @example
 * const triage = createTriage({ locale: 'en', thresholds: { PAYMENT_FAILED: { unpaidMinutes: 45 } } });
 * const report = triage.evaluate(order, { now: '2026-03-01T12:00:00+08:00' });
 * //=> { ok: true, orderId: 'ORD-1001', findings: [...], actions: [...], case: {...} }
 */
export function createTriage<const O extends TriageOptions>(options?: O): Triage<AsyncFor<O>>;
export function createTriage(options?: TriageOptions): Triage<boolean> {
  const { resolved, rules, userFacts } = resolveOptions(options);
  const messages = resolveMessages(resolved);
  const detection = createDetection(resolved, rules, messages, userFacts);
  const input = createInputState(resolved);
  const reporting = createReporting(resolved, messages);
  const async = detection.ruleEngine !== undefined;
  /** The message kit in one currency (a batch action's staff note is written in its orders' currency). */
  const kitFor = (currency: string) => createMessageKit(messages.locale, currency, resolved.policy.timeZone, reporting.digitsOf(currency), messages.carrierName);

  function evaluate(snapshot: unknown, context: EvaluateContext): EvaluateResult | Promise<EvaluateResult> {
    return settle<EvaluateResult>(
      () => {
        const prepared = prepareInput(input, snapshot, context);
        return 'ok' in prepared ? prepared : run(detection, reporting, prepared, prepared.context);
      },
      (error) => internalFailure(error, snapshot),
      async,
    );
  }

  function explain(snapshot: unknown, context: EvaluateContext, code: string) {
    return settle(
      () => explainCode(detection, input, snapshot, context, code),
      (error) => internalFailure(error, snapshot),
      async,
    );
  }

  type One = { order: OrderSnapshot | undefined; result: EvaluateResult };
  /** One order of a batch whose context is already prepared: the order too when it was valid. */
  function evaluateOne(snapshot: unknown, context: FactContext): One | Promise<One> {
    return settle<One>(
      () => {
        const checked = prepareSnapshot(snapshot, false, input.strict);
        if ('ok' in checked) return { order: undefined, result: checked };
        const result = run(detection, reporting, checked, context);
        return result instanceof Promise ? result.then((r) => ({ order: checked.order, result: r })) : { order: checked.order, result };
      },
      (error) => ({ order: undefined, result: internalFailure(error, snapshot) }),
      false,
    );
  }

  async function evaluateBatch(snapshots: Iterable<unknown> | AsyncIterable<unknown>, context: BatchContext): Promise<BatchReport> {
    // Bad arguments reject the promise before any order is read or reported.
    const args = readBatchArguments(snapshots, context);
    if ('issues' in args) throw new OrderTriageError(`Invalid evaluateBatch arguments (${args.issues.length} problem${args.issues.length === 1 ? '' : 's'}):`, args.issues);
    // The context is checked and prepared once for the whole batch.
    const prepared = prepareContext(input, args.context, undefined);
    const batch = resolved.batch;
    return evaluateBatchWith(snapshots, {
      evaluateOne: (snapshot) => ('ok' in prepared ? { order: undefined, result: { ...prepared, ...orderIdOf(snapshot) } } : evaluateOne(snapshot, prepared.context)),
      now: 'ok' in prepared ? 0 : prepared.context.now,
      thresholds: { ...batch, kpi: batch.kpi },
      baseline: args.baseline,
      allowlist: args.allowlist,
      policy: resolved.policy,
      messages,
      kitFor,
      timeZone: resolved.policy.timeZone,
      severityOf: (code) => detection.entries.find((entry) => entry.code === code)?.compiled.detector.severity ?? builtInSeverity(code),
      keepReports: args.keepReports,
      onReport: args.onReport,
    });
  }

  const crossOrder = { thresholds: resolved.batch, detectors: batchDetectors, policy: resolved.policy, messages, kitFor };
  const crossOrderKeys = (snapshot: unknown, context?: CrossOrderKeysContext): CrossOrderKey[] => crossOrderKeysOf(snapshot, context);
  const detectCrossOrder = (rows: readonly unknown[], context: CrossOrderContext): CrossOrderResult => detectCrossOrderWith(input, rows, context, crossOrder);

  return { evaluate, explain, evaluateBatch, crossOrderKeys, detectCrossOrder, options: resolved } as Triage<boolean>;
}
