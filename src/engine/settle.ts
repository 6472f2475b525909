/**
 * Runs `work` and never throws: a throw, or a rejection of the promise it returns, becomes
 * `onError(error)`. A synchronous answer stays synchronous unless `asPromise` asks for a promise
 * (a triage running user rules on json-rules-engine answers every call with one). The one
 * wrapping behind `evaluate`, `explain` and each order of `evaluateBatch`.
 *
 * @example
 * settle(() => JSON.parse(text), (error) => ({ ok: false, error }), false)
 * //=> the parsed value, or { ok: false, error } when `text` is not JSON
 */
export function settle<T>(work: () => T | Promise<T>, onError: (error: unknown) => T, asPromise: boolean): T | Promise<T> {
  let result: T | Promise<T>;
  try {
    result = work();
  } catch (error) {
    result = onError(error);
  }
  if (result instanceof Promise) return result.catch(onError);
  return asPromise ? Promise.resolve(result) : result;
}
