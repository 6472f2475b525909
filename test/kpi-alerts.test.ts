import { createTriage, type Kpi, type OrderSnapshotInput } from 'order-triage';
import { buildOrder, buildPayment, minutesAfter } from 'order-triage/testing';
import { describe, expect, it } from 'vitest';

const triage = createTriage({ locale: 'en' });
const now = minutesAfter(120);
const order = (i: number, extra: Partial<OrderSnapshotInput> = {}): OrderSnapshotInput =>
  buildOrder({
    id: `K-${i}`,
    customer: { id: `K-${i}` },
    shippingAddress: { name: '王五', phone: `1340000${String(i).padStart(4, '0')}`, country: 'CN', province: '广东省', city: '深圳市', district: '南山区', line1: `K路${i}号` },
    ...extra,
  });
const failed = { status: 'pending_payment' as const, payments: [buildPayment({ status: 'failed' })] };
const batchOf = (n: number, odd: number, extra: Partial<OrderSnapshotInput>) => Array.from({ length: n }, (_, i) => order(i, i < odd ? extra : {}));
const kpi = (kpis: readonly Kpi[], name: string) => kpis.find((k) => k.name === name);

describe('KPI alerts: each KPI its own rule', () => {
  it('alert on a 50% payment failure rate with no baseline, as an emergency opening one tech incident', async () => {
    const batch = await triage.evaluateBatch(batchOf(120, 60, failed), { now });
    expect(kpi(batch.kpis, 'payment_success_rate')).toMatchObject({ rate: 0.5, baseline: null, alert: true, emergency: true, reason: '50.0% is below the 80.0% limit' });
    expect(batch.actions.filter((a) => a.kind === 'tech_incident').map((a) => a.params)).toEqual([{ system: 'payment_success_rate', reason: 'kpi_collapse' }]);
  });

  it('alert on a payment success rate under the built-in 80% floor without a baseline, and stay quiet above it', async () => {
    expect(kpi((await triage.evaluateBatch(batchOf(120, 30, failed), { now })).kpis, 'payment_success_rate')).toMatchObject({ rate: 0.75, alert: true, emergency: false });
    expect(kpi((await triage.evaluateBatch(batchOf(120, 12, failed), { now })).kpis, 'payment_success_rate')).toMatchObject({
      rate: 0.9,
      alert: false,
      reason: 'within the 80.0% limit (no baseline to compare with)',
    });
  });

  it('judge an exception rate relatively: 5.2% against a 2% baseline alerts, 2.5% does not', async () => {
    const high = await triage.evaluateBatch(batchOf(250, 13, failed), { now, baseline: { exceptionRate: { payment: 0.02 } } });
    expect(kpi(high.kpis, 'exception_rate:payment')).toMatchObject({ numerator: 13, denominator: 250, rate: 0.052, alert: true, emergency: false });
    expect(kpi(high.kpis, 'exception_rate:payment')?.reason).toContain('160% of the baseline');
    const normal = await triage.evaluateBatch(batchOf(200, 5, failed), { now, baseline: { exceptionRate: { payment: 0.02 } } });
    expect(kpi(normal.kpis, 'exception_rate:payment')).toMatchObject({ rate: 0.025, alert: false });
  });

  it('take each KPI’s threshold from options: an absolute drift for the exception rate when asked', async () => {
    const absolute = createTriage({ batch: { kpi: { exceptionRate: { drift: 0.05, relative: false } } } });
    const batch = await absolute.evaluateBatch(batchOf(250, 13, failed), { now, baseline: { exceptionRate: { payment: 0.02 } } });
    expect(kpi(batch.kpis, 'exception_rate:payment')).toMatchObject({ rate: 0.052, alert: false });
    expect(createTriage().options.batch.kpi.paymentSuccessRate).toEqual({ drift: 0.05, relative: false, emergencyDrift: 0.3, limit: 0.8, emergencyLimit: 0.5 });
  });
});

describe('a systemic cause', () => {
  const paidNotUpdated = { status: 'pending_payment' as const, payments: [buildPayment({ createdAt: minutesAfter(1) })] };

  it('is one batch-level tech_incident listing every order one payment-callback outage hit', async () => {
    const orders = batchOf(40, 30, paidNotUpdated);
    const batch = await triage.evaluateBatch(orders, { now });
    const ids = orders.slice(0, 30).map((o) => o.id);
    const own = batch.reports.filter((r) => r.ok && r.actions.some((a) => a.kind === 'tech_incident'));
    expect(own).toHaveLength(30);
    const incidents = batch.actions.filter((a) => a.kind === 'tech_incident');
    expect(incidents.map((a) => [a.params, a.orderIds, a.because, a.owner])).toEqual([
      [{ system: 'payment_gateway', reason: 'payment_callback' }, ids, ['PAID_NOT_UPDATED'], 'tech'],
    ]);
  });

  it('is not raised for fewer orders than incidentAt', async () => {
    const batch = await triage.evaluateBatch(batchOf(10, 4, paidNotUpdated), { now });
    expect(batch.actions.filter((a) => a.kind === 'tech_incident')).toEqual([]);
  });
});
