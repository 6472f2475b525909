import fc from 'fast-check';
import { buildOrder, buildShipment, minutesAfter } from 'order-triage/testing';
import { describe, expect, it } from 'vitest';
import type { Shipment, TrackingEvent } from '../schema/snapshot.js';
import { cleanEvents, type LogisticsFacts, writeLogisticsFacts } from './logistics-facts.js';

const calendar = { timeZone: 'Asia/Shanghai', holidays: new Set<string>(), nonWorkingWeekdays: new Set<number>() };
const now = Date.parse(minutesAfter(20 * 24 * 60));
const codes = ['picked_up', 'in_transit', 'out_for_delivery', 'delivered', 'exception', 'lost', 'refused', 'delivery_attempt_failed'] as const;

/** Events out of order and twice over, as carriers send them; a few share one minute. */
const events = fc
  .array(fc.record({ minute: fc.integer({ min: 0, max: 12 }), code: fc.constantFrom(...codes), location: fc.constantFrom('深圳', '广州') }), { maxLength: 8 })
  .map((list) =>
    list.flatMap((e, i) => {
      const event: TrackingEvent = { at: minutesAfter(e.minute * 600), code: e.code, location: e.location, description: `#${i}` };
      return i % 3 === 0 ? [event, { ...event }] : [event];
    }),
  );
const shipments = fc.array(
  fc.record({ events, shipped: fc.option(fc.integer({ min: 0, max: 12 }), { nil: undefined }) }).map(({ events: list, shipped }): Shipment => {
    const base = buildShipment({ events: list });
    const { shippedAt: _dropped, ...withoutShippedAt } = base;
    return shipped === undefined ? withoutShippedAt : { ...base, shippedAt: minutesAfter(shipped * 600) };
  }),
  { maxLength: 3 },
);

/** The reading the one-pass scan replaced: sort and de-duplicate each shipment's events, then pick. */
function reference(list: readonly Shipment[]): { code: string | null; at: number | null; carrier: string | null; failedAttemptAt: number | null } {
  let best: { shipment: Shipment; events: TrackingEvent[]; undelivered: boolean; at: number } | undefined;
  for (const shipment of list) {
    const cleaned = cleanEvents(shipment);
    const first = cleaned[0];
    const at = shipment.shippedAt !== undefined ? Date.parse(shipment.shippedAt) : first === undefined ? -Infinity : Date.parse(first.at);
    const candidate = { shipment, events: cleaned, undelivered: !cleaned.some((e) => e.code === 'delivered'), at };
    if (best === undefined || (candidate.undelivered && !best.undelivered) || (candidate.undelivered === best.undelivered && candidate.at >= best.at)) best = candidate;
  }
  const last = best?.events[best.events.length - 1];
  const shippedAt = best?.shipment.shippedAt;
  // The latest failed delivery attempt with no delivery after it, in the cleaned events' order.
  let attempt: TrackingEvent | undefined;
  for (const event of best?.events ?? []) {
    if (event.code === 'delivery_attempt_failed') attempt = event;
    else if (event.code === 'delivered') attempt = undefined;
  }
  return {
    failedAttemptAt: attempt === undefined ? null : Date.parse(attempt.at),
    code: last?.code ?? null,
    at: last !== undefined ? Date.parse(last.at) : shippedAt !== undefined ? Date.parse(shippedAt) : null,
    carrier: best?.shipment.carrier ?? null,
  };
}

describe('writeLogisticsFacts', () => {
  it('reads the primary parcel and its last event as sorting and de-duplicating the events would, in one pass', () => {
    fc.assert(
      fc.property(shipments, (list) => {
        const facts = {} as LogisticsFacts;
        writeLogisticsFacts(facts as never, buildOrder({ status: 'shipped', shipments: list }), now, calendar, true);
        const expected = reference(list);
        expect(facts['tracking.lastEventCode']).toBe(expected.code);
        expect(facts['shipment.carrier']).toBe(expected.carrier);
        expect(facts['tracking.hoursSinceLastEvent']).toBe(expected.at === null ? null : Math.floor(Math.max(0, now - expected.at) / 3_600_000));
      }),
      { numRuns: 3_000, seed: 31 },
    );
  });

  it("reads the pending failed delivery attempt as sorting and de-duplicating the primary parcel's events would, whether or not it has one", () => {
    fc.assert(
      fc.property(shipments, (list) => {
        const facts = {} as LogisticsFacts;
        writeLogisticsFacts(facts as never, buildOrder({ status: 'shipped', shipments: list }), now, calendar, true);
        const { failedAttemptAt } = reference(list);
        expect(facts['tracking.hoursSinceFailedAttempt']).toBe(failedAttemptAt === null ? null : Math.floor(Math.max(0, now - failedAttemptAt) / 3_600_000));
      }),
      { numRuns: 3_000, seed: 37 },
    );
  });
});

/** One instant spelled several ways, as carriers do: the time text differs, the time does not. */
const SPELLINGS = (minute: number): string[] => {
  const at = new Date(Date.parse(minutesAfter(minute * 600)));
  const iso = at.toISOString();
  const plus8 = new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 19);
  return [iso, iso.replace('.000Z', 'Z'), `${plus8}+08:00`, iso.replace('.000Z', '.000000000000Z')];
};

/** Many events on few instants, in any spelling, repeated, with places that look like separators. */
const tiedEvents = fc
  .array(
    fc.record({
      minute: fc.integer({ min: 0, max: 2 }),
      spelling: fc.integer({ min: 0, max: 3 }),
      code: fc.constantFrom(...codes),
      location: fc.option(fc.constantFrom('深圳', '广州', 'a|b', '3:a|', ''), { nil: undefined }),
      repeat: fc.boolean(),
    }),
    { maxLength: 60 },
  )
  .map((list) =>
    list.flatMap((e, i) => {
      const event: TrackingEvent = {
        at: SPELLINGS(e.minute)[e.spelling] as string,
        code: e.code,
        description: `#${i}`,
        ...(e.location === undefined ? {} : { location: e.location }),
      };
      return e.repeat ? [event, { ...event, description: `#${i} again` }] : [event];
    }),
  );

describe('writeLogisticsFacts on events sharing a time', () => {
  it('picks the last event of many sharing one instant, however the time is spelled, as sorting and de-duplicating would', () => {
    fc.assert(
      fc.property(
        fc.array(
          tiedEvents.map((list) => buildShipment({ events: list })),
          { minLength: 1, maxLength: 2 },
        ),
        (list) => {
          const facts = {} as LogisticsFacts;
          writeLogisticsFacts(facts as never, buildOrder({ status: 'shipped', shipments: list }), now, calendar, true);
          const expected = reference(list);
          expect(facts['tracking.lastEventCode']).toBe(expected.code);
          expect(facts['shipment.carrier']).toBe(expected.carrier);
        },
      ),
      { numRuns: 2_000, seed: 12 },
    );
  });

  it('reads 10,000 events at one instant, with long time texts, to the last that repeats none before it', () => {
    const at = minutesAfter(600, 0).replace('Z', `.${'0'.repeat(2_000)}Z`);
    const firsts: TrackingEvent[] = Array.from({ length: 5_000 }, (_, i) => ({ at, code: i === 4_999 ? 'lost' : 'in_transit', location: `hub ${i}` }));
    // The second half repeats the first backwards: dropped as repeats, they leave 'lost' the last event.
    const shipment = buildShipment({ events: [...firsts, ...firsts.map((e) => ({ ...e })).reverse()] });
    const facts = {} as LogisticsFacts;
    writeLogisticsFacts(facts as never, buildOrder({ status: 'shipped', shipments: [shipment] }), now, calendar, true);
    expect(facts['tracking.lastEventCode']).toBe('lost');
    expect(reference([shipment]).code).toBe('lost');
  });
});
