// What the suite (evaluate.ts) and the stage timings (components.ts) share: the same generated
// snapshots, and detection alone (derived facts + the built-in detectors' compiled conditions).

import { type OrderSnapshot, OrderSnapshotSchema } from '../src/index.js';
import { generateOrders } from '../src/testing/index.js';

/** How many snapshots every contender cycles through. */
export const ORDERS = 20_000;
/** The snapshots as a backend sends them (seed 42). */
export const raw = [...generateOrders({ count: ORDERS, seed: 42 })];
/** The same snapshots, parsed by OrderSnapshotSchema. */
export const parsed: OrderSnapshot[] = raw.map((o) => OrderSnapshotSchema.parse(o));

/** Detection alone, built from a triage's options (bench/contenders.ts). */
export { detectionFor } from './contenders.js';
