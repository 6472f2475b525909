import { createTriage, type TriageReport, type UserRule } from 'order-triage';
import { buildOrder, buildShipment, expectReport, minutesAfter, trackingEvent } from 'order-triage/testing';
import { describe, expect, it } from 'vitest';

// Evidence quotes snapshot records (docs/reliability.md, "Data used as keys"): own data
// properties only, JSON values only; a field named "__proto__" stays a field.

const triage = createTriage({ locale: 'en' });
const now = minutesAfter(5 * 24 * 60);
/** A shipped order whose parcel was refused: DELIVERY_REFUSED quotes its tracking events. */
const refused = () => buildOrder({ status: 'shipped', shipments: [buildShipment({ events: [trackingEvent('refused', 2 * 24 * 60)] })] });

function quotedEvent(report: TriageReport): Record<string, unknown> {
  const finding = report.findings.find((f) => f.code === 'DELIVERY_REFUSED');
  const shipments = finding?.evidence.records?.shipments as { events: Record<string, unknown>[] }[] | undefined;
  return shipments?.[0]?.events[0] as Record<string, unknown>;
}

function expectRoundTrip(report: TriageReport): void {
  const text = JSON.stringify(report);
  expect(JSON.stringify(JSON.parse(text))).toBe(text);
  expect(JSON.parse(text)).toEqual(report);
}

describe('quoted evidence records', () => {
  it('quote a "__proto__" field of a snapshot read from JSON as a field, inheriting nothing from it', () => {
    const text = JSON.stringify(refused()).replace('"code":"refused"', '"code":"refused","__proto__":{"description":"inherited","x":1}');
    const report = expectReport(triage.evaluate(JSON.parse(text), { now }));
    const event = quotedEvent(report);
    expect(Object.getPrototypeOf(event)).toBe(Object.prototype);
    expect(Object.hasOwn(event, '__proto__')).toBe(true);
    expect(Object.getOwnPropertyDescriptor(event, '__proto__')?.value).toEqual({ description: 'inherited', x: 1 });
    expect(event.description).toBeUndefined();
    expect(event.x).toBeUndefined();
    expect(JSON.stringify(event)).toBe('{"at":"2026-03-03T10:00:00+08:00","code":"refused","location":"深圳","__proto__":{"description":"inherited","x":1}}');
    expectRoundTrip(report);
  });

  it('leave out unknown fields that are not JSON (bigint, function, symbol, undefined, NaN, Infinity, Date, Map, class instances) and quote such list elements as null', () => {
    class Parcel {
      readonly weight = 1;
    }
    const order = refused();
    const event = order.shipments?.[0]?.events[0] as Record<string, unknown>;
    Object.assign(event, {
      big: 10n,
      fn: () => 1,
      sym: Symbol('s'),
      undef: undefined,
      nan: Number.NaN,
      inf: Number.POSITIVE_INFINITY,
      negativeZero: -0,
      date: new Date(0),
      map: new Map([['a', 1]]),
      parcel: new Parcel(),
      throwing: {
        ok: true,
        toJSON() {
          throw new Error('toJSON must not be called');
        },
      },
      list: [1, 2n, undefined, () => 1, 'a', Number.NaN, { deep: 3n, kept: 'yes' }],
      nested: { ok: 1, big: 2n, none: null },
    });
    const report = expectReport(triage.evaluate(order, { now }));
    expect(() => JSON.stringify(report)).not.toThrow();
    expect(quotedEvent(report)).toStrictEqual({
      at: '2026-03-03T10:00:00+08:00',
      code: 'refused',
      location: '深圳',
      list: [1, null, null, null, 'a', null, { kept: 'yes' }],
      negativeZero: 0,
      nested: { none: null, ok: 1 },
      throwing: { ok: true },
    });
    expectRoundTrip(report);
  });
});

describe('values a user rule reads from unknown fields', () => {
  const rule: UserRule = {
    name: 'extra-field',
    conditions: { all: [{ fact: 'order', path: '$.extra', operator: 'notEqual', value: 'x' }] },
    event: { type: 'EXTRA_FIELD', params: { category: 'fraud', severity: 'low', owner: 'risk' } },
  };
  const anyValue = { name: 'anything', evaluate: () => true };
  const date = new Date(0);
  const hostile: unknown[] = [
    10n,
    [1n, 2],
    date,
    new Map([[1, 2]]),
    {
      toJSON: () => {
        throw new Error('toJSON');
      },
    },
    { a: 1n, b: [() => 0, Number.NaN], c: 'kept' },
    Symbol('s'),
    () => 0,
  ];

  for (const [engine, triage] of [
    ['compiled', createTriage({ locale: 'en', rules: [rule] })],
    [
      'json-rules-engine',
      createTriage({
        locale: 'en',
        rules: [{ ...rule, conditions: { all: [{ fact: 'order', path: '$.extra', operator: 'anything', value: 'x' }] } }],
        customOperators: [anyValue],
      }),
    ],
  ] as const) {
    it(`are quoted as JSON in evidence and in explain, never the caller's objects (${engine})`, async () => {
      for (const extra of hostile) {
        const order = { ...buildOrder(), extra };
        const report = expectReport(await triage.evaluate(order, { now: minutesAfter(60) }));
        const finding = report.findings.find((f) => f.code === 'EXTRA_FIELD');
        expect(finding, String(typeof extra)).toBeDefined();
        const text = JSON.stringify(report);
        expect(JSON.parse(text)).toEqual(report);
        const why = await triage.explain(order, { now: minutesAfter(60) }, 'EXTRA_FIELD');
        expect(JSON.parse(JSON.stringify(why))).toEqual(why);
        expect(JSON.stringify(why)).not.toContain('1970');
      }
      const objectReport = expectReport(await triage.evaluate({ ...buildOrder(), extra: { a: 1n, b: [() => 0, Number.NaN], c: 'kept' } }, { now: minutesAfter(60) }));
      expect(objectReport.findings.find((f) => f.code === 'EXTRA_FIELD')?.evidence.conditions[0]?.value).toEqual({ b: [null, null], c: 'kept' });
    });
  }
});
