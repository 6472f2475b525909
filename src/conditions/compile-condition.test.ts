import { compileCondition } from 'order-triage/internals';
import { describe, expect, it } from 'vitest';

describe('compileCondition', () => {
  it('holds an all only when every part holds, and explains the failing part', () => {
    const c = compileCondition({
      all: [
        { fact: 'a', operator: 'greaterThan', value: 1 },
        { fact: 'b', operator: 'equal', value: 'x' },
      ],
    });
    expect(c.test({ a: 2, b: 'x' })).toBe(true);
    expect(c.test({ a: 2, b: 'y' })).toBe(false);
    expect(c.explain({ a: 2, b: 'y' })).toEqual({
      passed: false,
      conditions: [{ fact: 'b', value: 'y', operator: 'equal', threshold: 'x', passed: false }],
    });
  });

  it('explains a held any by the branches that held only', () => {
    const c = compileCondition({
      any: [
        { fact: 'a', operator: 'lessThan', value: 0 },
        { fact: 'b', operator: 'in', value: ['x', 'y'] },
      ],
    });
    expect(c.explain({ a: 5, b: 'y' })).toEqual({
      passed: true,
      conditions: [{ fact: 'b', value: 'y', operator: 'in', threshold: ['x', 'y'], passed: true }],
    });
  });

  it('negates with not, and quotes the negated leaf', () => {
    const c = compileCondition({ not: { fact: 'tags', operator: 'contains', value: 'vip' } });
    expect(c.test({ tags: ['new'] })).toBe(true);
    expect(c.test({ tags: ['vip'] })).toBe(false);
    expect(c.explain({ tags: ['new'] }).conditions).toEqual([{ fact: 'tags', value: ['new'], operator: 'contains', threshold: 'vip', passed: false }]);
  });

  it('never compares a null or non-numeric fact numerically, as json-rules-engine does', () => {
    const c = compileCondition({ all: [{ fact: 'minutes', operator: 'greaterThanInclusive', value: 0 }] });
    expect(c.test({ minutes: null })).toBe(false);
    expect(c.test({ minutes: 'abc' })).toBe(false);
    expect(c.test({ minutes: '12' })).toBe(true);
  });

  it('treats contains on a fact that is not an array as false', () => {
    const c = compileCondition({ all: [{ fact: 'tags', operator: 'doesNotContain', value: 'x' }] });
    expect(c.test({ tags: 'x' })).toBe(false);
    expect(c.test({ tags: [] })).toBe(true);
  });
});
