import { describe, expect, it } from 'vitest';
import { lazy } from './lazy.js';

describe('lazy', () => {
  it('builds nothing until the value is first asked for, then builds it once', () => {
    let built = 0;
    const value = lazy(() => {
      built += 1;
      return { built };
    });
    expect(built).toBe(0);
    const first = value();
    expect(first).toEqual({ built: 1 });
    expect(value()).toBe(first);
    expect(value()).toBe(first);
    expect(built).toBe(1);
  });

  it('keeps a made value that is undefined rather than making it again', () => {
    let built = 0;
    const value = lazy(() => {
      built += 1;
      return undefined;
    });
    expect(value()).toBeUndefined();
    expect(value()).toBeUndefined();
    expect(built).toBe(1);
  });

  it('tries again after a make that threw, and keeps the first value that was made', () => {
    let calls = 0;
    const value = lazy(() => {
      calls += 1;
      if (calls === 1) throw new Error('not yet');
      return calls;
    });
    expect(() => value()).toThrow('not yet');
    expect(value()).toBe(2);
    expect(value()).toBe(2);
  });
});
