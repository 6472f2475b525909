import { createTriage, type EvaluateResult } from 'order-triage';
import { buildInventory, buildOrder, expectReport, inventoryScenarios, minutesAfter } from 'order-triage/testing';
import { describe, expect, it } from 'vitest';

const triage = createTriage({ locale: 'en' });
const codes = (r: EvaluateResult) => expectReport(r).findings.map((f) => f.code);

describe('STOCK_SYNC_LAG', () => {
  it('fires when the channel shows a different figure than the warehouse, and re-syncs automatically', () => {
    const { order, now } = inventoryScenarios.stockSyncLag();
    const r = expectReport(triage.evaluate(order, { now }));
    expect(r.findings.map((f) => f.code)).toEqual(['STOCK_SYNC_LAG']);
    expect(r.actions.map((a) => [a.kind, a.params, a.automatable])).toEqual([['resync_inventory', { skus: ['SKU-TEE-M'] }, true]]);
  });

  it('fires when the figures have not synced for more than 15 minutes, and not at 15', () => {
    const order = buildOrder({ inventory: [buildInventory({ syncedAt: minutesAfter(0) })] });
    expect(codes(triage.evaluate(order, { now: minutesAfter(15) }))).toEqual([]);
    expect(codes(triage.evaluate(order, { now: minutesAfter(16) }))).toEqual(['STOCK_SYNC_LAG']);
  });

  it('honours changed thresholds', () => {
    const { order, now } = inventoryScenarios.stockSyncLag(); // drift of 20
    expect(codes(createTriage({ thresholds: { STOCK_SYNC_LAG: { toleranceUnits: 20 } } }).evaluate(order, { now }))).toEqual([]);
  });

  it('names its evidence: the drift against the tolerance, and the inventory records', () => {
    const { order, now } = inventoryScenarios.stockSyncLag();
    const f = expectReport(triage.evaluate(order, { now })).findings[0];
    expect(f?.evidence.conditions).toEqual([
      { fact: 'order.status', value: 'paid', operator: 'notIn', threshold: ['delivered', 'cancelled', 'closed'], passed: true },
      { fact: 'inventory.maxChannelDrift', value: 20, operator: 'greaterThan', threshold: 0, passed: true },
    ]);
    expect(f?.evidence.records.inventory?.[0]).toMatchObject({ onHand: 30, reserved: 5, channelAvailable: 45 });
  });
});
