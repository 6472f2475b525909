import type { TriageReport } from '../engine/types.js';
import type { Action } from '../playbooks/action.js';

/** The order's one message to the customer: the `contact_customer` action of a report. */
export type CustomerMessageAction = Extract<Action, { kind: 'contact_customer' }>;

/**
 * The one message a report sends the customer (docs/playbooks.md, "One voice"), or undefined
 * when it tells the customer nothing. Throws when a report carries more than one, which
 * order-triage never does.
 *
 * @example
 * const message = customerMessageOf(expectReport(triage.evaluate(order, { now })));
 * message?.customerMessage?.text //=> 'Hello! This is about your order ORD-1001. You were charged twice: ...'
 */
export function customerMessageOf(report: Pick<TriageReport, 'actions'>): CustomerMessageAction | undefined {
  const messages = report.actions.filter((a): a is CustomerMessageAction => a.kind === 'contact_customer');
  if (messages.length > 1) throw new Error(`expected at most one contact_customer action, got ${messages.length}`);
  return messages[0];
}

/** The text of the report's one message to the customer, or '' when there is none. */
export function customerTextOf(report: Pick<TriageReport, 'actions'>): string {
  return customerMessageOf(report)?.customerMessage?.text ?? '';
}
