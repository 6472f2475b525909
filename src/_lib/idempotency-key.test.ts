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

describe('idempotency keys, parts left as they are', () => {
  // The key as it was written before plain parts skipped encodeURIComponent (docs/benchmarks.md, "Third round").
  const LONE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
  const reference = (parts: readonly (string | number)[]) => parts.map((part) => (LONE.test(String(part)) ? undefined : encodeURIComponent(String(part)))).join('/');
  const plain = fc.string({ unit: fc.constantFrom('a', 'Z', '0', '9', '_', '-', '.', '!', '~', '*', "'", '(', ')', ' ', '/', '%', '\n', 'é', '$', '+'), maxLength: 8 });
  const part = fc.oneof(plain, fc.string({ maxLength: 8 }), fc.string({ unit: 'grapheme', maxLength: 4 }), fc.integer());

  it('writes every part without a lone surrogate as encodeURIComponent does, unreserved characters or not', () => {
    fc.assert(
      fc.property(fc.array(part, { maxLength: 6 }), (parts) => {
        expect(buildIdempotencyKey(parts)).toBe(reference(parts));
      }),
      { numRuns: 5_000, seed: 20 },
    );
  });

  it('escapes a part that ends in a line break, a slash or a space, even after unreserved characters', () => {
    expect(buildIdempotencyKey(['ORD-1\n', 'a/b', 'x y', "it's(1)*~!"])).toBe("ORD-1%0A/a%2Fb/x%20y/it's(1)*~!");
  });
});
