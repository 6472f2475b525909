import { parseTimestamp } from '../../_lib/timestamp.js';
import type { ThresholdsOf } from '../../detectors/registry.js';
import { failuresInARow, syncHistories } from '../../facts/system-facts.js';
import type { ActionDraft, Playbook } from '../playbook.js';

type Thresholds = ThresholdsOf<'SYNC_FAILED'>;

/** SYNC_FAILED: retry each failing system (automatable); repeated failures open a tech incident. */
export const syncFailedPlaybook: Playbook<Thresholds> = ({ order, thresholds, now }) => {
  const drafts: ActionDraft[] = [];
  for (const [system, history] of syncHistories(order)) {
    const latest = history[history.length - 1];
    if (latest === undefined || latest.status === 'ok') continue;
    if (latest.status === 'pending' && now - parseTimestamp(latest.lastAttemptAt) <= thresholds.pendingMinutes * 60_000) continue;
    // The attempt's instant in one canonical form, so the key does not depend on how the time was written.
    const attempt = new Date(parseTimestamp(latest.lastAttemptAt)).toISOString();
    drafts.push({ kind: 'retry_sync', params: { system }, owner: 'tech', key: [system, attempt], automatable: true });
    const run = failuresInARow(history);
    if (run >= thresholds.escalateAfterFailures) {
      drafts.push({ kind: 'tech_incident', params: { system, reason: 'sync_failures', failuresInARow: run }, owner: 'tech', key: [system, 'sync_failures'], automatable: true });
    }
  }
  return drafts;
};
