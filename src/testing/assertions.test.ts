import { createTriage } from 'order-triage';
import { buildOrder, buildPayment, expectFailure, expectFinding, expectReport, minutesAfter, paymentScenarios, TriageAssertionError } from 'order-triage/testing';
import { describe, expect, it } from 'vitest';

const triage = createTriage();
const now = minutesAfter(60);
const broken = () => triage.evaluate(buildOrder({ payments: [buildPayment({ amount: -5 })] }), { now });

/** What `run` throws (it must throw). */
function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

describe('expectReport', () => {
  it('returns the very report of a successful evaluation', () => {
    const result = triage.evaluate(buildOrder(), { now });
    expect(expectReport(result)).toBe(result);
  });

  it('throws a TriageAssertionError naming the error code and each issue at its developer-written path', () => {
    const error = thrown(() => expectReport(broken()));
    expect(error).toBeInstanceOf(TriageAssertionError);
    expect((error as Error).message).toMatch(/^expected a report, but evaluation failed \(invalid_snapshot\):\n {2}- payments\[0\]\.amount: /);
  });

  it('writes the root as (root) when the whole input is wrong', () => {
    expect(() => expectReport(triage.evaluate('not an order', { now }))).toThrow(/\n {2}- \(root\): /);
  });
});

describe('expectFailure', () => {
  it('returns the very failure of a failed evaluation', () => {
    const result = broken();
    const failure = expectFailure(result);
    expect(failure).toBe(result);
    expect(failure.error.code).toBe('invalid_snapshot');
  });

  it('throws a TriageAssertionError naming the order and its findings when evaluation succeeded', () => {
    const { order, now: at } = paymentScenarios.duplicatePayment();
    const error = thrown(() => expectFailure(triage.evaluate(order, { now: at })));
    expect(error).toBeInstanceOf(TriageAssertionError);
    expect((error as Error).message).toBe(`expected a failure, but evaluation returned a report for order ${order.id} (DUPLICATE_PAYMENT)`);
  });

  it('says "no findings" for a clean report', () => {
    expect(() => expectFailure(triage.evaluate(buildOrder(), { now }))).toThrow(/\(no findings\)$/);
  });
});

describe('expectFinding', () => {
  it('reports a failed evaluation with the same developer-written paths', () => {
    expect(() => expectFinding(broken(), 'DUPLICATE_PAYMENT')).toThrow(/payments\[0\]\.amount: /);
  });
});
