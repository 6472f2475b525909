import { createTriage, detectors, factCatalogue } from 'order-triage';
import { buildOrder, buildPayment } from 'order-triage/testing';
import { describe, expect, it } from 'vitest';
import { compileDetector } from '../detectors/compile-detector.js';
import { buildFactSettings } from '../engine/fact-settings.js';
import { OrderSnapshotSchema } from '../schema/snapshot.js';
import { LAZY_FACT_NAMES } from './customer-facts.js';
import { deriveFacts, planFacts } from './derive-facts.js';

const settings = buildFactSettings(createTriage().options);
const context = (now: string) => ({
  now: Date.parse(now),
  settings,
  calendar: { timeZone: 'Asia/Shanghai', holidays: new Set<string>(), nonWorkingWeekdays: new Set<number>() },
  blacklist: undefined,
});

describe('planFacts', () => {
  it('derives only the groups whose facts are read, and always order and payment', () => {
    const plan = planFacts(['address.missingPartCount']);
    const facts = deriveFacts(OrderSnapshotSchema.parse(buildOrder()), context('2026-03-01T12:00:00+08:00'), plan);
    expect(Object.keys(facts).filter((k) => !k.startsWith('order.') && !k.startsWith('payments.'))).toEqual([
      'address.country',
      'address.missingPartCount',
      'address.hasPlaceholder',
      'address.detailLength',
    ]);
    expect(Object.getOwnPropertySymbols(facts)).toEqual([]); // phone facts were not planned, so not pointed at the snapshot
  });

  it('skips phone parsing when no enabled detector reads a phone fact', () => {
    const read = (options: Parameters<typeof createTriage>[0]) => planFacts(readByEnabled(options)).map((g) => g.name);
    expect(read({})).toContain('phone');
    expect(read({ disabled: ['PHONE_INVALID'] })).not.toContain('phone');
  });
});

function readByEnabled(options: Parameters<typeof createTriage>[0]): string[] {
  const resolved = createTriage(options).options;
  const thresholds = resolved.thresholds as unknown as Record<string, Record<string, unknown>>;
  return detectors.filter((d) => !resolved.disabled.includes(d.code)).flatMap((d) => compileDetector(d as never, thresholds[d.code] ?? {}).factsRead);
}

describe('deriveFacts', () => {
  it('sets exactly the facts the catalogue documents (the phone facts on first read)', () => {
    const facts = deriveFacts(OrderSnapshotSchema.parse(buildOrder()), context('2026-03-01T12:00:00+08:00'));
    const own = Object.keys(facts);
    expect([...own, ...LAZY_FACT_NAMES].sort()).toEqual(Object.keys(factCatalogue).sort());
    for (const name of Object.keys(factCatalogue)) expect(name in facts).toBe(true);
    expect(facts['phone.isValid']).toBe(true);
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
