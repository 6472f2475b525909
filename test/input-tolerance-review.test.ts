import { runInNewContext } from 'node:vm';
import fc from 'fast-check';
import { createTriage } from 'order-triage';
import { buildOrder, buildShipment, buildSync, minutesAfter, trackingEvent } from 'order-triage/testing';
import { describe, expect, it } from 'vitest';

// Defects an outside review found in reading input as real systems hold it (docs/snapshot.md, "Tolerance").

const triage = createTriage();
const strictTriage = createTriage({ strict: true });
const now = minutesAfter(6 * 24 * 60);

/** Snapshots as databases hand them over: not the input type. */
type Loose = any;

const evaluate = async (order: unknown, context: Loose = { now }, using = triage) => (await using.evaluate(order, context)) as Loose;
const codesOf = (report: Loose): string[] => report.findings.map((f: Loose) => f.code);

/** A shipped order whose parcel's events end with `last` (its code written as given). */
const shippedWith = (...events: Loose[]): Loose =>
  buildOrder({ status: 'shipped', shipments: [buildShipment({ events: [trackingEvent('picked_up', 120), trackingEvent('in_transit', 300), ...events] })] });

describe('known codes written in another case or with spaces and hyphens', () => {
  it.each([
    ['DELIVERED', 'delivered'],
    ['Delivered ', 'delivered'],
    [' delivered', 'delivered'],
    ['out-for-delivery', 'out_for_delivery'],
    ['Out For Delivery', 'out_for_delivery'],
    ['AVAILABLE-FOR-PICKUP', 'available_for_pickup'],
  ])('reads the tracking event code %j as %s, with no warning, giving the report the code as written by the library gives', async (written, code) => {
    const folded = await evaluate(shippedWith({ at: minutesAfter(1000), code: written, location: '深圳' }));
    const canonical = await evaluate(shippedWith({ at: minutesAfter(1000), code, location: '深圳' }));
    expect(folded.ok).toBe(true);
    expect(folded.warnings).toEqual([]);
    expect(folded).toEqual(canonical);
    expect((await evaluate(shippedWith({ at: minutesAfter(1000), code: written, location: '深圳' }), { now }, strictTriage)).ok).toBe(true);
  });

  it('raises nothing about a parcel delivered with the code written DELIVERED', async () => {
    const report = await evaluate(shippedWith({ at: minutesAfter(1000), code: 'DELIVERED', location: '深圳' }));
    expect(codesOf(report)).toEqual([]);
    expect(codesOf(await evaluate(shippedWith()))).toContain('TRACKING_STALLED');
  });

  it('reads a report kind written Damaged or WRONG-ITEM as the known kind, with no warning', async () => {
    const base = buildOrder({ status: 'delivered' }) as Loose;
    const report = (kind: string) => ({ id: 'REP-1', source: 'customer', kind, at: minutesAfter(5000), text: 'x' });
    for (const [written, kind] of [
      ['Damaged', 'damaged'],
      ['WRONG-ITEM', 'wrong_item'],
    ]) {
      const folded = await evaluate({ ...base, reports: [report(written as string)] });
      expect(folded.warnings).toEqual([]);
      expect(folded).toEqual(await evaluate({ ...base, reports: [report(kind as string)] }));
    }
  });

  it('still keeps a truly unknown code as unknown, with a warning', async () => {
    const report = await evaluate(shippedWith({ at: minutesAfter(1000), code: 'Customs Clearance', location: '深圳' }));
    expect(report.warnings).toEqual([{ path: ['shipments', 0, 'events', 2, 'code'], message: expect.stringContaining('"Customs Clearance"') }]);
  });
});

describe('an unknown event after a settled one does not reopen the parcel', () => {
  const unknownAfter = (code: string, minutes: number) =>
    shippedWith(trackingEvent(code as Loose, minutes), { at: minutesAfter(minutes + 60), code: 'customs_clearance', location: '深圳' });

  it('available_for_pickup then an unknown event: AWAITING_PICKUP only, no PACKAGE_LOST or TRACKING_STALLED', async () => {
    const report = await evaluate(unknownAfter('available_for_pickup', 1000));
    expect(report.ok).toBe(true);
    expect(codesOf(report)).toContain('AWAITING_PICKUP');
    expect(codesOf(report)).not.toContain('PACKAGE_LOST');
    expect(codesOf(report)).not.toContain('TRACKING_STALLED');
    expect(codesOf(report)).toEqual(codesOf(await evaluate(shippedWith(trackingEvent('available_for_pickup', 1000)))));
  });

  it('refused then an unknown event: DELIVERY_REFUSED only, no PACKAGE_LOST or TRACKING_STALLED', async () => {
    const report = await evaluate(unknownAfter('refused', 1000));
    expect(report.ok).toBe(true);
    expect(codesOf(report)).toContain('DELIVERY_REFUSED');
    expect(codesOf(report)).not.toContain('PACKAGE_LOST');
    expect(codesOf(report)).not.toContain('TRACKING_STALLED');
    expect(codesOf(report)).toEqual(codesOf(await evaluate(shippedWith(trackingEvent('refused', 1000)))));
  });

  it('delivered then an unknown event raises nothing about the parcel', async () => {
    const report = await evaluate(unknownAfter('delivered', 1000));
    expect(codesOf(report)).toEqual(codesOf(await evaluate(shippedWith(trackingEvent('delivered', 1000)))));
  });

  it('counts an unknown event as carrier activity: a parcel scanned recently by an unknown code is not stalled', async () => {
    const stalled = shippedWith();
    expect(codesOf(await evaluate(stalled))).toContain('TRACKING_STALLED');
    const scanned = shippedWith({ at: minutesAfter(6 * 24 * 60 - 60), code: 'customs_clearance', location: '深圳' });
    expect(codesOf(await evaluate(scanned))).not.toContain('TRACKING_STALLED');
  });
});

/** `ms` written with an offset of `offsetMinutes` (`2026-03-08T10:00:00+08:00`), with its milliseconds only when it has some. */
function writtenAt(ms: number, offsetMinutes: number): string {
  const local = new Date(ms + offsetMinutes * 60_000).toISOString().slice(0, 23);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const offset = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  return `${ms % 1000 === 0 ? local.slice(0, 19) : local}${offset}`;
}

describe('idempotency keys built from a time', () => {
  const failedAt = (lastAttemptAt: unknown): Loose => buildOrder({ status: 'paid', sync: [buildSync({ status: 'failed', lastAttemptAt: lastAttemptAt as string })] });
  const keysOf = (report: Loose): string[] => report.actions.map((a: Loose) => a.idempotencyKey);

  it('the retry of a failed sync has the same key however its attempt time is written (Date, Z, any offset, +hhmm)', async () => {
    const start = Date.parse(minutesAfter(3 * 24 * 60));
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 2 * 24 * 3_600_000 }),
        fc.integer({ min: -12 * 60, max: 14 * 60 }),
        fc.boolean(),
        async (offsetMs, offsetMinutes, wholeSeconds) => {
          const ms = start + (wholeSeconds ? offsetMs - (offsetMs % 1000) : offsetMs);
          const asDate = await evaluate(failedAt(new Date(ms)));
          const asOffset = await evaluate(failedAt(writtenAt(ms, offsetMinutes)));
          expect(asDate.ok).toBe(true);
          expect(keysOf(asDate).some((key) => key.includes('retry_sync'))).toBe(true);
          expect(keysOf(asOffset)).toEqual(keysOf(asDate));
        },
      ),
      { numRuns: 60, seed: 17 },
    );
  });

  it('writes the time in a key as its UTC instant, so 10:00+08:00 and 02:00Z give one key', async () => {
    const a = await evaluate(failedAt('2026-03-04T10:00:00+08:00'));
    const b = await evaluate(failedAt('2026-03-04T02:00:00Z'));
    const c = await evaluate(failedAt('2026-03-04T10:00:00+0800'));
    expect(keysOf(a)).toContain('ORD-1001/retry_sync/erp/2026-03-04T02%3A00%3A00.000Z');
    expect(keysOf(b)).toEqual(keysOf(a));
    expect(keysOf(c)).toEqual(keysOf(a));
  });
});

describe('keys that are columns of their own, not misspelt fields', () => {
  it('gives no warning for _id and __v, nor for a field plus a column suffix (customer_id, created_by, payments[0].method_id, shippingAddress.district_id, ...)', async () => {
    const order = buildOrder() as Loose;
    const input = {
      ...order,
      _id: '65f0c0ffee',
      __v: 3,
      customer_id: 5,
      channel_id: 2,
      status_id: 7,
      currency_id: 1,
      device_id: 9,
      payment_id: 4,
      created_by: 'admin',
      updated_by: 'admin',
      customerId: 5,
      statusCode: 'S1',
      payments: [{ ...order.payments[0], method_id: 3, _id: 'p' }],
      shippingAddress: { ...order.shippingAddress, district_id: 440305, _id: 'a' },
    };
    const report = await evaluate(input);
    expect(report.ok).toBe(true);
    expect(report.warnings).toEqual([]);
    expect((await evaluate(input, { now }, strictTriage)).ok).toBe(true);
  });

  it('still warns about promisedShipby, promised_ship_by, shipping_address and payments[0].paidat', async () => {
    const order = buildOrder() as Loose;
    const report = await evaluate({
      ...order,
      promisedShipby: minutesAfter(60),
      promised_ship_by: minutesAfter(60),
      shipping_address: {},
      payments: [{ ...order.payments[0], paidat: minutesAfter(1) }],
    });
    expect(report.warnings.map((w: Loose) => w.path)).toEqual([['payments', 0, 'paidat'], ['promisedShipby'], ['promised_ship_by'], ['shipping_address']]);
  });
});

describe('an object with many unknown keys', () => {
  const withExtra = (order: Loose, count: number, name: (j: number) => string): Loose => {
    const copy = { ...order };
    for (let j = 0; j < count; j++) copy[name(j)] = j;
    return copy;
  };

  it('with 1,000 extra columns still gives the findings it gives without them, and says once that only the first 64 were checked', async () => {
    const order = shippedWith();
    const report = await evaluate(withExtra(order, 1000, (j) => `erp_column_${j}`));
    expect(report.ok).toBe(true);
    expect(report.findings).toEqual((await evaluate(order)).findings);
    expect(report.warnings).toEqual([{ path: [], message: '1000 unknown fields: only the first 64 were checked for misspelt field names' }]);
  });

  it('still warns about a misspelt key among the first 64 unknown keys', async () => {
    const order = withExtra({ promised_ship_by: minutesAfter(60), ...buildOrder() }, 100, (j) => `erp_column_${j}`);
    const report = await evaluate(order);
    expect(report.warnings.map((w: Loose) => w.path)).toEqual([['promised_ship_by'], []]);
  });

  it('answers the same for an order after another with 600 random keys (no answer depends on what came before)', async () => {
    const order = withExtra(buildOrder(), 40, (j) => `erp_column_${j}`);
    const misspelt = { ...order, promised_ship_by: minutesAfter(60) };
    const before = [await evaluate(order), await evaluate(misspelt)];
    for (let i = 0; i < 3; i++) await evaluate(withExtra(buildOrder(), 600, (j) => `k${i}_${(j * 104729).toString(36)}`));
    expect([await evaluate(order), await evaluate(misspelt)]).toEqual(before);
    expect(before[1].warnings.map((w: Loose) => w.path)).toEqual([['promised_ship_by']]);
  });
});

describe('offsets as systems write them, in the snapshot and in now', () => {
  const at = (offset: string) => `2026-03-01T10:00:00${offset}`;

  it.each([
    ['+0800', '+08:00'],
    ['+08', '+08:00'],
    ['-05', '-05:00'],
    ['z', 'Z'],
  ])('reads now written with %s as with %s', async (written, canonical) => {
    const order = buildOrder();
    const report = await evaluate(order, { now: at(written) });
    expect(report.ok).toBe(true);
    expect(report).toEqual(await evaluate(order, { now: at(canonical) }));
  });

  it.each([
    ['2026-03-01T10:01:00+08', '2026-03-01T10:01:00+08:00'],
    ['2026-03-01T02:01:00.000z', '2026-03-01T02:01:00.000Z'],
  ])('reads a snapshot timestamp written %s as %s, with no warning', async (written, canonical) => {
    const order = buildOrder() as Loose;
    const report = await evaluate({ ...order, createdAt: written });
    expect(report.ok).toBe(true);
    expect(report.warnings).toEqual([]);
    expect(report).toEqual(await evaluate({ ...order, createdAt: canonical }));
  });

  it('still refuses now without an offset', async () => {
    const report = await evaluate(buildOrder(), { now: '2026-03-01T10:00:00' });
    expect(report.ok).toBe(false);
    expect(report.error.code).toBe('invalid_context');
  });
});

describe('a context as databases hold it', () => {
  it('reads blacklist: null, calendar: null and null lists inside them as absent', async () => {
    const order = buildOrder();
    const absent = await evaluate(order, { now });
    expect(await evaluate(order, { now, blacklist: null, calendar: null })).toEqual(absent);
    expect(
      await evaluate(order, {
        now,
        blacklist: { customerIds: null, phones: null, addresses: null, devices: null },
        calendar: { holidays: null, nonWorkingWeekdays: null, timeZone: null },
      }),
    ).toEqual(absent);
  });

  it('matches blacklisted customer ids held as safe integers (phones stay strings: a number loses a leading 0)', async () => {
    const order = buildOrder({ customer: { ...buildOrder().customer, id: 1001 as Loose } });
    const report = await evaluate(order, { now, blacklist: { customerIds: [1001] } });
    expect(report.ok).toBe(true);
    expect(codesOf(report)).toContain('BLACKLISTED');
    const refused = await evaluate(order, { now, blacklist: { customerIds: [1.5] } });
    expect(refused.ok).toBe(false);
  });
});

describe('references other systems issued, as databases hold them', () => {
  it('reads shipments[].trackingNumber and payments[].gatewayTxnId held as safe integers as their decimal strings', async () => {
    const order = buildOrder({ status: 'shipped', shipments: [buildShipment()] }) as Loose;
    const numeric = {
      ...order,
      shipments: [{ ...order.shipments[0], trackingNumber: 773012345678 }],
      payments: [{ ...order.payments[0], gatewayTxnId: 4200001234 }],
    };
    const strings = {
      ...order,
      shipments: [{ ...order.shipments[0], trackingNumber: '773012345678' }],
      payments: [{ ...order.payments[0], gatewayTxnId: '4200001234' }],
    };
    const report = await evaluate(numeric);
    expect(report.ok).toBe(true);
    expect(report.warnings).toEqual([]);
    expect(report).toEqual(await evaluate(strings));
    expect((await evaluate({ ...order, shipments: [{ ...order.shipments[0], trackingNumber: 2 ** 53 }] })).ok).toBe(false);
  });
});

describe('Dates the check did not recognise', () => {
  it('reads a valid Date from another realm (node:vm) as its instant, in the snapshot and in now', async () => {
    const order = buildOrder() as Loose;
    const foreign = runInNewContext('new Date(Date.UTC(2026, 1, 28, 2, 1))');
    expect(foreign instanceof Date).toBe(false);
    const report = await evaluate({ ...order, createdAt: foreign }, { now: runInNewContext(`new Date(${Date.parse(now)})`) });
    expect(report.ok).toBe(true);
    expect(report).toEqual(await evaluate({ ...order, createdAt: '2026-02-28T02:01:00.000Z' }, { now: new Date(now) }));
  });

  it('names a Date beyond the year 9999 or before the year 0 as such, not as a string without an offset', async () => {
    const order = buildOrder() as Loose;
    for (const date of [new Date(Date.UTC(10_000, 0, 1)), new Date(-62_167_219_200_001)]) {
      const report = await evaluate({ ...order, createdAt: date });
      expect(report.ok).toBe(false);
      expect(report.error.issues).toEqual([{ path: ['createdAt'], message: 'is a Date outside the years 0000 to 9999 (UTC), which an ISO 8601 timestamp cannot write' }]);
    }
  });
});

describe('explain()', () => {
  it('carries the warnings reading the snapshot gave, as evaluate reports them', async () => {
    const order = { ...buildOrder(), promised_ship_by: minutesAfter(60) };
    const explained = (await triage.explain(order, { now }, 'NOT_SHIPPED_ON_TIME')) as Loose;
    expect(explained.ok).toBe(true);
    expect(explained.warnings).toEqual((await evaluate(order)).warnings);
    expect(explained.warnings.map((w: Loose) => w.path)).toEqual([['promised_ship_by']]);
    expect(((await triage.explain(buildOrder(), { now }, 'NOT_SHIPPED_ON_TIME')) as Loose).warnings).toEqual([]);
  });
});
