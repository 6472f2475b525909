import { describe, expect, it } from 'vitest';
import { ACTION_KINDS } from '../vocabulary/action-kind.js';
import { en } from './en.js';
import { messageCatalogues } from './locales.js';
import { createMessageKit } from './message-kit.js';
import { type StaffNotes, staffNoteFrom } from './staff-notes.js';
import { zhCN } from './zh-cn.js';

const kit = createMessageKit('en', 'CNY', 'Asia/Shanghai', 2);

/** Params that fill every field any note reads. */
const PARAMS: Readonly<Record<string, unknown>> = {
  amount: 500,
  currency: 'CNY',
  validDays: 30,
  reason: 'package_lost',
  paymentId: 'P1',
  method: 'alipay',
  purpose: 'order',
  carrier: 'SF',
  trackingNumber: 'SF1',
  skus: ['SKU-1'],
  sku: 'SKU-1',
  units: 1,
  fromWarehouse: 'W2',
  system: 'wms',
  paymentIds: ['P1'],
  items: [{ sku: 'SKU-1', quantity: 1 }],
  from: 'paid',
  to: 'supervisor',
  channels: ['sms'],
  resolved: ['PACKAGE_LOST'],
  surveyAt: '2026-03-02T10:00:00Z',
  otherMethods: [],
  holdUntil: '2026-03-02T10:00:00Z',
};

describe('staff notes', () => {
  it.each(Object.entries(messageCatalogues))('%s has a note of its own for every action kind, points included', (_locale, catalogue) => {
    const fallback = catalogue.staffNote({ orderId: 'A1', kind: 'no_such_kind', params: {}, kit });
    for (const kind of ACTION_KINDS) {
      const note = catalogue.staffNote({ orderId: 'A1', kind, params: PARAMS, kit });
      expect(note, kind).not.toBe(fallback.replace('no_such_kind', kind));
      expect(note, kind).toContain('A1');
    }
  });

  it('tells staff what points to credit, with their worth in the order currency', () => {
    expect(en.staffNote({ orderId: 'A1', kind: 'points', params: { amount: 500, validDays: 30 }, kit })).toBe('Order A1: credit points worth CN¥5.00 (valid 30 days).');
    const zhKit = createMessageKit('zh-CN', 'CNY', 'Asia/Shanghai', 2);
    expect(zhCN.staffNote({ orderId: 'A1', kind: 'points', params: { amount: 500 }, kit: zhKit })).toBe('订单 A1：发放价值 ¥5.00 的积分。');
  });

  it('answers a kind outside the record, even a name Object.prototype holds, with the fallback note', () => {
    for (const kind of ['constructor', '__proto__', 'toString', 'no_such_kind']) {
      expect(en.staffNote({ orderId: 'A1', kind, params: {}, kit })).toBe(`Order A1: ${kind}.`);
      expect(zhCN.staffNote({ orderId: 'A1', kind, params: {}, kit })).toBe(`订单 A1：${kind}。`);
    }
  });

  it('cannot be built without a note for every kind (a type error), nor with a note for a kind that does not exist', () => {
    const notes = Object.fromEntries(ACTION_KINDS.map((kind) => [kind, () => kind])) as unknown as StaffNotes;
    const { points: _points, ...withoutPoints } = notes;
    // @ts-expect-error `points` is missing: a record of notes must cover every action kind
    const incomplete: StaffNotes = withoutPoints;
    // @ts-expect-error `gift_wrap` is not an action kind
    const stray: StaffNotes = { ...notes, gift_wrap: () => 'wrap it' };
    expect(staffNoteFrom(incomplete, () => 'fallback')({ orderId: 'A1', kind: 'points', params: {}, kit })).toBe('fallback');
    expect(staffNoteFrom(stray, () => 'fallback')({ orderId: 'A1', kind: 'refund', params: {}, kit })).toBe('refund');
  });
});
