import type { CliIo } from './io.js';

/** How often the progress line may be redrawn, and how many orders pass between looks at the clock. */
const PROGRESS = { everyMs: 200, everyOrders: 500 } as const;

/** Counts what a run saw, and draws a progress line on stderr when stderr is a terminal. */
export interface Tally {
  orders: number;
  invalid: number;
  readonly findings: Map<string, number>;
  /** Call after each order; redraws the progress line at most every 200 ms. */
  tick(): void;
  /** The summary line (orders, findings per code, invalid, time), clearing the progress line first. */
  summary(label?: string): string;
}

/** A tally for one run, started now. */
export function createTally(io: CliIo): Tally {
  const started = io.clock();
  let drawnAt = started;
  const tally: Tally = {
    orders: 0,
    invalid: 0,
    findings: new Map(),
    tick() {
      if (!io.stderrIsTTY || tally.orders % PROGRESS.everyOrders !== 0) return;
      const now = io.clock();
      if (now - drawnAt < PROGRESS.everyMs) return;
      drawnAt = now;
      const rate = Math.round((tally.orders / Math.max(now - started, 1)) * 1000);
      io.stderr.write(`\r${tally.orders} orders, ${count(tally.findings)} findings, ${tally.invalid} invalid (${rate}/s)\x1b[K`);
    },
    summary(label = 'findings') {
      const seconds = ((io.clock() - started) / 1000).toFixed(1);
      const codes = [...tally.findings].sort(([a], [b]) => (a < b ? -1 : 1)).map(([code, n]) => `${code} ${n}`);
      const clear = io.stderrIsTTY ? '\r\x1b[K' : '';
      return `${clear}${tally.orders} orders, ${count(tally.findings)} ${label}${codes.length > 0 ? ` (${codes.join(', ')})` : ''}, ${tally.invalid} invalid, ${seconds} s\n`;
    },
  };
  return tally;
}

function count(findings: ReadonlyMap<string, number>): number {
  let total = 0;
  for (const n of findings.values()) total += n;
  return total;
}
