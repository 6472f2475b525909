import { describe, expect, it } from 'vitest';
import { buildIdempotencyKey, parseIdempotencyKey } from './idempotency-key.js';

describe('idempotency keys', () => {
  it('round-trip any parts, separators and unicode included', () => {
    const parts = ['A/B', 'refund', '支付/1', '%41', ''];
    expect(parseIdempotencyKey(buildIdempotencyKey(parts))).toEqual(parts);
    expect(buildIdempotencyKey(['ORD-1', 'refund', 'pay_2', 10_000])).toBe('ORD-1/refund/pay_2/10000');
  });

  it('read a key some other system made as best they can, and a malformed one as none', () => {
    expect(parseIdempotencyKey('crm-77')).toEqual(['crm-77']);
    expect(parseIdempotencyKey('ORD-1/refund/%E0%A4%A')).toBeUndefined();
  });
});
