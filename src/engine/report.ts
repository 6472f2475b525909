import { isoInstant } from '../_lib/iso-instant.js';
import type { Issue } from '../errors.js';
import type { FactContext, OrderFactRecord } from '../facts/derive-facts.js';
import type { Finding } from '../findings/finding.js';
import type { MessageCatalogue } from '../messages/catalogue.js';
import { createMessageKit, type MessageKit } from '../messages/message-kit.js';
import { plainText } from '../messages/plain-text.js';
import { createCurrencyDigits } from '../money/currency-digits.js';
import { type CaseFinding, caseFindings } from '../playbooks/case-state.js';
import { remediedCodes } from '../playbooks/remedied.js';
import type { Policy } from '../policy/policy.js';
import type { ResolvedOptions } from '../schema/options.js';
import type { OrderSnapshot } from '../schema/snapshot.js';
import type { Hit } from './detect.js';
import { planActions } from './plan.js';
import type { CaseState, TriageReport } from './types.js';

/**
 * What reporting keeps per triage: the policy, messages and time zone, digits per currency, and
 * the last `now` in ISO form (evaluations in a row mostly share one `now`: its ISO form is kept
 * rather than made per order).
 */
export interface Reporting {
  readonly policy: Policy;
  readonly messages: MessageCatalogue;
  readonly timeZone: string;
  /** Digits per currency: ISO 4217 unless policy.currencies overrides them (docs/money.md). */
  readonly digitsOf: (currency: string) => number;
  lastInstant: { readonly at: number; readonly iso: string };
}

/**
 * The reporting state of a new triage.
 *
 * @example
 * const reporting = createReporting(resolved, messages);
 * report(reporting, order, context, facts, hits) //=> { ok: true, orderId, findings, actions, case }
 */
export function createReporting(resolved: ResolvedOptions, messages: MessageCatalogue): Reporting {
  const { policy } = resolved;
  return { policy, messages, timeZone: policy.timeZone, digitsOf: createCurrencyDigits(policy.currencies), lastInstant: { at: Number.NaN, iso: '' } };
}

/**
 * `at` as ISO 8601 UTC, made once per distinct `now` in a row.
 *
 * @example
 * isoAt(reporting, 0) //=> '1970-01-01T00:00:00.000Z'
 */
export function isoAt(reporting: Reporting, at: number): string {
  if (at !== reporting.lastInstant.at) reporting.lastInstant = { at, iso: new Date(at).toISOString() };
  return reporting.lastInstant.iso;
}

/**
 * The message kit for one order: its currency (and that currency's digits), the triage's locale and time zone.
 *
 * @example
 * kitFor(reporting, order) // formats amounts in the order's currency, dates in the shop's time zone (policy.timeZone)
 */
export function kitFor(reporting: Reporting, order: OrderSnapshot): MessageKit {
  return createMessageKit(reporting.messages.locale, order.currency, reporting.timeZone, reporting.digitsOf(order.currency), reporting.messages.carrierName);
}

/**
 * The hits to report: a finding another one on the order explains away (a stalled parcel that is
 * lost) is not reported.
 *
 * @example
 * keptHits(hits).map((h) => h.entry.code) //=> ['PARCEL_LOST'] (not also PARCEL_STALLED)
 */
export function keptHits(hits: readonly Hit[]): Hit[] {
  const fired = new Set<string>(hits.map((h) => h.entry.code));
  return hits.filter((h) => !(h.entry.compiled.detector.supersededBy ?? []).some((code) => fired.has(code)));
}

/**
 * One hit as a finding: its evidence (conditions, facts, thresholds, records), its summary and
 * checklist as plain text, its owner and when to respond by.
 *
 * @example
 * buildFinding(reporting, hit, order, facts, context, kit) //=> { code: 'PAYMENT_FAILED', severity: 'high', evidence: {...}, ... }
 */
export function buildFinding(reporting: Reporting, hit: Hit, order: OrderSnapshot, facts: OrderFactRecord, context: FactContext, kit: MessageKit): Finding {
  const { detector } = hit.entry.compiled;
  const factValues: Record<string, unknown> = {};
  for (const name of detector.evidenceFacts) factValues[name] = facts[name];
  return {
    code: hit.entry.code,
    category: detector.category,
    severity: detector.severity,
    orderId: order.id,
    ruleId: hit.entry.ruleId,
    ...(hit.entry.params === undefined ? {} : { params: hit.entry.params }),
    confidence: detector.confidence(facts, order),
    evidence: {
      conditions: hit.scoped.condition.explain(facts).conditions,
      facts: factValues,
      thresholds: { ...hit.scoped.thresholds },
      records: detector.records?.(order, facts, context) ?? {},
    },
    summary: plainText(hit.entry.summary({ order, facts, kit })),
    owner: hit.entry.owner,
    respondBy: isoInstant(context.now + reporting.policy.sla[detector.severity] * 60_000),
    checklist: hit.entry.checklist.map(plainText),
  };
}

/**
 * The case record: when this evaluation ran, under which policy, and each finding's place in
 * its case (see caseFindings, docs/lifecycle.md).
 *
 * @example
 * caseRecord(reporting, now, entries) //=> { evaluatedAt, policyVersion: '1', openFindings: [{ code, since, state }] }
 */
export function caseRecord(reporting: Reporting, now: number, openFindings: CaseFinding[]): CaseState {
  return { evaluatedAt: isoAt(reporting, now), policyVersion: reporting.policy.version, openFindings };
}

/**
 * One order's report from its hits: findings (report), actions (plan), case record (report),
 * and warnings: what reading the snapshot tolerated (`inputWarnings`), then the plan's.
 *
 * @example
 * report(reporting, order, context, facts, hits) //=> { ok: true, orderId: 'ORD-1', findings: [...], actions: [...], case: {...} }
 */
export function report(
  reporting: Reporting,
  order: OrderSnapshot,
  context: FactContext,
  facts: OrderFactRecord,
  hits: readonly Hit[],
  inputWarnings: readonly Issue[] = [],
): TriageReport {
  // Most orders have nothing wrong and no open case: answer them without building anything.
  if (hits.length === 0 && (order.openFindings === undefined || order.openFindings.length === 0) && (order.decisions === undefined || order.decisions.length === 0)) {
    return { ok: true, orderId: order.id, findings: [], actions: [], case: caseRecord(reporting, context.now, []), warnings: [...inputWarnings] };
  }
  // A parcel put right (refunded and settled, or replaced and delivered) is no longer a finding.
  const remedied = remediedCodes(order);
  const kept = keptHits(hits).filter((h) => !remedied.has(h.entry.code));
  const kit = kitFor(reporting, order);
  const findings = kept.map((hit) => buildFinding(reporting, hit, order, facts, context, kit));
  const plan = planActions(reporting, { order, context, facts, hits: kept, findings, kit });
  const entries = caseFindings({ order, findings, actions: plan.actions, sections: plan.sections, told: plan.told, policy: reporting.policy, now: context.now });
  return { ok: true, orderId: order.id, findings, actions: plan.actions, case: caseRecord(reporting, context.now, entries), warnings: [...inputWarnings, ...plan.warnings] };
}
