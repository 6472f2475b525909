// Type-checked against dist/ through the exports map, as an ESM consumer sees the package.
import { createTriage, type Action, type EvaluateResult } from 'order-triage';
import { buildOrder, minutesAfter } from 'order-triage/testing';

const result: EvaluateResult = createTriage({ locale: 'en' }).evaluate(buildOrder(), { now: minutesAfter(60) });
if (result.ok) {
  for (const action of result.actions satisfies Action[]) {
    if (action.kind === 'refund') {
      const amount: number = action.params.amount; // params narrow by kind
      void amount;
    }
  }
}
// @ts-expect-error a misspelt threshold is a type error as well as a runtime one
createTriage({ thresholds: { PAYMENT_FAILED: { unpaidMinute: 5 } } });

// The internals subpath has its own types.
import { compileCondition, type CompiledCondition } from 'order-triage/internals';
const compiled: CompiledCondition = compileCondition({ all: [] });
void compiled;

// The strict snapshot type catches a misspelt field at compile time; the stored type takes it (and nulls).
import type { OrderSnapshotStrict, StoredOrderSnapshot } from 'order-triage';
const order = buildOrder() as OrderSnapshotStrict;
// @ts-expect-error `promisedShipby` is not a field of the snapshot: a typo the strict type reports
const misspelt: OrderSnapshotStrict = { ...order, promisedShipby: '2026-03-02T10:00:00+08:00' };
const stored: StoredOrderSnapshot = { ...order, promisedShipby: '2026-03-02T10:00:00+08:00', remark: null };
void [misspelt, stored];
