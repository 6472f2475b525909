import { createTriage, factCatalogue } from 'order-triage';
import { buildOrder, buildPayment } from 'order-triage/testing';
import { describe, expect, it } from 'vitest';
import { OrderSnapshotSchema } from '../schema/snapshot.js';
import { deriveFacts } from './derive-facts.js';
import { buildFactSettings } from './fact-settings.js';

const settings = buildFactSettings(createTriage().options);
const context = (now: string) => ({
  now: Date.parse(now),
  settings,
  calendar: { timeZone: 'Asia/Shanghai', holidays: new Set<string>(), nonWorkingWeekdays: new Set<number>() },
  blacklist: undefined,
});

describe('deriveFacts', () => {
  it('sets exactly the facts the catalogue documents, in the same order', () => {
    const facts = deriveFacts(OrderSnapshotSchema.parse(buildOrder()), context('2026-03-01T12:00:00+08:00'));
    expect(Object.keys(facts)).toEqual(Object.keys(factCatalogue));
  });

  it('gives each fact a value of its documented type', () => {
    const order = buildOrder({ status: 'pending_payment', payments: [buildPayment({ status: 'failed' })] });
    const facts = deriveFacts(OrderSnapshotSchema.parse(order), context('2026-03-01T12:00:00+08:00'));
    for (const [name, spec] of Object.entries(factCatalogue)) {
      const value = (facts as Record<string, unknown>)[name];
      if (value === null) expect('nullable' in spec && spec.nullable, `${name} is null but not nullable`).toBe(true);
      else expect(typeof value, name).toBe(spec.type);
    }
  });

  it('counts real elapsed minutes whatever the offsets the timestamps are written in', () => {
    const order = OrderSnapshotSchema.parse(buildOrder({ createdAt: '2026-03-08T01:30:00-05:00' }));
    // 06:30Z to 07:31Z is 61 minutes, although New York's clocks jumped an hour in between (DST).
    const facts = deriveFacts(order, context('2026-03-08T03:31:00-04:00'));
    expect(facts['order.minutesSinceCreated']).toBe(61);
  });
});
