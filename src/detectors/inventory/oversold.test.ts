import { createTriage, type EvaluateResult } from 'order-triage';
import { buildInventory, buildOrder, buildReport, buildReservation, expectReport, inventoryScenarios, minutesAfter } from 'order-triage/testing';
import { describe, expect, it } from 'vitest';

const triage = createTriage({ locale: 'en' });
const codes = (r: EvaluateResult) => expectReport(r).findings.map((f) => f.code);
const tees = (quantity: number, extra = {}) => buildOrder({ items: [{ sku: 'SKU-TEE-M', name: 'T-shirt M', quantity, unitPrice: 19_900 }], ...extra });
const now = minutesAfter(30);
const fresh = { syncedAt: minutesAfter(25) };

describe('OVERSOLD', () => {
  it("fires when the order wants more than is left after other orders' reservations, and restocks the shortfall", () => {
    const { order, now } = inventoryScenarios.oversold();
    const r = expectReport(triage.evaluate(order, { now }));
    expect(r.findings.map((f) => f.code)).toEqual(['OVERSOLD']);
    expect(r.actions.map((a) => [a.kind, a.params])).toContainEqual(['urgent_restock', { sku: 'SKU-TEE-M', units: 2 }]);
    expect(r.actions.find((a) => a.kind === 'contact_customer')?.customerMessage?.text).toContain('纯棉T恤 M');
  });

  it("does not count the order's own reservation against it", () => {
    // 10 on hand, 9 reserved of which 3 by this very order: 4 left for it, 3 wanted.
    const order = tees(3, { inventory: [buildInventory({ onHand: 10, reserved: 9, ...fresh })], reservations: [buildReservation({ quantity: 3 })] });
    expect(codes(triage.evaluate(order, { now }))).toEqual([]);
  });

  it('stays silent when exactly enough is left', () => {
    expect(codes(triage.evaluate(tees(1, { inventory: [buildInventory({ onHand: 10, reserved: 9, ...fresh })] }), { now }))).toEqual([]);
  });

  it('judges presale lines against the presale allowance, not on-hand stock', () => {
    const presale = (allowance: number) =>
      buildOrder({
        items: [{ sku: 'SKU-NEW', quantity: 5, unitPrice: 9_900, presale: true }],
        inventory: [buildInventory({ sku: 'SKU-NEW', onHand: 0, reserved: 10, presaleAllowance: allowance, channelAvailable: -10, ...fresh })],
      });
    const lenient = createTriage({ disabled: ['STOCK_SYNC_LAG'] });
    expect(codes(lenient.evaluate(presale(15), { now }))).toEqual([]);
    expect(codes(lenient.evaluate(presale(14), { now }))).toEqual(['OVERSOLD']);
  });

  it("treats a warehouse's stock_missing report as a signal", () => {
    const order = tees(1, { reports: [buildReport({ source: 'warehouse', kind: 'stock_missing', at: minutesAfter(20) })] });
    expect(codes(triage.evaluate(order, { now }))).toEqual(['OVERSOLD']);
  });

  it('never fires without inventory data, and not once shipped', () => {
    expect(codes(triage.evaluate(tees(500), { now }))).not.toContain('OVERSOLD');
    const { order } = inventoryScenarios.oversold();
    expect(codes(triage.evaluate({ ...order, status: 'shipped' }, { now }))).toEqual([]);
  });

  it('catches oversell at checkout, before payment', () => {
    const { order } = inventoryScenarios.oversold();
    expect(codes(triage.evaluate({ ...order, status: 'pending_payment', payments: [] }, { now: minutesAfter(5) }))).toEqual(['OVERSOLD']);
  });

  it('honours a changed tolerance', () => {
    const { order } = inventoryScenarios.oversold(); // 2 units short
    expect(codes(createTriage({ thresholds: { OVERSOLD: { toleranceUnits: 2 } } }).evaluate(order, { now }))).toEqual([]);
  });

  it('names its evidence: the shortage against the tolerance, and the availability per SKU', () => {
    const { order } = inventoryScenarios.oversold();
    const f = expectReport(triage.evaluate(order, { now })).findings[0];
    expect(f?.evidence.conditions).toContainEqual({ fact: 'inventory.maxShortUnits', value: 2, operator: 'greaterThan', threshold: 0, passed: true });
    expect(f?.evidence.records.availability).toEqual([{ sku: 'SKU-TEE-M', presale: false, ordered: 3, supply: 10, reservedByOthers: 9, available: 1, short: 2 }]);
  });
});
