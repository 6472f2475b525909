import { minutesBetween } from '../_lib/elapsed.js';
import { parseTimestamp } from '../_lib/timestamp.js';
import type { OrderSnapshot } from '../schema/snapshot.js';
import type { FactSpec, FactsOf, Writable } from './fact-spec.js';

/** The facts about the order's synchronisation with other systems. */
export const systemFactCatalogue = {
  'sync.failedSystemCount': {
    type: 'number',
    nullable: true,
    unit: 'count',
    description: "Systems (erp, wms, crm, ...) whose latest sync record is 'failed'; null without sync records.",
  },
  'sync.maxPendingMinutes': {
    type: 'number',
    nullable: true,
    unit: 'minutes',
    description: "Whole minutes the longest-pending system's latest record has been pending since its last attempt; null when none is pending.",
  },
  'sync.maxFailuresInARow': {
    type: 'number',
    nullable: true,
    unit: 'count',
    description: "Per system, failed records since its last 'ok' record (or the record's failedAttempts, if larger); the largest; null without sync records.",
  },
} as const satisfies Record<string, FactSpec>;

/** Values of the system facts. */
export type SystemFacts = FactsOf<typeof systemFactCatalogue>;

type SyncRecord = NonNullable<OrderSnapshot['sync']>[number];

/** Each system's sync records, oldest first. */
export function syncHistories(snapshot: OrderSnapshot): Map<string, SyncRecord[]> {
  // Each time is parsed once, not at every comparison of the sort (n log n parses).
  const timed = new Map<string, { record: SyncRecord; at: number }[]>();
  for (const record of snapshot.sync ?? []) {
    const entry = { record, at: parseTimestamp(record.lastAttemptAt) };
    const list = timed.get(record.system);
    if (list === undefined) timed.set(record.system, [entry]);
    else list.push(entry);
  }
  const bySystem = new Map<string, SyncRecord[]>();
  for (const [system, list] of timed)
    bySystem.set(
      system,
      list.sort((a, b) => a.at - b.at).map((e) => e.record),
    );
  return bySystem;
}

/** Consecutive failures at the end of one system's history. */
export function failuresInARow(history: readonly SyncRecord[]): number {
  let run = 0;
  for (let i = history.length - 1; i >= 0 && history[i]?.status !== 'ok'; i--) if (history[i]?.status === 'failed') run++;
  const latest = history[history.length - 1];
  return latest?.status === 'failed' ? Math.max(run, latest.failedAttempts ?? 0) : run;
}

/** Writes the system facts into `facts`. */
export function writeSystemFacts(facts: Writable<SystemFacts>, snapshot: OrderSnapshot, now: number): void {
  if (snapshot.sync === undefined || snapshot.sync.length === 0) {
    facts['sync.failedSystemCount'] = null;
    facts['sync.maxPendingMinutes'] = null;
    facts['sync.maxFailuresInARow'] = null;
    return;
  }
  let failed = 0;
  let pending: number | null = null;
  let run = 0;
  for (const history of syncHistories(snapshot).values()) {
    const latest = history[history.length - 1] as SyncRecord;
    if (latest.status === 'failed') failed++;
    if (latest.status === 'pending') pending = Math.max(pending ?? 0, minutesBetween(now, parseTimestamp(latest.lastAttemptAt)));
    run = Math.max(run, failuresInARow(history));
  }
  facts['sync.failedSystemCount'] = failed;
  facts['sync.maxPendingMinutes'] = pending;
  facts['sync.maxFailuresInARow'] = run;
}
