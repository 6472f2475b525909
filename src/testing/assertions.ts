import type { EvaluateResult, TriageFailure, TriageReport } from '../engine/types.js';
import { formatPath } from '../errors.js';
import type { Finding } from '../findings/finding.js';

/** An assertion failure from the testing helpers; test runners show its message. */
export class TriageAssertionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TriageAssertionError';
  }
}

const listCodes = (report: TriageReport) => (report.findings.length === 0 ? 'no findings' : report.findings.map((f) => f.code).join(', '));

/**
 * Asserts that an evaluation succeeded and returns its report, narrowed for further checks. Works
 * with any test runner: when evaluation failed, it throws with the error's code and each issue's
 * path (written as by `formatPath`, e.g. `payments[1].amount`) and message.
 *
 * @example
 * const report = expectReport(triage.evaluate(order, { now }));
 * expect(report.findings).toEqual([]);
 */
export function expectReport(result: EvaluateResult): TriageReport {
  if (!result.ok) {
    const issues = result.error.issues.map((issue) => `  - ${formatPath(issue.path)}: ${issue.message}`);
    throw new TriageAssertionError([`expected a report, but evaluation failed (${result.error.code}):`, ...issues].join('\n'));
  }
  return result;
}

/**
 * Asserts that an evaluation failed and returns the failure, narrowed so its error can be checked;
 * throws, naming the order and what it found, when evaluation succeeded instead.
 *
 * @example
 * const failure = expectFailure(triage.evaluate({ id: 'ORD-1' }, { now }));
 * expect(failure.error.code).toBe('invalid_snapshot');
 */
export function expectFailure(result: EvaluateResult): TriageFailure {
  if (result.ok) throw new TriageAssertionError(`expected a failure, but evaluation returned a report for order ${result.orderId} (${listCodes(result)})`);
  return result;
}

/**
 * Asserts that an evaluation found `code`, and returns that finding for further checks. Works
 * with any test runner: it throws with a message naming what was found instead.
 *
 * @example
 * const finding = expectFinding(triage.evaluate(order, { now }), 'BIG_FIRST_ORDER');
 * expect(finding.severity).toBe('medium');
 */
export function expectFinding(result: EvaluateResult, code: string): Finding {
  const report = expectReport(result);
  const finding = report.findings.find((f) => f.code === code);
  if (finding === undefined) throw new TriageAssertionError(`expected ${code} on order ${report.orderId}, found ${listCodes(report)}`);
  return finding;
}

/**
 * Asserts that an evaluation did not find `code`; throws with the finding's evidence if it did.
 *
 * @example
 * expectNoFinding(triage.evaluate(cleanOrder, { now }), 'BIG_FIRST_ORDER');
 */
export function expectNoFinding(result: EvaluateResult, code: string): void {
  const report = expectReport(result);
  const finding = report.findings.find((f) => f.code === code);
  if (finding !== undefined) {
    const why = finding.evidence.conditions.map((c) => `  - ${c.fact}${c.path ?? ''} = ${JSON.stringify(c.value)} ${c.operator} ${JSON.stringify(c.threshold)}`).join('\n');
    throw new TriageAssertionError(`expected no ${code} on order ${report.orderId}, but it fired because:\n${why}`);
  }
}
