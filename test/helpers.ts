// expectReport and expectFailure are published in order-triage/testing; test/ imports them from
// there. They are re-exported here only for the detector tests under src/detectors/ that still
// import this file (being split in another branch); new tests import 'order-triage/testing'.
export { expectFailure, expectReport } from 'order-triage/testing';

/** Freezes a value and everything reachable from it. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Reflect.ownKeys(value)) deepFreeze((value as Record<PropertyKey, unknown>)[key]);
  }
  return value;
}
