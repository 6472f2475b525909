import { describe, expect, it } from 'vitest';
import { parseRulePath, resolveRulePath } from './rule-path.js';

describe('rule paths', () => {
  it.each([
    ['$', []],
    ['$.totals.payable', ['totals', 'payable']],
    ['$.items[0].sku', ['items', 0, 'sku']],
    ['$.shipments[1].events[0].code', ['shipments', 1, 'events', 0, 'code']],
  ])('parses %s', (path, segments) => {
    expect(parseRulePath(path)).toEqual(segments);
  });

  it.each([
    "$..[?(@.constructor.constructor('return process')())]",
    '$.items[*].sku',
    '$..sku',
    "$['totals']",
    '$.__proto__.polluted',
    '$.constructor',
    '$.items[0].prototype',
    'totals.payable',
    '$.a b',
    '$.items[-1]',
    `$${'.a'.repeat(17)}`,
  ])('refuses %s', (path) => {
    expect(typeof parseRulePath(path)).toBe('string');
  });

  it('reads own properties and array indexes only', () => {
    const order = { totals: { payable: 100 }, items: [{ sku: 'A' }] };
    expect(resolveRulePath(order, ['totals', 'payable'])).toBe(100);
    expect(resolveRulePath(order, ['items', 0, 'sku'])).toBe('A');
    expect(resolveRulePath(order, ['items', 1, 'sku'])).toBeUndefined();
    expect(resolveRulePath(order, ['toString'])).toBeUndefined();
    expect(resolveRulePath(order, ['items', 'length'])).toBe(1);
    expect(resolveRulePath(Object.create({ inherited: 1 }), ['inherited'])).toBeUndefined();
  });
});
