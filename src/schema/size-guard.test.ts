import { describe, expect, it } from 'vitest';
import { checkSize, type SizeLimits } from './size-guard.js';

const limits: SizeLimits = { depth: 3, nodes: 10, stringLength: 5, arrayLength: 3 };

describe('checkSize', () => {
  it('accepts input exactly at every limit', () => {
    expect(checkSize({ a: { b: 'abcde' }, c: [1, 2, 3] }, limits)).toBeUndefined();
    expect(checkSize({ a: { b: { c: 1 } } }, limits)).toBeUndefined();
  });

  it('refuses each limit crossed by one, naming the path and the limit', () => {
    expect(checkSize({ a: { b: 'abcdef' } }, limits)).toEqual({ path: ['a', 'b'], message: 'string longer than 5 characters' });
    expect(checkSize({ a: { b: { c: {} } } }, limits)).toEqual({ path: ['a', 'b', 'c'], message: 'nested deeper than 3 levels' });
    expect(checkSize({ list: [1, 2, 3, 4] }, limits)).toEqual({ path: ['list'], message: 'list longer than 3 items' });
    expect(checkSize({ o: { a: 1, b: 2, c: 3, d: 4 } }, limits)).toEqual({ path: ['o'], message: 'more than 3 fields' });
    expect(checkSize([[1, 2, 3], [1, 2, 3], [1]], limits)).toEqual({ path: [2, 0], message: 'more than 10 values in all' });
  });

  it('walks every element and field, in order, to find the first problem', () => {
    expect(checkSize([1, 'ok', 'too long'], limits)).toEqual({ path: [2], message: 'string longer than 5 characters' });
    expect(checkSize({ a: 'ok', b: 'too long', c: 'also too long' }, limits)).toEqual({ path: ['b'], message: 'string longer than 5 characters' });
  });

  it('refuses a cycle, but not the same object twice side by side', () => {
    const shared = { x: 1 };
    expect(checkSize({ a: shared, b: shared }, limits)).toBeUndefined();
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(checkSize(cyclic, limits)).toEqual({ path: ['self'], message: 'refers back to itself (a cycle)' });
  });
});
