import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildIdempotencyKey, parseIdempotencyKey } from './idempotency-key.js';

// Text as JSON allows it: lone surrogates of both halves, pairs, and what percent-encoding writes.
const awkward = fc
  .array(
    fc.oneof(
      fc.constantFrom('\uD800', '\uDBFF', '\uDC00', '\uDFFF', '\uD83D\uDE00', '\uFFFD', '%', '%u', '%uD800', '%25', '/', 'u', 'D800', "$'"),
      fc.string({ unit: 'binary', maxLength: 3 }),
    ),
    { maxLength: 6 },
  )
  .map((units) => units.join(''));

describe('idempotency keys', () => {
  it('round-trip any parts, separators and unicode included', () => {
    const parts = ['A/B', 'refund', '支付/1', '%41', ''];
    expect(parseIdempotencyKey(buildIdempotencyKey(parts))).toEqual(parts);
    expect(buildIdempotencyKey(['ORD-1', 'refund', 'pay_2', 10_000])).toBe('ORD-1/refund/pay_2/10000');
  });

  it('read a key some other system made as best they can, and a malformed one as none', () => {
    expect(parseIdempotencyKey('crm-77')).toEqual(['crm-77']);
    expect(parseIdempotencyKey('ORD-1/refund/%E0%A4%A')).toBeUndefined();
    expect(parseIdempotencyKey('A%ud800/x')).toBeUndefined();
    expect(parseIdempotencyKey('A%u0041/x')).toBeUndefined();
  });

  it('write a lone surrogate as an escape of their own, apart from U+FFFD and from a typed "%uD800"', () => {
    expect(buildIdempotencyKey(['A\uD800', 'cancel_order'])).toBe('A%uD800/cancel_order');
    expect(buildIdempotencyKey(['\uDC00x\uD83D\uDE00\uD800'])).toBe('%uDC00x%F0%9F%98%80%uD800');
    const keys = ['\uD800', '\uFFFD', '%uD800', '%25uD800'].map((id) => buildIdempotencyKey([id]));
    expect(new Set(keys).size).toBe(4);
    expect(parseIdempotencyKey(buildIdempotencyKey(['\uDFFF', 'x']))).toEqual(['\uDFFF', 'x']);
  });

  it('parse inverts build for every string, lone surrogates included, and distinct parts never share a key', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(awkward, fc.integer()), { minLength: 1, maxLength: 4 }), fc.array(fc.oneof(awkward, fc.integer()), { minLength: 1, maxLength: 4 }), (a, b) => {
        const key = buildIdempotencyKey(a);
        expect(parseIdempotencyKey(key)).toEqual(a.map(String));
        const same = a.length === b.length && a.every((part, i) => String(part) === String(b[i]));
        expect(buildIdempotencyKey(b) === key).toBe(same);
      }),
      { numRuns: 3_000, seed: 12 },
    );
  });
});
