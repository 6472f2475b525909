import { createTriage } from 'order-triage';
import { buildOrder, minutesAfter } from 'order-triage/testing';
import { describe, expect, it } from 'vitest';

const triage = createTriage({ locale: 'en' });
const now = minutesAfter(120);
const withCoupon = (i: number, actionsTaken: { kind: string; idempotencyKey: string; at: string }[] = []) =>
  buildOrder({
    id: `NEW-${i}`,
    status: 'paid',
    customer: { id: `NEW-${i}` },
    coupons: [{ code: `WELCOME-${i}`, kind: 'new_user', amount: 2_000 }],
    shippingAddress: { name: '王五', phone: '13600000000', country: 'CN', province: '广东省', city: '深圳市', district: '南山区', line1: `幸福路${i}号` },
    createdAt: minutesAfter(i),
    actionsTaken,
  });

describe('evaluateBatch and actionsTaken', () => {
  it('leaves out a batch action whose key is in the actionsTaken of an order it names, and keeps the others', async () => {
    const first = await triage.evaluateBatch([withCoupon(1), withCoupon(2), withCoupon(3)], { now });
    const cancel = first.actions.find((a) => a.kind === 'cancel_order' && a.orderIds[0] === 'NEW-2');
    expect(cancel?.idempotencyKey).toMatch(/^batch\/COUPON_ABUSE\/phone\//);
    const done = [{ kind: 'cancel_order', idempotencyKey: cancel?.idempotencyKey ?? '', at: minutesAfter(100) }];
    const again = await triage.evaluateBatch([withCoupon(1), withCoupon(2, done), withCoupon(3)], { now });
    expect(again.actions.filter((a) => a.because.includes('COUPON_ABUSE')).map((a) => [a.kind, a.orderIds])).toEqual([
      ['cancel_order', ['NEW-3']],
      ['add_to_blacklist', ['NEW-1', 'NEW-2', 'NEW-3']],
    ]);
  });
});
