import { createTriage, type OrderSnapshotInput, type UserRule } from 'order-triage';
import { allScenarios, buildOrder, customerScenarios, expectReport, logisticsScenarios, minutesAfter, paymentScenarios } from 'order-triage/testing';
import { describe, expect, it } from 'vitest';

// Text that is not well-formed, and the texts we produce (docs/messages.md).

const triage = createTriage({ locale: 'en' });
const FORBIDDEN =
  /[\u0000-\u001F\u007F-\u009F\u00AD\u061C\u180E\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\u2028\u2029\uFEFF\uFFF9-\uFFFB]|\uDB40[\uDC01\uDC20-\uDC7F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const alwaysRule = (summary: string): UserRule => ({
  name: 'every-order',
  conditions: { all: [{ fact: 'items.totalQuantity', operator: 'greaterThanInclusive', value: 0 }] },
  event: { type: 'EVERY_ORDER', params: { category: 'system', severity: 'low', owner: 'tech', summary: { en: summary } } },
});

describe('text that is not well-formed', () => {
  it('gives a report, with keys that name the order, for a lone surrogate in the order id, an address or a device fingerprint', () => {
    for (const make of allScenarios) {
      const s = make();
      const order: OrderSnapshotInput = {
        ...s.order,
        id: 'ORD-\uD800',
        shippingAddress: { ...s.order.shippingAddress, line1: `${s.order.shippingAddress.line1}\uDC00` },
        device: { fingerprint: 'fp-\uDBFF' },
      };
      const report = expectReport(triage.evaluate(order, { now: s.now, ...s.context }));
      for (const action of report.actions) expect(action.idempotencyKey.startsWith('ORD-%uD800/')).toBe(true);
    }
  });

  it('lets a batch whose orders share an address, phone and device with lone surrogates resolve, counting every order and finding the cluster', async () => {
    const base = buildOrder({ createdAt: minutesAfter(0) });
    const orders = [1, 2, 3, 4, 5].map((n) => ({
      ...base,
      id: `ORD-${n}\uD800`,
      customer: { ...base.customer, id: `C-${n}` },
      shippingAddress: { ...base.shippingAddress, line1: 'Room \uDFFF 1', phone: '1380013800\uD800' },
      device: { fingerprint: '\uDC00fp' },
    }));
    const batch = await triage.evaluateBatch(orders, { now: minutesAfter(60) });
    expect(batch.summary.orders).toBe(5);
    expect(batch.summary.invalid).toBe(0);
    expect(batch.reports.every((r) => r.ok)).toBe(true);
    expect(batch.findings.map((f) => f.code)).toContain('SHARED_ADDRESS_CLUSTER');
    expect(batch.actions.find((a) => a.idempotencyKey.startsWith('batch/SHARED_ADDRESS_CLUSTER/'))?.idempotencyKey).toMatch(/%uDFFF/);
    for (const text of [...batch.findings.map((f) => f.summary), ...batch.actions.map((a) => a.note)]) expect(text).not.toMatch(FORBIDDEN);
  });

  it('never lets one order stop a batch, even one whose data throws when the batch reads it after its evaluation', async () => {
    const { order, now } = paymentScenarios.clean();
    // An order whose createdAt reads fine as often as evaluating it reads it, and throws after.
    const throwingAfter = (reads: number) => {
      let count = 0;
      return new Proxy(order, {
        get: (target, key, receiver) => {
          if (key === 'createdAt' && ++count > reads) throw new Error('read once too often');
          return Reflect.get(target, key, receiver) as unknown;
        },
      });
    };
    let reads = 0;
    triage.evaluate(new Proxy(order, { get: (t, k, r) => (k === 'createdAt' && reads++, Reflect.get(t, k, r) as unknown) }), { now });
    const snapshots = [{ ...order, id: 'ORD-A' }, throwingAfter(reads), { ...order, id: 'ORD-B' }];
    const batch = await triage.evaluateBatch(snapshots, { now });
    expect(batch.reports).toHaveLength(3);
    expect(batch.summary.orders).toBe(3);
    expect(batch.reports.filter((r) => r.ok).map((r) => r.orderId)).toEqual(expect.arrayContaining(['ORD-A', 'ORD-B']));
  });

  it('substitutes {orderId} in a rule summary literally, whatever $-patterns the id holds', () => {
    const ruled = createTriage({ locale: 'en', rules: [alwaysRule('Rule hit on {orderId}, twice: {orderId}.')] });
    const { order, now } = paymentScenarios.clean();
    const id = "A$'B$&C$`D$1E$$F";
    const report = expectReport(ruled.evaluate({ ...order, id }, { now }));
    expect(report.findings.find((f) => f.code === 'EVERY_ORDER')?.summary).toBe(`Rule hit on ${id}, twice: ${id}.`);
  });

  it('keeps a rule summary to the id quoted once per placeholder when a 20,000-character id is full of $-patterns', () => {
    const ruled = createTriage({ locale: 'en', rules: [alwaysRule('{orderId}{orderId}')] });
    const { order, now } = paymentScenarios.clean();
    const id = "$'".repeat(10_000);
    const summary = expectReport(ruled.evaluate({ ...order, id }, { now })).findings.find((f) => f.code === 'EVERY_ORDER')?.summary;
    expect(summary).toBe(`${id.slice(0, 200)}…`.repeat(2));
  });
});

describe('texts we produce', () => {
  it('quote a 90,000-character remark with <script> and U+202E into the staff note as plain text, its first 200 characters and an ellipsis', () => {
    const s = customerScenarios.remarkNeedsAttention();
    const remark = `<script>alert(1)</script>\u202E${s.order.remark}\n${'x'.repeat(90_000)}`;
    const report = expectReport(triage.evaluate({ ...s.order, remark }, { now: s.now }));
    const note = report.actions.map((a) => a.note).find((n) => n.includes('<script>'));
    const quoted = `<script>alert(1)</script>${s.order.remark} ${'x'.repeat(90_000)}`.slice(0, 200);
    expect(note).toBe(`Customer remark on order ORD-1001: "${quoted}…". Read as: delivery time: 周末; invoice: 发票. Confirm and arrange what it asks for before shipping.`);
  });

  it('never cut a surrogate pair when shortening a quoted value', () => {
    const s = customerScenarios.remarkNeedsAttention();
    const remark = `${s.order.remark}${'x'.repeat(199 - s.order.remark!.length)}😀😀😀`;
    const report = expectReport(triage.evaluate({ ...s.order, remark }, { now: s.now }));
    const note = report.actions.map((a) => a.note).find((n) => n.includes('xxx')) as string;
    expect(note).toContain(`${'x'}…"`);
    expect(note).not.toMatch(FORBIDDEN);
  });

  it('carry no control, bidirectional or separator characters from a carrier, tracking number or rule summary', () => {
    const s = logisticsScenarios.trackingStalled();
    const shipments = s.order.shipments!.map((sh) => ({ ...sh, carrier: 'SF\u202Eevil\u2066', trackingNumber: 'T1\r\nBcc: x\u0000\u009B\u2028' }));
    const ruled = createTriage({ locale: 'en', rules: [alwaysRule('Line one\nline two\u200F {orderId}\u061C')] });
    const report = expectReport(ruled.evaluate({ ...s.order, id: 'ORD\u2067-9', shipments }, { now: s.now }));
    const texts = [...report.findings.flatMap((f) => [f.summary, ...f.checklist]), ...report.actions.flatMap((a) => [a.note, a.customerMessage?.text ?? ''])];
    for (const text of texts) expect(text).not.toMatch(FORBIDDEN);
    expect(texts).toContain('Line one line two ORD-9');
    expect(texts.some((t) => t.includes('SFevil') && t.includes('T1  Bcc: x '))).toBe(true);
  });
});
