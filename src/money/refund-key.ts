import { parseIdempotencyKey } from '../_lib/idempotency-key.js';

/** A refund action of ours, read back from its idempotency key. */
export interface RefundKey {
  /** The payment the refund went to. */
  readonly paymentId: string;
  /** The amount refunded, in minor units. */
  readonly amount: number;
}

// What String(amount) writes for a non-negative safe integer, and nothing else: no sign, no
// exponent, no hex, no leading zero, no blank, no fraction.
const PLAIN_AMOUNT = /^(?:0|[1-9][0-9]*)$/;

/**
 * Reads an amount part of an idempotency key: a plain decimal integer within the safe range,
 * exactly as the key builder writes it; undefined for anything else (`-50000`, `''`, `1e4`,
 * `0x2710`, `+100`, `010`, ` 100`, `1.5`, or beyond `Number.MAX_SAFE_INTEGER`).
 *
 * @example
 * parseKeyAmount('10000') //=> 10000
 * parseKeyAmount('1e4') //=> undefined
 */
export function parseKeyAmount(text: string): number | undefined {
  if (!PLAIN_AMOUNT.test(text)) return undefined;
  const amount = Number(text);
  return Number.isSafeInteger(amount) ? amount : undefined;
}

/**
 * Reads a refund action's idempotency key as one of ours for order `orderId`
 * (`<orderId>/refund/<paymentId>/<amount>`); undefined for a key some other system made, for
 * another order, or whose amount part is not a plain decimal integer (a forged key tells us
 * nothing about what was refunded).
 *
 * @example
 * parseRefundKey('ORD-1/refund/pay_2/10000', 'ORD-1') //=> { paymentId: 'pay_2', amount: 10000 }
 * parseRefundKey('ORD-1/refund/pay_2/-10000', 'ORD-1') //=> undefined
 */
export function parseRefundKey(key: string, orderId: string): RefundKey | undefined {
  const parts = parseIdempotencyKey(key);
  if (parts === undefined || parts.length !== 4 || parts[0] !== orderId || parts[1] !== 'refund') return undefined;
  const amount = parseKeyAmount(parts[3] as string);
  return amount === undefined ? undefined : { paymentId: parts[2] as string, amount };
}

/** What a recorded action says went back: the payment (when its key is ours) and the amount. */
export interface RecordedRefund {
  /** The payment named by a key of ours; undefined for a key some other system made. */
  readonly paymentId: string | undefined;
  /**
   * The amount refunded; undefined when it cannot be known: no `amount` and no key of ours, or a
   * key of ours whose amount its `amount` contradicts (which one went back?).
   */
  readonly amount: number | undefined;
}

/**
 * Reads one `actionsTaken` entry as a refund: an entry of kind `refund`, or any entry whose key
 * is one of our refund keys for this order (whatever kind it was recorded under); undefined for
 * anything else.
 *
 * @example
 * readRecordedRefund({ kind: 'refund', idempotencyKey: 'ORD-1/refund/pay_2/10000' }, 'ORD-1') //=> { paymentId: 'pay_2', amount: 10000 }
 * readRecordedRefund({ kind: 'refund', idempotencyKey: 'ORD-1/refund/pay_2/10000', amount: 100 }, 'ORD-1') //=> { paymentId: 'pay_2', amount: undefined }
 */
export function readRecordedRefund(
  action: { readonly kind: string; readonly idempotencyKey: string; readonly amount?: number | undefined },
  orderId: string,
): RecordedRefund | undefined {
  const ours = parseRefundKey(action.idempotencyKey, orderId);
  if (ours === undefined) return action.kind === 'refund' ? { paymentId: undefined, amount: action.amount } : undefined;
  const contradicted = action.amount !== undefined && action.amount !== ours.amount;
  return { paymentId: ours.paymentId, amount: contradicted ? undefined : ours.amount };
}

/** The answer for an order without a failed refund: one shared set, which callers only read. */
const NONE_BOUNCED: ReadonlySet<string> = new Set<string>();

/**
 * The keys of refund actions of ours (recorded done) that the gateway reports failed: a
 * `refunds[]` entry `failed` on the same payment for the same amount, and none pending or
 * succeeded there. Such a refund moved no money: the ledger does not count it and the plan
 * retries it (docs/lifecycle.md).
 *
 * @example
 * gatewayFailedRefunds(order) //=> Set { 'ORD-1/refund/pay_2/20900' }
 */
export function gatewayFailedRefunds(order: {
  readonly id: string;
  readonly refunds?: readonly { readonly paymentId?: string | undefined; readonly amount: number; readonly status: string }[] | undefined;
  readonly actionsTaken?: readonly { readonly kind: string; readonly idempotencyKey: string; readonly status?: string | undefined }[] | undefined;
}): ReadonlySet<string> {
  // Most orders have no failed refund: answered without building anything (read several times per plan).
  if (!(order.refunds ?? []).some((r) => r.paymentId !== undefined && r.status === 'failed')) return NONE_BOUNCED;
  const failed = new Set<string>();
  const live = new Set<string>();
  for (const r of order.refunds ?? []) {
    if (r.paymentId === undefined) continue;
    (r.status === 'failed' ? failed : live).add(`${r.paymentId}|${r.amount}`);
  }
  const keys = new Set<string>();
  for (const action of order.actionsTaken ?? []) {
    if (action.status === 'failed') continue;
    const ours = parseRefundKey(action.idempotencyKey, order.id);
    const slot = ours === undefined ? undefined : `${ours.paymentId}|${ours.amount}`;
    if (slot !== undefined && failed.has(slot) && !live.has(slot)) keys.add(action.idempotencyKey);
  }
  return keys;
}
