import { appendAll } from '../_lib/append-all.js';
import { parseTimestamp } from '../_lib/timestamp.js';
import type { Allowlist } from '../schema/context.js';
import type { OrderSnapshot } from '../schema/snapshot.js';
import type { BatchThresholds } from './batch-detector.js';
import { type CrossOrderKey, orderKeys, prepareAllowlist } from './cross-order-keys.js';
import type { ReadKey } from './detect-cross-order.js';

export { type ClusterEntry, type ClusterThresholds, ClusterThresholdsSchema, type SharedOn } from './batch-detector.js';
export { BATCH_CODES, type BatchCode } from './detectors/index.js';

/** What `add` did with an order: counted it first, replaced an earlier copy, kept the earlier copy, or left it out (outside the window). */
export type AddOutcome = 'new' | 'replaced' | 'stale' | 'outside';

/** The copy of an order that counts: how recent it is, and its cross-order keys (none when it is outside the window). */
interface Kept {
  readonly updated: number;
  readonly rows: readonly ReadKey[] | undefined;
}

/** A row of `orderKeys` as detection reads it (its own output: no checks needed). */
function readKey(row: CrossOrderKey): ReadKey {
  return { ...row, at: parseTimestamp(row.at), updated: parseTimestamp(row.updatedAt) };
}

/**
 * Collects the cross-order keys (src/batch/cross-order-keys.ts) of the orders in the window
 * ending at `now`. Orders outside the window are not kept: memory is bounded by one window's
 * orders, however long the stream. An order delivered more than once (the same id: at-least-once
 * queues) is one order: the copy with the latest `updatedAt` (else `createdAt`) is kept, the
 * later one in the input on ties. `rows()` hands the kept copies' keys to `detectCrossOrderRows`.
 */
export function createClusterCollector(now: number, thresholds: BatchThresholds, allowlist?: Allowlist) {
  const from = now - thresholds.windowHours * 3_600_000;
  const allowed = prepareAllowlist(allowlist);
  const kept = new Map<string, Kept>();
  return {
    /** Adds one valid order, or replaces the copy of it already kept; says which. */
    add(order: OrderSnapshot): AddOutcome {
      const at = parseTimestamp(order.createdAt);
      const updated = order.updatedAt === undefined ? at : parseTimestamp(order.updatedAt);
      const previous = kept.get(order.id);
      if (previous !== undefined && previous.updated > updated) return 'stale';
      if (at < from || at > now) {
        // Only ids already kept are remembered out of the window, so memory stays one window's orders.
        if (previous !== undefined) kept.set(order.id, { updated, rows: undefined });
        return previous === undefined ? 'outside' : 'replaced';
      }
      kept.set(order.id, { updated, rows: orderKeys(order, allowed).map(readKey) });
      return previous === undefined ? 'new' : 'replaced';
    },
    /** The keys of every order kept (one copy each), in no particular order. */
    rows(): ReadKey[] {
      const rows: ReadKey[] = [];
      for (const { rows: own } of kept.values()) if (own !== undefined) appendAll(rows, own);
      return rows;
    },
  };
}
