import fc from 'fast-check';
import { buildOrder, GENERATED_NOW } from 'order-triage/testing';
import { describe, expect, it } from 'vitest';
import { EvaluateContextSchema } from '../schema/context.js';
import { createInputState, prepareContext, prepareInput } from './prepare-input.js';
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

  it('answers a context like the schema does, whether or not its `now` text was just accepted', () => {
    const state = createInputState(resolved);
    const accepted = GENERATED_NOW;
    // Warm: the text has been accepted once, so the next `{ now }` with it may skip the schema.
    expect('ok' in prepareContext(state, { now: accepted }, undefined)).toBe(false);
    const inherited = Object.assign(Object.create({ extra: 1 }), { now: accepted });
    const nullProto = Object.assign(Object.create(null), { now: accepted });
    class Context {
      now = accepted;
    }
    const shaped = fc.oneof(
      fc.record(
        {
          now: fc.constantFrom<unknown>(accepted, `${accepted} `, '2026-03-01T10:00:00Z', 'yesterday', 1772330400000, new Date(accepted), undefined),
          trusted: fc.constantFrom<unknown>(true, false, undefined, 'yes', 0),
          extra: fc.constantFrom<unknown>(1, undefined),
        },
        { requiredKeys: [] },
      ),
      fc.constantFrom<unknown>(inherited, nullProto, new Context(), null, accepted, [accepted]),
    );
    fc.assert(
      fc.property(shaped, (context) => {
        const prepared = prepareContext(state, context, undefined);
        const checked = EvaluateContextSchema.safeParse(context);
        expect('ok' in prepared).toBe(!checked.success);
        if ('ok' in prepared || !checked.success) return;
        const now = checked.data.now;
        expect(prepared.context.now).toBe(now instanceof Date ? now.getTime() : Date.parse(now));
        expect(prepared.trusted).toBe(checked.data.trusted === true);
        expect(prepared.context.calendar).toBe(state.defaultCalendar);
        expect(prepared.context.blacklist).toBeUndefined();
      }),
      { numRuns: 300 },
    );
  });
});
