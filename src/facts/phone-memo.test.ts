import fc from 'fast-check';
import { createTriage } from 'order-triage';
import { GENERATED_NOW, generateOrders } from 'order-triage/testing';
import { describe, expect, it } from 'vitest';
import { analysePhone, analysePhoneUncached, clearPhoneMemo, PHONE_MEMO_LIMIT } from './phone.js';

// Phone-like texts: digits with separators, a `+`, extensions, and noise.
const digits = fc.string({ unit: fc.constantFrom('0', '1', '3', '5', '8', '9'), minLength: 3, maxLength: 14 });
const phoneText = fc.oneof(
  digits,
  fc
    .tuple(fc.constantFrom('', '+', '+86 ', '+1 ', '00'), digits, fc.constantFrom('', '-', ' ', '转', ' ext '), fc.string({ unit: fc.constantFrom('1', '2', '3'), maxLength: 5 }))
    .map((p) => p.join('')),
  fc.string({ maxLength: 16 }),
);
const country = fc.constantFrom('CN', 'US', 'GB', 'DE', 'JP', 'HK', 'ZZ');

describe('the phone memo', () => {
  it('gives the same analysis as no memo, for any sequence of phones read in any order and again', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(phoneText, country), { minLength: 1, maxLength: 30 }), (reads) => {
        clearPhoneMemo();
        for (const [text, c] of [...reads, ...reads.slice().reverse()]) expect(analysePhone(text, c)).toStrictEqual(analysePhoneUncached(text, c));
      }),
      { numRuns: 300, seed: 20 },
    );
  });

  it('keeps at most its limit of analyses, and answers the same after the oldest leave', () => {
    clearPhoneMemo();
    const first = analysePhone('13800138000', 'CN');
    for (let i = 0; i <= PHONE_MEMO_LIMIT; i++) analysePhone(String(10_000_000 + i), 'US');
    const again = analysePhone('13800138000', 'CN');
    expect(again).not.toBe(first); // the first analysis left the memo: made again, equal
    expect(again).toStrictEqual(first);
  });

  it('never changes a report: the same orders evaluated with a cold memo and a warm one give the same bytes', () => {
    const triage = createTriage();
    const orders = [...generateOrders({ count: 300, seed: 5, exceptionRate: 0.5 })];
    clearPhoneMemo();
    const cold = orders.map((o) => JSON.stringify(triage.evaluate(o, { now: GENERATED_NOW })));
    const warm = orders.map((o) => JSON.stringify(triage.evaluate(o, { now: GENERATED_NOW })));
    const reversed = orders
      .slice()
      .reverse()
      .map((o) => JSON.stringify(triage.evaluate(o, { now: GENERATED_NOW })))
      .reverse();
    expect(warm).toEqual(cold);
    expect(reversed).toEqual(cold);
  });
});
