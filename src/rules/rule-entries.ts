import * as z from 'zod';
import type { Detector } from '../detectors/detector.js';
import type { MessageCatalogue, SummaryInput } from '../messages/catalogue.js';
import { quoteText } from '../messages/plain-text.js';
import type { Playbook } from '../playbooks/playbook.js';
import type { ValidRule } from './validate-rules.js';

/** A user rule made ready for the engine: a detector, its playbook, its texts. */
export interface RuleEntry {
  /** The rule's `name`: the finding's ruleId. */
  readonly ruleName: string;
  readonly detector: Detector;
  /** json-rules-engine's rule priority: higher first among the findings of user rules. */
  readonly priority: number;
  /** The rule's own `event.params` keys (those order-triage does not read), carried to the finding. */
  readonly params: Readonly<Record<string, unknown>> | undefined;
  /** The built-in code whose playbook (and thresholds) it borrows, if any. */
  readonly borrowsPlaybookOf: string | undefined;
  readonly playbook: Playbook<unknown> | undefined;
  readonly summary: (input: SummaryInput, messages: MessageCatalogue) => string;
  readonly checklist: (locale: string) => readonly string[];
}

/** Turns validated rules into engine entries: the same machinery built-in detectors run on. */
export function buildRuleEntries(rules: readonly ValidRule[]): RuleEntry[] {
  return rules.map(({ name, code, params, carried, priority, conditions }) => {
    const detector: Detector = {
      code,
      category: params.category,
      severity: params.severity,
      owner: params.owner,
      signal: `User rule "${name}".`,
      thresholds: z.strictObject({}),
      when: () => conditions as never,
      evidenceFacts: [],
      confidence: () => params.confidence ?? 0.9,
    };
    const playbook: Playbook<unknown> | undefined =
      params.playbook === undefined
        ? () => [
            {
              kind: 'manual_review',
              params: { reason: 'rule_matched', details: [name] },
              owner: params.owner,
              key: ['rule', code],
              automatable: false,
            },
          ]
        : undefined;
    return {
      ruleName: name,
      priority,
      params: carried,
      detector,
      borrowsPlaybookOf: params.playbook,
      playbook,
      summary: ({ order }, messages) => {
        const own = params.summary !== undefined && Object.hasOwn(params.summary, messages.locale) ? params.summary[messages.locale] : undefined;
        // Substituted literally: with replace, `$'` or `$&` in an id would expand (docs/rules.md).
        return own === undefined ? messages.ruleSummary({ orderId: order.id, code, ruleName: name }) : own.split('{orderId}').join(quoteText(order.id));
      },
      checklist: (locale) => (params.checklist !== undefined && Object.hasOwn(params.checklist, locale) ? params.checklist[locale] : undefined) ?? [],
    };
  });
}
