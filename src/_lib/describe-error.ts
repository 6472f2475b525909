/**
 * A thrown value in words, for an issue message; never throws itself, whatever was thrown (an
 * object whose `message` getter or `toString` throws gives "an unreadable error").
 *
 * @example
 * describeError(new Error('boom')) //=> 'boom'
 * describeError('plain') //=> 'plain'
 */
export function describeError(error: unknown): string {
  try {
    return error instanceof Error ? String(error.message) : String(error);
  } catch {
    return 'an unreadable error';
  }
}
