import { describeError } from '../_lib/describe-error.js';
import { type CrossOrderKey, orderKeys, prepareAllowlist } from '../batch/cross-order-keys.js';
import { type CrossOrderResult, type CrossOrderSettings, detectCrossOrderRows, readCrossOrderRows } from '../batch/detect-cross-order.js';
import { type Issue, OrderTriageError } from '../errors.js';
import { type Allowlist, AllowlistSchema } from '../schema/context.js';
import { toIssues } from '../schema/issues.js';
import { type InputState, prepareContext, prepareSnapshot } from './prepare-input.js';

/** `context.allowlist` of `crossOrderKeys`, checked: its problems at `['context', 'allowlist', ...]`. */
function readAllowlist(context: unknown): Allowlist | undefined {
  let issues: Issue[] = [];
  try {
    const allowlist = (context as { allowlist?: unknown } | undefined)?.allowlist;
    if (allowlist === undefined) return undefined;
    const parsed = AllowlistSchema.safeParse(allowlist);
    if (parsed.success) return parsed.data;
    issues = toIssues(parsed.error, ['context', 'allowlist'], AllowlistSchema);
  } catch (error) {
    issues = [{ path: ['context'], message: `could not be read: ${describeError(error)}` }];
  }
  throw new OrderTriageError(`Invalid crossOrderKeys context (${issues.length} problem${issues.length === 1 ? '' : 's'}):`, issues);
}

/**
 * `triage.crossOrderKeys`: the cross-order keys of one snapshot, none when it is invalid
 * (`evaluate` says why). A malformed `context.allowlist` throws an `OrderTriageError`.
 *
 * @example
 * crossOrderKeysOf(order, { now }).map((row) => row.kind) //=> ['address', 'phone', 'customer']
 */
export function crossOrderKeysOf(snapshot: unknown, context: unknown): CrossOrderKey[] {
  const allowed = prepareAllowlist(readAllowlist(context));
  const checked = prepareSnapshot(snapshot, false);
  return 'ok' in checked ? [] : orderKeys(checked.order, allowed);
}

/**
 * `triage.detectCrossOrder`: reads the rows and `context.now` (one `OrderTriageError` listing
 * every problem with its path), then detects across the orders (src/batch/detect-cross-order.ts).
 *
 * @example
 * detectCrossOrderWith(state, rows, { now }, settings) //=> { findings, actions }
 */
export function detectCrossOrderWith(state: InputState, rows: unknown, context: unknown, settings: Omit<CrossOrderSettings, 'now'>): CrossOrderResult {
  let now: unknown;
  try {
    now = (context as { now?: unknown } | undefined)?.now;
  } catch {
    now = undefined;
  }
  const prepared = prepareContext(state, { now }, undefined);
  const read = readCrossOrderRows(rows);
  if ('ok' in prepared || 'issues' in read) {
    const issues = [...('ok' in prepared ? prepared.error.issues : []), ...('issues' in read ? read.issues : [])];
    throw new OrderTriageError(`Invalid detectCrossOrder arguments (${issues.length} problem${issues.length === 1 ? '' : 's'}):`, issues);
  }
  return detectCrossOrderRows(read.rows, { ...settings, now: prepared.context.now });
}
