import { quoteValue } from '../_lib/json-copy.js';
import { writeOwn } from '../_lib/own-key.js';
import type { ExplainedCondition } from '../conditions/condition.js';
import type { DetectorScope } from '../detectors/detector.js';
import type { Issue } from '../errors.js';
import type { OrderFactRecord } from '../facts/derive-facts.js';
import { suggestKey } from '../schema/issues.js';
import type { OrderSnapshot } from '../schema/snapshot.js';
import { type Detection, detect, detectExternal, type Entry, type Hit } from './detect.js';
import { failure } from './failure.js';
import { type InputState, prepareInput } from './prepare-input.js';
import type { Explanation, TriageFailure } from './types.js';

/** The explanation of `entry` on `order`, given whether it fired, its thresholds and its condition tree. */
function explanation(
  entry: Entry,
  order: OrderSnapshot,
  firedCodes: ReadonlySet<string>,
  fired: boolean,
  thresholds: Readonly<Record<string, unknown>>,
  conditions: ExplainedCondition,
  warnings: readonly Issue[],
): Explanation {
  return {
    ok: true,
    orderId: order.id,
    code: entry.code,
    ruleId: entry.ruleId,
    fired,
    supersededBy: fired ? (entry.compiled.detector.supersededBy ?? []).filter((other) => firedCodes.has(other)) : [],
    thresholds: { ...thresholds },
    conditions,
    warnings: [...warnings],
  };
}

/** A compiled entry explained by its own condition in the order's scope. */
function explainCompiled(
  entry: Entry,
  order: OrderSnapshot,
  facts: OrderFactRecord,
  scope: DetectorScope,
  firedCodes: ReadonlySet<string>,
  warnings: readonly Issue[],
): Explanation {
  const scoped = entry.compiled.conditionFor(scope);
  return explanation(entry, order, firedCodes, scoped.condition.test(facts), scoped.thresholds, scoped.condition.tree(facts), warnings);
}

/** The same after json-rules-engine ran the user rules: a rule it runs is explained by its outcome. */
async function explainExternal(
  detection: Detection,
  entry: Entry,
  order: OrderSnapshot,
  facts: OrderFactRecord,
  scope: DetectorScope,
  hits: Hit[],
  warnings: readonly Issue[],
): Promise<Explanation> {
  const outcomes = await detectExternal(detection, facts, hits);
  const firedCodes = new Set(hits.map((h) => h.entry.code as string));
  if (!entry.external) return explainCompiled(entry, order, facts, scope, firedCodes, warnings);
  const outcome = outcomes.get(entry.code);
  return explanation(entry, order, firedCodes, outcome?.fired === true, {}, outcome?.tree ?? { kind: 'all', passed: false, conditions: [] }, warnings);
}

/** The explanation with the value of each user fact (options.facts) for this order, when there are any. */
function withUserFacts(detection: Detection, facts: OrderFactRecord, explained: Explanation): Explanation {
  if (detection.userFacts.length === 0) return explained;
  const values: Record<string, unknown> = {};
  for (const { name } of detection.userFacts) {
    // A fact that reads undefined (it returned undefined, or failed: evaluate's warnings say why) is left out, so null stays null.
    const value = (facts as unknown as Record<string, unknown>)[name];
    if (value !== undefined) writeOwn(values, name, quoteValue(value));
  }
  return { ...explained, userFacts: values };
}

/**
 * The `unknown_code` failure for a code no enabled detector or rule raises, with the closest
 * known code as a hint; undefined when some entry raises it.
 *
 * @example
 * unknownCode(detection, 'PAYMENT_FAILD', order)?.error.issues[0].message
 * //=> 'no enabled detector or rule raises "PAYMENT_FAILD"; did you mean "PAYMENT_FAILED"?'
 */
export function unknownCode(detection: Detection, code: string, snapshot: unknown): TriageFailure | undefined {
  if (detection.entries.some((e) => e.code === code)) return undefined;
  const hint =
    typeof code === 'string'
      ? suggestKey(
          code,
          detection.entries.map((e) => e.code as string),
        )
      : undefined;
  return failure(
    'unknown_code',
    [{ path: ['code'], message: `no enabled detector or rule raises ${JSON.stringify(code)}${hint === undefined ? '' : `; did you mean "${hint}"?`}` }],
    snapshot,
  );
}

/**
 * Says why `code` did or did not fire on one order, condition by condition; bad input is a
 * failure. It may throw on a bug: the caller settles it (see settle).
 *
 * @example
 * explainCode(detection, state, order, { now }, 'PAYMENT_FAILED') //=> { ok: true, fired: false, conditions: {...}, ... }
 */
export function explainCode(
  detection: Detection,
  state: InputState,
  snapshot: unknown,
  context: unknown,
  code: string,
): Explanation | TriageFailure | Promise<Explanation | TriageFailure> {
  const unknown = unknownCode(detection, code, snapshot);
  if (unknown !== undefined) return unknown;
  const entry = detection.entries.find((e) => e.code === code) as Entry;
  const input = prepareInput(state, snapshot, context);
  if ('ok' in input) return input;
  const { order } = input;
  const { facts, scope, hits } = detect(detection, order, input.context);
  if (detection.ruleEngine !== undefined) return explainExternal(detection, entry, order, facts, scope, hits, input.warnings).then((e) => withUserFacts(detection, facts, e));
  return withUserFacts(detection, facts, explainCompiled(entry, order, facts, scope, new Set(hits.map((h) => h.entry.code as string)), input.warnings));
}
