import type { Condition } from '../conditions/condition.js';
import { type CompiledDetector, compileDetector, factsOf, type ScopedCondition } from '../detectors/compile-detector.js';
import type { Detector, DetectorScope, Owner } from '../detectors/detector.js';
import { type DetectorCode, detectors } from '../detectors/registry.js';
import { LAZY_FACT_NAMES } from '../facts/customer-facts.js';
import { deriveFacts, type FactContext, type FactPlan, type OrderFactRecord, planFacts } from '../facts/derive-facts.js';
import { computeUserFacts, type ValidUserFact } from '../facts/user-facts.js';
import type { MessageCatalogue, SummaryInput } from '../messages/catalogue.js';
import type { FindingCode } from '../playbooks/action.js';
import type { Playbook } from '../playbooks/playbook.js';
import { playbooks } from '../playbooks/registry.js';
import { type CustomOperator, createRuleEngine, type EngineOutcome } from '../rules/rule-engine.js';
import { buildRuleEntries } from '../rules/rule-entries.js';
import type { ValidRule } from '../rules/validate-rules.js';
import type { ResolvedOptions } from '../schema/options.js';
import type { OrderSnapshot } from '../schema/snapshot.js';

/** One code the triage can raise: a built-in detector or a user rule, compiled, with what reports it. */
export interface Entry {
  readonly compiled: CompiledDetector;
  /** A user rule run by json-rules-engine (custom operators), not by the compiled conditions. */
  readonly external: boolean;
  readonly code: FindingCode;
  readonly ruleId: string;
  /** A user rule's own `event.params` (the keys order-triage does not read), carried to its findings. */
  readonly params?: Readonly<Record<string, unknown>>;
  readonly owner: Owner;
  readonly playbook: Playbook<unknown>;
  /** Thresholds the playbook runs with, when they are not the finding's own (a rule borrowing a built-in playbook). */
  readonly playbookThresholds: Readonly<Record<string, unknown>> | undefined;
  readonly summary: (input: SummaryInput) => string;
  readonly checklist: readonly string[];
}

/** An entry whose conditions held on an order, with the thresholds and condition in force for it. */
export interface Hit {
  readonly entry: Entry;
  readonly scoped: ScopedCondition;
}

/** Everything detection needs, compiled once per triage. */
export interface Detection {
  /** Built-in detectors in catalogue order, then user rules by priority (higher first), then code. */
  readonly entries: readonly Entry[];
  /** The fact groups the entries read: only those are derived. */
  readonly factPlan: FactPlan;
  /** User rules read the snapshot itself as the fact `order`. */
  readonly usesOrderFact: boolean;
  /** Facts of the caller's own (options.facts), computed per order when user rules exist. */
  readonly userFacts: readonly ValidUserFact[];
  /** json-rules-engine running the user rules, when custom operators are configured. */
  readonly ruleEngine: ReturnType<typeof createRuleEngine> | undefined;
}

/** What detecting on one order found: its facts, its scope and the hits. */
export interface Detected {
  readonly facts: OrderFactRecord;
  readonly scope: DetectorScope;
  readonly hits: Hit[];
  /** User facts that could not be computed (read as undefined), for the report's warnings. */
  readonly warnings: { path: (string | number)[]; message: string }[];
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

const thresholdsOf = (resolved: ResolvedOptions) => resolved.thresholds as unknown as Readonly<Record<string, Readonly<Record<string, unknown>>>>;
const playbookByCode = playbooks as unknown as Readonly<Record<string, Playbook<unknown>>>;

function builtInEntries(resolved: ResolvedOptions, messages: MessageCatalogue): Entry[] {
  const disabled = new Set<string>(resolved.disabled);
  const ownerByCode = resolved.policy.owners as Partial<Record<string, Owner>>;
  return (detectors as readonly Detector<DetectorCode>[])
    .filter((d) => !disabled.has(d.code))
    .map(
      (detector): Entry => ({
        compiled: compileDetector(detector, thresholdsOf(resolved)[detector.code] ?? {}),
        external: false,
        code: detector.code,
        ruleId: `builtin:${detector.code}`,
        owner: ownerByCode[detector.code] ?? detector.owner,
        playbook: playbookByCode[detector.code] as Playbook<unknown>,
        playbookThresholds: undefined,
        summary: (input) => messages.summaries[detector.code](input),
        checklist: messages.checklists[detector.code],
      }),
    );
}

function ruleEntries(resolved: ResolvedOptions, rules: readonly ValidRule[], messages: MessageCatalogue, external: boolean): Entry[] {
  // Higher json-rules-engine priority first, then by code: the order rules are listed in never changes the output.
  return buildRuleEntries([...rules].sort((a, b) => b.priority - a.priority || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))).map(
    (rule): Entry => ({
      // Under json-rules-engine the rule's conditions (with custom operators) are never compiled here.
      compiled: external ? externalDetector(rule.detector) : compileDetector(rule.detector, {}),
      external,
      code: rule.detector.code,
      ruleId: rule.ruleName,
      ...(rule.params === undefined ? {} : { params: rule.params }),
      owner: rule.detector.owner,
      playbook: rule.playbook ?? (playbookByCode[rule.borrowsPlaybookOf ?? ''] as Playbook<unknown>),
      playbookThresholds: rule.borrowsPlaybookOf === undefined ? undefined : thresholdsOf(resolved)[rule.borrowsPlaybookOf],
      summary: (input) => rule.summary(input, messages),
      checklist: rule.checklist(messages.locale),
    }),
  );
}

/**
 * Compiles every enabled detector and user rule once (user rules go to json-rules-engine when
 * custom operators are configured) and plans which facts they read.
 *
 * @example
 * const detection = createDetection(resolved, rules, messages);
 * detection.entries.map((e) => e.code) //=> ['PAYMENT_FAILED', ...]
 */
export function createDetection(resolved: ResolvedOptions, rules: readonly ValidRule[], messages: MessageCatalogue, userFacts: readonly ValidUserFact[] = []): Detection {
  // No custom operator (absent or an empty list): the rules are compiled here and evaluate stays synchronous.
  const operators = (resolved.customOperators ?? []) as readonly CustomOperator[];
  const ruleEngine = operators.length === 0 ? undefined : createRuleEngine(rules, operators);
  const entries = [...builtInEntries(resolved, messages), ...ruleEntries(resolved, rules, messages, ruleEngine !== undefined)];
  return { entries, factPlan: planFacts(entries.flatMap((e) => e.compiled.factsRead)), usesOrderFact: rules.length > 0, userFacts: rules.length > 0 ? userFacts : [], ruleEngine };
}

/**
 * Derives the facts and runs the compiled detectors and rules (not those json-rules-engine runs:
 * see detectExternal).
 *
 * @example
 * detect(detection, order, context).hits.map((h) => h.entry.code) //=> ['PAYMENT_FAILED']
 */
export function detect(detection: Detection, order: OrderSnapshot, context: FactContext): Detected {
  const facts = deriveFacts(order, context, detection.factPlan);
  if (detection.usesOrderFact) (facts as unknown as Record<string, unknown>).order = order;
  const failures = detection.userFacts.length === 0 ? [] : computeUserFacts(facts as unknown as Record<string, unknown>, order, detection.userFacts);
  const warnings = failures.map((f) => ({ path: ['facts', f.name], message: f.message }));
  // shipment.carrier is only derived when a logistics detector runs; without one, no carrier scope.
  const scope: DetectorScope = { currency: order.currency, country: order.shippingAddress.country, carrier: facts['shipment.carrier'] ?? null };
  const hits: Hit[] = [];
  for (const entry of detection.entries) {
    if (entry.external) continue;
    const scoped = entry.compiled.conditionFor(scope);
    if (scoped.condition.test(facts)) hits.push({ entry, scoped });
  }
  return { facts, scope, hits, warnings };
}

/**
 * Runs the user rules on json-rules-engine and adds its hits to `hits`, in rule order after the
 * built-ins; answers every rule's outcome by code.
 *
 * @example
 * const { facts, hits } = detect(detection, order, context);
 * await detectExternal(detection, facts, hits); // hits now include the rules that fired
 */
export async function detectExternal(detection: Detection, facts: OrderFactRecord, hits: Hit[]): Promise<Map<string, EngineOutcome>> {
  // json-rules-engine sees own properties only: copy the lazily derived facts out first.
  const plain: Record<string, unknown> = { ...facts };
  for (const name of LAZY_FACT_NAMES) plain[name] = facts[name];
  const outcomes = await (detection.ruleEngine as NonNullable<Detection['ruleEngine']>).run(plain);
  for (const entry of detection.entries) {
    const outcome = entry.external ? outcomes.get(entry.code) : undefined;
    if (outcome?.fired === true) hits.push({ entry, scoped: fromOutcome(outcome) });
  }
  return outcomes;
}
