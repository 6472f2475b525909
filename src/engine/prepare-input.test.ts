import { buildOrder, GENERATED_NOW } from 'order-triage/testing';
import { describe, expect, it } from 'vitest';
import { createInputState, prepareInput } from './prepare-input.js';
import { resolveOptions } from './resolve-options.js';

const { resolved } = resolveOptions({});

describe('prepareInput', () => {
  it('prepares each blacklist and calendar object once per triage, in that triage’s own state', () => {
    const state = createInputState(resolved);
    const blacklist = { phones: ['+8613800000000'] };
    const calendar = { holidays: ['2026-03-02'] };
    const first = prepareInput(state, buildOrder(), { now: GENERATED_NOW, blacklist, calendar });
    const second = prepareInput(state, buildOrder(), { now: GENERATED_NOW, blacklist, calendar });
    if ('ok' in first || 'ok' in second) throw new Error('expected both inputs to be prepared');
    expect(second.context.blacklist).toBe(first.context.blacklist);
    expect(second.context.calendar).toBe(first.context.calendar);
    expect(state.blacklists.has(blacklist) && state.calendars.has(calendar)).toBe(true);
    // Another triage's state shares nothing with this one.
    const other = createInputState(resolved);
    const third = prepareInput(other, buildOrder(), { now: GENERATED_NOW, blacklist, calendar });
    if ('ok' in third) throw new Error('expected the input to be prepared');
    expect(third.context.blacklist).not.toBe(first.context.blacklist);
  });

  it('says what is wrong with the context before reading the snapshot, naming the order', () => {
    const state = createInputState(resolved);
    const failed = prepareInput(state, buildOrder({ id: 'ORD-9' }), { now: 'yesterday' });
    expect(failed).toMatchObject({ ok: false, orderId: 'ORD-9', error: { code: 'invalid_context', message: 'The evaluation context is invalid.' } });
    expect('ok' in failed && failed.error.issues.map((issue) => issue.path)).toContainEqual(['context', 'now']);
  });
});
