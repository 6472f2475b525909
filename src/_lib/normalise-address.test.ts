import { describe, expect, it } from 'vitest';
import { normaliseAddress } from './normalise-address.js';

describe('normaliseAddress', () => {
  it.each([
    ['深南大道 10000 号', '深南大道10000号'],
    ['深南大道１００００號', '深南大道10000号'],
    ['科技园3幢1201室', '科技园3栋1201'],
    ['科技园 3座 1201', '科技园3栋1201'],
    ['3#楼2单501', '3号楼2单元501'],
    ['1 Market Street, Apt. 5', '1 market st unit 5'],
    ['1 MARKET ST #5', '1 Market St Suite 5'],
  ])('treats %s and %s as one address', (a, b) => {
    expect(normaliseAddress(a)).toBe(normaliseAddress(b));
  });

  it('keeps different rooms in one building apart', () => {
    expect(normaliseAddress('科技园3栋1201室')).not.toBe(normaliseAddress('科技园3栋1202室'));
    expect(normaliseAddress('1 Market St Unit 5')).not.toBe(normaliseAddress('1 Market St Unit 6'));
  });
});
