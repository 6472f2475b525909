import { describe, expect, it } from 'vitest';
import { internalFailure } from './failure.js';

describe('internalFailure', () => {
  it('describes whatever was thrown without throwing itself, even an error whose message cannot be read', () => {
    const unreadable = new Error('x');
    Object.defineProperty(unreadable, 'message', {
      get() {
        throw new Error('no message');
      },
    });
    expect(internalFailure(unreadable, { id: 'A' }).error.issues).toEqual([{ path: [], message: 'an unreadable error' }]);
    expect(internalFailure(new Error('boom'), {}).error.issues).toEqual([{ path: [], message: 'boom' }]);
    expect(internalFailure('plain', {}).error).toMatchObject({ code: 'internal_error', issues: [{ path: [], message: 'plain' }] });
  });
});
