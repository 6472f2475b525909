import { describe, expect, it } from 'vitest';
import { readOwn, writeOwn } from './own-key.js';

const NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'prototype', '__defineGetter__'];

describe('readOwn and writeOwn', () => {
  it('read nothing inherited: every Object.prototype name is absent from an empty table', () => {
    for (const name of NAMES) expect(readOwn({}, name)).toBeUndefined();
    expect(readOwn(undefined, 'alipay')).toBeUndefined();
    expect(readOwn({ alipay: 'Alipay' }, 'alipay')).toBe('Alipay');
  });

  it('write every name as an own field of a plain object, "__proto__" included, and read it back', () => {
    const table: Record<string, number> = {};
    NAMES.forEach((name, i) => writeOwn(table, name, i));
    writeOwn(table, '__proto__', 10);
    expect(Object.getPrototypeOf(table)).toBe(Object.prototype);
    expect(Object.keys(table)).toEqual(NAMES);
    expect(NAMES.map((name) => readOwn(table, name))).toEqual([10, 1, 2, 3, 4, 5, 6]);
    expect(JSON.parse(JSON.stringify(table))).toEqual(table);
  });
});
