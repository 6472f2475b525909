import type { EvaluateResult, TriageReport } from '../engine/types.js';
import type { Finding } from '../findings/finding.js';

/** An assertion failure from the testing helpers; test runners show its message. */
export class TriageAssertionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TriageAssertionError';
  }
}

function asReport(result: EvaluateResult): TriageReport {
  if (!result.ok) {
    throw new TriageAssertionError(
      `expected a report, but evaluation failed (${result.error.code}):\n${result.error.issues.map((i) => `  - ${i.path.join('.') || '(root)'}: ${i.message}`).join('\n')}`,
    );
  }
  return result;
}

const listCodes = (report: TriageReport) => (report.findings.length === 0 ? 'no findings' : report.findings.map((f) => f.code).join(', '));

/**
 * Asserts that an evaluation found `code`, and returns that finding for further checks. Works
 * with any test runner: it throws with a message naming what was found instead.
 *
 * @example
 * const finding = expectFinding(triage.evaluate(order, { now }), 'BIG_FIRST_ORDER');
 * expect(finding.severity).toBe('medium');
 */
export function expectFinding(result: EvaluateResult, code: string): Finding {
  const report = asReport(result);
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
  const report = asReport(result);
  const finding = report.findings.find((f) => f.code === code);
  if (finding !== undefined) {
    const why = finding.evidence.conditions.map((c) => `  - ${c.fact}${c.path ?? ''} = ${JSON.stringify(c.value)} ${c.operator} ${JSON.stringify(c.threshold)}`).join('\n');
    throw new TriageAssertionError(`expected no ${code} on order ${report.orderId}, but it fired because:\n${why}`);
  }
}
