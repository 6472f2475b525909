import { parseIdempotencyKey } from '../_lib/idempotency-key.js';
import { parseTimestamp } from '../_lib/timestamp.js';
import { isDone } from '../schema/recorded-actions.js';
import type { OrderSnapshot } from '../schema/snapshot.js';

/** What earlier messages told, read from the keys of the messages `actionsTaken` records sent. */
export interface Told {
  /** Their topics: how many messages told each, and when the last did. */
  readonly topics: ReadonlyMap<string, { readonly count: number; readonly last: number }>;
  /** The idempotency keys of the actions they announced. */
  readonly announced: ReadonlySet<string>;
}

/**
 * Reads what earlier messages told from their keys (`<order>/contact_customer/message/<topics>/<announced>`):
 * a topic already told is not told again, and an action already announced is not announced again.
 */
export function toldBefore(order: OrderSnapshot): Told {
  const topics = new Map<string, { count: number; last: number }>();
  const announced = new Set<string>();
  for (const action of order.actionsTaken ?? []) {
    if (!isDone(action)) continue;
    const parts = parseIdempotencyKey(action.idempotencyKey);
    if (parts === undefined || parts[0] !== order.id || parts[1] !== 'contact_customer' || parts[2] !== 'message') continue;
    const orderPart = action.idempotencyKey.slice(0, action.idempotencyKey.indexOf('/'));
    const at = parseTimestamp(action.at);
    for (const part of parts.slice(3)) {
      if (part.includes('/')) announced.add(`${orderPart}/${part}`);
      else if (!part.includes('#')) {
        const known = topics.get(part);
        topics.set(part, { count: (known?.count ?? 0) + 1, last: Math.max(known?.last ?? -Infinity, at) });
      }
    }
  }
  return { topics, announced };
}
