import { describeError } from '../_lib/describe-error.js';
import type { Issue } from '../errors.js';
import type { EvaluationErrorCode, TriageFailure } from './types.js';

/** What each failure says in `error.message`: one sentence per code, the issues say the details. */
export const FAILURE_MESSAGES: Readonly<Record<EvaluationErrorCode, string>> = {
  invalid_snapshot: 'The order snapshot is invalid.',
  input_too_large: 'The order snapshot is larger or deeper than any real order; it was not read further.',
  invalid_context: 'The evaluation context is invalid.',
  unknown_code: 'The code to explain is not raised by any enabled detector or rule.',
  internal_error: 'order-triage failed unexpectedly; please report this with the input.',
};

/** The input's `id`, if it has a readable string or safe-integer one (as a string); never throws, whatever the input is. */
function readOrderId(input: unknown): string | undefined {
  try {
    const id = typeof input === 'object' && input !== null ? (input as { id?: unknown }).id : undefined;
    if (typeof id === 'number' && Number.isSafeInteger(id)) return String(id);
    return typeof id === 'string' && id !== '' ? id : undefined;
  } catch {
    return undefined;
  }
}

/**
 * `{ orderId }` when the input has a readable id, for a failure prepared before the input was known.
 *
 * @example
 * orderIdOf({ id: 'ORD-1' }) //=> { orderId: 'ORD-1' }
 * orderIdOf(null) //=> {}
 */
export function orderIdOf(input: unknown): { orderId?: string } {
  const id = readOrderId(input);
  return id === undefined ? {} : { orderId: id };
}

/**
 * A structured failure for `input`: its code, the code's message and every issue.
 *
 * @example
 * failure('invalid_context', [{ path: ['context', 'now'], message: 'Required' }], order)
 * //=> { ok: false, orderId: 'ORD-1', error: { code: 'invalid_context', message: 'The evaluation context is invalid.', issues: [...] } }
 */
export function failure(code: EvaluationErrorCode, issues: readonly Issue[], input: unknown): TriageFailure {
  return { ok: false, ...orderIdOf(input), error: { code, message: FAILURE_MESSAGES[code], issues } };
}

/**
 * The last line of defence: anything unexpected becomes a structured error, never a throw.
 *
 * @example
 * internalFailure(new Error('boom'), order) //=> { ok: false, orderId: 'ORD-1', error: { code: 'internal_error', ..., issues: [{ path: [], message: 'boom' }] } }
 */
export function internalFailure(error: unknown, input: unknown): TriageFailure {
  return failure('internal_error', [{ path: [], message: describeError(error) }], input);
}
