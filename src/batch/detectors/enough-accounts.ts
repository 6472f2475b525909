import type { ClusterEntry, ClusterThresholds } from '../batch-detector.js';

/**
 * A group's orders when `minAccounts` accounts or more placed them, else `undefined`.
 *
 * @example
 * enoughAccounts(entriesOfThreeAccounts, { minAccounts: 3, ... }) //=> entriesOfThreeAccounts
 */
export function enoughAccounts(entries: readonly ClusterEntry[], thresholds: ClusterThresholds): readonly ClusterEntry[] | undefined {
  return new Set(entries.map((e) => e.customerId)).size >= thresholds.minAccounts ? entries : undefined;
}
