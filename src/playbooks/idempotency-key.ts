/**
 * Builds an idempotency key from an order id, an action kind and what distinguishes this action
 * (a payment id, an amount). Each part is percent-encoded, so `/` only ever separates parts and
 * distinct parts can never produce the same key. Readable in logs, stable across runs.
 *
 * @example
 * buildIdempotencyKey(['ORD-1', 'refund', 'pay_2', 10000]) //=> 'ORD-1/refund/pay_2/10000'
 * buildIdempotencyKey(['A/B', 'cancel_order']) //=> 'A%2FB/cancel_order'
 */
export function buildIdempotencyKey(parts: readonly (string | number)[]): string {
  return parts.map((part) => encodeURIComponent(String(part))).join('/');
}

/**
 * Splits a key built by {@link buildIdempotencyKey} back into its parts; undefined for a key
 * that is not well-formed (a key some other system made).
 *
 * @example
 * parseIdempotencyKey('ORD-1/refund/pay_2/10000') //=> ['ORD-1', 'refund', 'pay_2', '10000']
 */
export function parseIdempotencyKey(key: string): string[] | undefined {
  try {
    return key.split('/').map((part) => decodeURIComponent(part));
  } catch {
    return undefined;
  }
}
