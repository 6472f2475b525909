import { buildIdempotencyKey, parseIdempotencyKey } from '../_lib/idempotency-key.js';
import { parseTimestamp } from '../_lib/timestamp.js';
import { isDone } from '../schema/recorded-actions.js';
import type { OrderSnapshot } from '../schema/snapshot.js';
import { readRecordedRefund } from './refund-key.js';

/** A refund that failed and that nothing since has replaced. */
export interface FailedRefund {
  /** `gateway`: a `refunds[]` entry `failed`; `action`: an `actionsTaken` refund recorded `failed`. */
  readonly source: 'gateway' | 'action';
  readonly paymentId: string | undefined;
  readonly amount: number | undefined;
  readonly at: string;
  /** The recorded action's idempotency key (an `action` failure only). */
  readonly idempotencyKey?: string;
  /** How many times this refund has failed: 2 or more means a retry failed too. */
  readonly attempt: number;
}

/** A refund key of ours without its `…/retry/N` tail, so every attempt of one refund shares it. */
function baseKey(key: string): string {
  const parts = parseIdempotencyKey(key);
  if (parts === undefined || parts.length !== 6 || parts[4] !== 'retry') return key;
  return buildIdempotencyKey(parts.slice(0, 4));
}

function retryNumber(key: string): number {
  const parts = parseIdempotencyKey(key);
  const n = parts !== undefined && parts.length === 6 && parts[4] === 'retry' ? Number(parts[5]) : 1;
  return Number.isSafeInteger(n) && n > 1 ? n : 1;
}

function gatewayFailures(order: OrderSnapshot): FailedRefund[] {
  const refunds = order.refunds ?? [];
  const slot = (r: { paymentId?: string | undefined; amount: number }) => `${r.paymentId ?? ''}|${r.amount}`;
  const out: FailedRefund[] = [];
  for (const r of refunds) {
    if (r.status !== 'failed') continue;
    const at = parseTimestamp(r.createdAt);
    const same = refunds.filter((o) => slot(o) === slot(r));
    // A pending or succeeded refund of the same payment and amount since then replaced it.
    if (same.some((o) => o.status !== 'failed' && parseTimestamp(o.createdAt) >= at)) continue;
    const attempt = same.filter((o) => o.status === 'failed' && parseTimestamp(o.createdAt) <= at).length;
    // Only the latest failure of a slot is listed: it says how many attempts failed.
    if (same.some((o) => o !== r && o.status === 'failed' && parseTimestamp(o.createdAt) > at)) continue;
    out.push({ source: 'gateway', paymentId: r.paymentId, amount: r.amount, at: r.createdAt, attempt });
  }
  return out;
}

function actionFailures(order: OrderSnapshot): FailedRefund[] {
  const actions = order.actionsTaken ?? [];
  const out: FailedRefund[] = [];
  for (const a of actions) {
    if (isDone(a)) continue;
    const base = baseKey(a.idempotencyKey);
    const recorded = readRecordedRefund({ kind: a.kind, idempotencyKey: base, amount: a.amount }, order.id);
    if (recorded === undefined) continue;
    const at = parseTimestamp(a.at);
    // A later attempt of the same refund (done, or failed in its turn and listed instead), or a
    // later refund done to the same payment (or one we cannot tell apart), replaced it.
    const replaced = actions.some((o) => {
      if (o === a || parseTimestamp(o.at) < at) return false;
      if (baseKey(o.idempotencyKey) === base) return isDone(o) || retryNumber(o.idempotencyKey) > retryNumber(a.idempotencyKey);
      const other = isDone(o) ? readRecordedRefund(o, order.id) : undefined;
      return other !== undefined && (other.paymentId === undefined || recorded.paymentId === undefined || other.paymentId === recorded.paymentId);
    });
    if (replaced) continue;
    out.push({
      source: 'action',
      paymentId: recorded.paymentId,
      amount: recorded.amount ?? a.amount,
      at: a.at,
      idempotencyKey: a.idempotencyKey,
      attempt: retryNumber(a.idempotencyKey),
    });
  }
  return out;
}

/**
 * The refunds that failed and were not replaced since: a `refunds[]` entry `failed` with no
 * pending or succeeded one for the same payment and amount created at or after it, and an
 * `actionsTaken` refund recorded `failed` with no later attempt under the same key (its
 * `…/retry/N`, docs/lifecycle.md) and no later refund recorded done to the same payment. The retry itself is planned by the finding that asked for the
 * refund; this only says what failed, and how often.
 *
 * @example
 * unresolvedFailedRefunds(order) //=> [{ source: 'gateway', paymentId: 'pay_1', amount: 20900, at: '…', attempt: 1 }]
 */
export function unresolvedFailedRefunds(order: OrderSnapshot): FailedRefund[] {
  const gateway = gatewayFailures(order);
  // A refund of ours both recorded failed and reported failed by the gateway is one failure.
  const listed = new Set(gateway.map((f) => `${f.paymentId ?? ''}|${f.amount}`));
  return [...gateway, ...actionFailures(order).filter((f) => f.paymentId === undefined || !listed.has(`${f.paymentId}|${f.amount}`))];
}
