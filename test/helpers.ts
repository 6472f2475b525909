import type { EvaluateResult, TriageFailure, TriageReport } from 'order-triage';

/** The report of a successful evaluation; fails the test with the error otherwise. */
export function expectReport(result: EvaluateResult): TriageReport {
  if (!result.ok) throw new Error(`expected a report, got ${JSON.stringify(result.error)}`);
  return result;
}

/** The failure of an evaluation; fails the test if it succeeded. */
export function expectFailure(result: EvaluateResult): TriageFailure {
  if (result.ok) throw new Error(`expected a failure, got a report for ${result.orderId}`);
  return result;
}

/** Freezes a value and everything reachable from it. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Reflect.ownKeys(value)) deepFreeze((value as Record<PropertyKey, unknown>)[key]);
  }
  return value;
}
