import fc from 'fast-check';
import { buildOrder } from 'order-triage/testing';
import { describe, expect, it } from 'vitest';
import type { OrderSnapshot } from '../schema/snapshot.js';
import { matchBlacklist, prepareBlacklist } from './blacklist-match.js';
import { phoneKey } from './phone.js';

const COUNTRIES = ['CN', 'US', 'GB', 'DE', 'AR', 'MX', 'BR', 'RU', 'FR', 'JP', 'IN', 'AU', 'CA'] as const;

/** Numbers as people write them: national, with a country code, an IDD prefix, extensions, letters, other digits. */
const NUMBERS = [
  '13800138000',
  '138 0013 8000',
  '0138-0013-8000',
  '+86 138 0013 8000',
  '0086 13800138000',
  '011 86 13800138000',
  '010-62345678',
  '17012345678-12',
  '17012345678-1234',
  '17012345678转1234',
  '+86 17012345678-12',
  '(415) 555-0101',
  '415.555.0101',
  '1 415 555 0101',
  '+1 415 555 0101',
  '+1 (415) 555-0101 ext. 12',
  '415 555 0101 x12',
  '1-800-FLOWERS',
  '020 7946 0958',
  '+44 20 7946 0958',
  '030 901820',
  '+49 30 901820',
  '011 15 2345-6789',
  '+54 9 11 2345-6789',
  '55 1234 5678',
  '+52 55 1234 5678',
  '8 (495) 123-45-67',
  '+7 495 123-45-67',
  '03-1234-5678',
  '+81 3-1234-5678',
  '098765 43210',
  '+91 98765 43210',
  '(02) 9374 4000',
  '+61 2 9374 4000',
  '١٣٨٠٠١٣٨٠٠٠',
  '12',
  '0',
  '',
  '#123',
  '+',
  '138 0013 8000;ext=5',
  '06 12 34 56 78',
  '+33 6 12 34 56 78',
];
const number = fc.oneof(fc.constantFrom(...NUMBERS), fc.stringMatching(/^[0-9 +()-]{0,14}$/));

/** The reading the index replaced: every blacklisted phone keyed for the order's country. */
function referenceMatches(order: OrderSnapshot, phones: readonly string[]): string[] {
  const country = order.shippingAddress.country;
  const keys = new Set(phones.map((p) => phoneKey(p, country)));
  if (phones.length === 0) return [];
  const candidates = new Set([order.shippingAddress.phone, ...(order.customer.phone === undefined ? [] : [order.customer.phone])]);
  return [...candidates].filter((phone) => keys.has(phoneKey(phone, country)));
}

describe('matchBlacklist on phones', () => {
  it('matches exactly the phones that keying every blacklisted number for the order’s country would, from any country', () => {
    fc.assert(
      fc.property(
        fc.array(number, { maxLength: 12 }),
        fc.array(fc.record({ phone: number, country: fc.constantFrom(...COUNTRIES) }), { minLength: 1, maxLength: 6 }),
        (phones, orders) => {
          const prepared = prepareBlacklist({ phones });
          for (const { phone, country } of orders) {
            const order = buildOrder({ shippingAddress: { name: 'A', phone, country, line1: 'x' } }) as OrderSnapshot;
            const found = matchBlacklist(order, prepared)
              .filter((m) => m.on === 'phone')
              .map((m) => m.value);
            expect(found).toEqual(referenceMatches(order, phones));
          }
        },
      ),
      { numRuns: 400, seed: 12 },
    );
  }, 120_000);

  it('matches every spelling of a blacklisted number in each of many countries, one after another', () => {
    const prepared = prepareBlacklist({ phones: NUMBERS });
    for (let round = 0; round < 3; round++) {
      for (const country of [...COUNTRIES].reverse()) {
        for (const phone of ['13800138000', '+86 138 0013 8000', '(415) 555-0101', '1-800-FLOWERS', '415 555 0101 x12']) {
          const order = buildOrder({ shippingAddress: { name: 'A', phone, country, line1: 'x' } }) as OrderSnapshot;
          expect(
            matchBlacklist(order, prepared)
              .filter((m) => m.on === 'phone')
              .map((m) => m.value),
          ).toEqual(referenceMatches(order, NUMBERS));
        }
      }
    }
  }, 120_000);

  it('matches a blacklisted privacy number with a short extension, and not another extension of it', () => {
    const prepared = prepareBlacklist({ phones: ['17012345678-12'] });
    const on = (phone: string) => matchBlacklist(buildOrder({ shippingAddress: { name: 'A', phone, country: 'CN', line1: 'x' } }) as OrderSnapshot, prepared).map((m) => m.on);
    expect(on('17012345678-12')).toEqual(['phone']);
    expect(on('17012345678转12')).toEqual(['phone']);
    expect(on('17012345678-13')).toEqual([]);
  });
});
