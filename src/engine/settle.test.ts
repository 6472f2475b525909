import { describe, expect, it } from 'vitest';
import { settle } from './settle.js';

const onError = (error: unknown) => `failed: ${error instanceof Error ? error.message : String(error)}`;

describe('settle', () => {
  it('answers a synchronous result synchronously, or as a promise when asked to', async () => {
    expect(settle(() => 'done', onError, false)).toBe('done');
    const promised = settle(() => 'done', onError, true);
    expect(promised).toBeInstanceOf(Promise);
    expect(await promised).toBe('done');
  });

  it('turns a throw into the error answer, synchronous or promised as asked', async () => {
    const boom = () => {
      throw new Error('boom');
    };
    expect(settle(boom, onError, false)).toBe('failed: boom');
    expect(await settle(boom, onError, true)).toBe('failed: boom');
  });

  it('turns a rejected promise into the error answer, and never rejects', async () => {
    await expect(settle(() => Promise.reject(new Error('late')), onError, false)).resolves.toBe('failed: late');
    await expect(settle(async () => 'fine', onError, false)).resolves.toBe('fine');
  });
});
