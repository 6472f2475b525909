import { createTriage, isInvalidOptionsError, isOrderTriageError } from 'order-triage';
import { describe, expect, it } from 'vitest';

const ERROR_BRAND = Symbol.for('order-triage.OrderTriageError');
const OPTIONS_BRAND = Symbol.for('order-triage.InvalidOptionsError');

/** The error createTriage throws for an unknown locale. */
function invalidOptionsError(): unknown {
  try {
    createTriage({ locale: 'fr' as never });
  } catch (error) {
    return error;
  }
  throw new Error('createTriage accepted an unknown locale');
}

describe('error brands', () => {
  it('an error thrown by createTriage carries both registered brands, as prototype getters that are not serialised', () => {
    const error = invalidOptionsError() as Record<symbol, unknown>;
    expect(error[ERROR_BRAND]).toBe(true);
    expect(error[OPTIONS_BRAND]).toBe(true);
    expect(Object.getOwnPropertySymbols(error)).toEqual([]);
  });

  it('an error from another copy of the package (a plain object carrying the brands) is recognised, a look-alike without them, or one whose brand cannot be read, is not', () => {
    const issues = [{ path: ['locale'], message: 'unknown locale' }];
    const fromAnotherCopy = { name: 'InvalidOptionsError', message: 'x', issues, [ERROR_BRAND]: true, [OPTIONS_BRAND]: true };
    const baseFromAnotherCopy = { name: 'OrderTriageError', message: 'x', issues, [ERROR_BRAND]: true };
    const lookAlike = Object.assign(new Error('x'), { name: 'InvalidOptionsError', issues });
    expect([isOrderTriageError(fromAnotherCopy), isInvalidOptionsError(fromAnotherCopy)]).toEqual([true, true]);
    expect([isOrderTriageError(baseFromAnotherCopy), isInvalidOptionsError(baseFromAnotherCopy)]).toEqual([true, false]);
    expect([isOrderTriageError(lookAlike), isInvalidOptionsError(lookAlike)]).toEqual([false, false]);
    // A brand must read exactly true: a string or another symbol's value does not count.
    expect(isOrderTriageError({ [ERROR_BRAND]: 'yes' })).toBe(false);
    expect(isOrderTriageError({ [Symbol('order-triage.OrderTriageError')]: true })).toBe(false);
    // A value whose brand cannot be read is no error of ours, and the guards do not throw.
    const hostile = new Proxy(
      {},
      {
        get: (): never => {
          throw new Error('no reading');
        },
      },
    );
    expect([isOrderTriageError(hostile), isInvalidOptionsError(hostile)]).toEqual([false, false]);
  });
});
