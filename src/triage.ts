import { addMinutes } from 'date-fns';
import type { z } from 'zod';
import { compileCondition, type CompiledCondition } from './conditions/compile-condition.js';
import type { Detector, Owner } from './detectors/detector.js';
import { detectors, type DetectorCode } from './detectors/registry.js';
import { InvalidOptionsError, type Issue } from './errors.js';
import { deriveFacts, type FactSettings, type OrderFactRecord } from './facts/derive-facts.js';
import type { Finding } from './findings/finding.js';
import type { MessageCatalogue } from './messages/catalogue.js';
import { messageCatalogues } from './messages/locales.js';
import { createMessageKit, type MessageKit } from './messages/message-kit.js';
import type { Action } from './playbooks/action.js';
import { finaliseActions, type FindingDrafts } from './playbooks/finalise-actions.js';
import type { Playbook } from './playbooks/playbook.js';
import { playbooks } from './playbooks/registry.js';
import { EvaluateContextSchema, type EvaluateContext } from './schema/context.js';
import { toIssues } from './schema/issues.js';
import { TriageOptionsSchema, type ResolvedOptions, type TriageOptions } from './schema/options.js';
import { OrderSnapshotSchema, type OrderSnapshot } from './schema/snapshot.js';

/** Why an evaluation could not run. */
export type EvaluationErrorCode = 'invalid_snapshot' | 'invalid_context' | 'internal_error';

/** The findings and actions for one order. */
export interface TriageReport {
  readonly ok: true;
  readonly orderId: string;
  /** Every exception found, in catalogue order. */
  readonly findings: Finding[];
  /** The playbook: what to do, who, by when, what to tell the customer. */
  readonly actions: Action[];
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

/** A configured triage: options validated and detectors compiled once, then used per order. */
export interface Triage {
  /**
   * Evaluates one order snapshot at `context.now`. Never throws for bad input: a snapshot that
   * fails validation gives `{ ok: false, error: { code, issues: [{ path, message }] } }`.
   *
   * @example
   * const report = triage.evaluate(order, { now: '2026-03-01T12:00:00+08:00' });
   * if (report.ok) for (const f of report.findings) console.log(f.code, f.summary);
   */
  evaluate(snapshot: unknown, context: EvaluateContext): EvaluateResult;
  /** The options in force, with defaults filled in. */
  readonly options: ResolvedOptions;
}

interface CompiledDetector {
  readonly detector: Detector<DetectorCode>;
  readonly thresholds: Readonly<Record<string, unknown>>;
  readonly condition: CompiledCondition;
  readonly owner: Owner;
  readonly playbook: Playbook<unknown>;
}

function resolveOptions(options: unknown): ResolvedOptions {
  const parsed = TriageOptionsSchema.safeParse(options ?? {});
  if (!parsed.success) throw new InvalidOptionsError(toIssues(parsed.error, [], TriageOptionsSchema));
  return parsed.data as unknown as ResolvedOptions;
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

function failure(code: EvaluationErrorCode, issues: readonly Issue[], input: unknown): TriageFailure {
  const id = readOrderId(input);
  const message =
    code === 'invalid_snapshot'
      ? 'The order snapshot is invalid.'
      : code === 'invalid_context'
        ? 'The evaluation context is invalid.'
        : 'order-triage failed unexpectedly; please report this with the input.';
  return {
    ok: false,
    ...(id === undefined ? {} : { orderId: id }),
    error: { code, message, issues },
  };
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
export function createTriage(options?: TriageOptions): Triage {
  const resolved = resolveOptions(options);
  const { policy } = resolved;
  const disabled = new Set<string>(resolved.disabled);
  const thresholdsByCode = resolved.thresholds as unknown as Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  const playbookByCode = playbooks as unknown as Readonly<Record<string, Playbook<unknown>>>;
  const compiled: CompiledDetector[] = (detectors as readonly Detector<DetectorCode, z.ZodObject>[])
    .filter((d) => !disabled.has(d.code))
    .map((detector) => {
      const thresholds = thresholdsByCode[detector.code] ?? {};
      return {
        detector,
        thresholds,
        condition: compileCondition(detector.when(thresholds as never)),
        owner: (policy.owners as Partial<Record<string, Owner>>)[detector.code] ?? detector.owner,
        playbook: playbookByCode[detector.code] as Playbook<unknown>,
      };
    });
  const messages: MessageCatalogue = messageCatalogues[resolved.locale];
  const factSettings: FactSettings = { cashOnDeliveryMethods: new Set(policy.paymentMethods.cashOnDelivery) };

  function buildFinding(entry: CompiledDetector, order: OrderSnapshot, facts: OrderFactRecord, kit: MessageKit, now: number): Finding {
    const { detector, thresholds } = entry;
    const factValues: Record<string, unknown> = {};
    for (const name of detector.evidenceFacts) factValues[name] = facts[name];
    return {
      code: detector.code,
      category: detector.category,
      severity: detector.severity,
      orderId: order.id,
      ruleId: `builtin:${detector.code}`,
      confidence: detector.confidence(facts, order),
      evidence: {
        conditions: entry.condition.explain(facts).conditions,
        facts: factValues,
        thresholds: { ...thresholds },
        records: detector.records?.(order, facts) ?? {},
      },
      summary: messages.summaries[detector.code]({ order, facts, kit }),
      owner: entry.owner,
      respondBy: addMinutes(now, policy.sla[detector.severity]).toISOString(),
      checklist: [...messages.checklists[detector.code]],
    };
  }

  function run(order: OrderSnapshot, now: number): TriageReport {
    const facts = deriveFacts(order, now, factSettings);
    let kit: MessageKit | undefined;
    const findings: Finding[] = [];
    const drafts: FindingDrafts[] = [];
    for (const entry of compiled) {
      if (!entry.condition.test(facts)) continue;
      kit ??= createMessageKit(messages.locale, order.currency, resolved.timeZone);
      const finding = buildFinding(entry, order, facts, kit, now);
      findings.push(finding);
      drafts.push({
        code: entry.detector.code,
        severity: entry.detector.severity,
        drafts: entry.playbook({ order, facts, thresholds: entry.thresholds, policy, messages, kit, now }),
      });
    }
    const actions = drafts.length === 0 ? [] : finaliseActions(order, drafts, policy, messages.locale, now);
    return { ok: true, orderId: order.id, findings, actions };
  }

  function evaluate(snapshot: unknown, context: EvaluateContext): EvaluateResult {
    try {
      const ctx = EvaluateContextSchema.safeParse(context);
      if (!ctx.success) return failure('invalid_context', toIssues(ctx.error, ['context'], EvaluateContextSchema), snapshot);
      const parsed = OrderSnapshotSchema.safeParse(snapshot);
      if (!parsed.success) return failure('invalid_snapshot', toIssues(parsed.error), snapshot);
      const now = ctx.data.now instanceof Date ? ctx.data.now.getTime() : Date.parse(ctx.data.now);
      return run(parsed.data, now);
    } catch (error) {
      // A last line of defence: evaluate promises never to throw for any input.
      return failure('internal_error', [{ path: [], message: error instanceof Error ? error.message : String(error) }], snapshot);
    }
  }

  return { evaluate, options: resolved };
}
