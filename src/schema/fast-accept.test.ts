import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { anything, replaceOneValue } from '../../test/arbitraries.js';
import { ISO_4217_MINOR_UNITS } from '../money/iso-4217.js';
import { allScenarios, buildOrder, buildPayment, generateOrders } from '../testing/index.js';
import { compileAcceptor, type Acceptor } from './fast-accept.js';
import { checkSize, SNAPSHOT_LIMITS, type SizeLimits } from './size-guard.js';
import { OrderSnapshotSchema } from './snapshot.js';

const accept = compileAcceptor(OrderSnapshotSchema, SNAPSHOT_LIMITS) as Acceptor;
const fullPath = (input: unknown): boolean => checkSize(input, SNAPSHOT_LIMITS) === undefined && OrderSnapshotSchema.safeParse(input).success;
const orders = [...allScenarios.map((make) => make().order), ...generateOrders({ count: 500, seed: 7 })];

// Values chosen to sit on either side of what the snapshot's fields allow.
const edgy = fc.oneof(
  anything,
  fc.constantFrom('', 'CNY', 'RMB', 'cny', 'XXX', 'CN', 'cn', '2026-03-01T10:00:00+08:00', '2026-03-01T10:00:00', '2026-02-30T10:00:00Z', 'paid', 'PAID', 'succeeded'),
  fc.constantFrom(0, -0, -1, 1.5, 2 ** 53, Number.MAX_SAFE_INTEGER, Number.NaN, Number.POSITIVE_INFINITY, true, null, undefined),
);

/** A valid order with one value inside it (a field, an element, or a new field) replaced. */
const mutatedWith = (replacements: fc.Arbitrary<unknown>) =>
  fc.tuple(fc.constantFrom(...orders), fc.nat(), replacements, fc.boolean()).map(([order, pick, replacement, addField]) => replaceOneValue(order, pick, replacement, addField));
const mutated = mutatedWith(edgy);
const jsonEdgy = fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.constantFrom('', 'RMB', 'CN', '2026-03-01T10:00:00', 'PAID', 'succeeded', 0, -1, 1.5, 2 ** 53, null));

describe('compileAcceptor', () => {
  it('compiles the whole order snapshot schema, so valid orders never need zod', () => {
    expect(compileAcceptor(OrderSnapshotSchema, SNAPSHOT_LIMITS)).toBeTypeOf('function');
  });

  it('accepts orders in every currency of the ISO 4217 table, those this runtime’s Intl does not list (CLF, UYW, VED) included', () => {
    for (const currency of ISO_4217_MINOR_UNITS.keys()) {
      const order = buildOrder({ currency, payments: [buildPayment({ currency })] });
      expect(accept(order), currency).toBe(true);
    }
    expect(accept(buildOrder({ currency: 'HRK' }))).toBe(false);
  });

  it('accepts every scenario order and 500 generated ones, as built and after a JSON round trip', () => {
    for (const order of orders) {
      expect(accept(order)).toBe(true);
      expect(accept(JSON.parse(JSON.stringify(order)))).toBe(true);
    }
  });

  it('accepts nothing the size guard or zod would refuse: 4,000 mutated orders and 3,000 arbitrary values', () => {
    fc.assert(
      fc.property(mutated, (input) => {
        if (accept(input)) expect(fullPath(input)).toBe(true);
      }),
      { numRuns: 4_000, seed: 71 },
    );
    fc.assert(
      fc.property(anything, (input) => {
        if (accept(input)) expect(fullPath(input)).toBe(true);
      }),
      { numRuns: 3_000, seed: 72 },
    );
  });

  it('refuses nothing that zod and the size guard accept, for JSON input (so the fast path is really taken)', () => {
    fc.assert(
      fc.property(mutatedWith(jsonEdgy), (input) => {
        const json = JSON.parse(JSON.stringify(input)) as unknown;
        expect(accept(json)).toBe(fullPath(json));
      }),
      { numRuns: 4_000, seed: 73 },
    );
  });

  it('holds unknown fields to the size limits: depth, string length, list length, field count and cycles', () => {
    const limits: SizeLimits = { depth: 3, nodes: 20, stringLength: 5, arrayLength: 3 };
    const check = compileAcceptor(z.looseObject({ id: z.string() }), limits) as Acceptor;
    expect(check({ id: 'a', extra: { b: { c: 1 } } })).toBe(true);
    expect(check({ id: 'a', extra: { b: { c: {} } } })).toBe(false);
    expect(check({ id: 'a', extra: 'abcdef' })).toBe(false);
    expect(check({ id: 'abcdef' })).toBe(false);
    expect(check({ id: 'a', extra: [1, 2, 3, 4] })).toBe(false);
    expect(check({ id: 'a', b: 1, c: 2, d: 3 })).toBe(false);
    expect(check({ id: 'a', extra: Array.from({ length: 3 }, () => [1, 2, 3, 4, 5].slice(0, 3)) })).toBe(true);
    expect(check({ id: 'a', extra: Array.from({ length: 3 }, () => Array.from({ length: 3 }, () => [1, 2])) })).toBe(false);
    const cyclic: Record<string, unknown> = { id: 'a' };
    cyclic.self = cyclic;
    expect(check(cyclic)).toBe(false);
    // The same object twice side by side is not a cycle.
    const shared = { x: 1 };
    expect(check({ id: 'a', p: shared })).toBe(true);
  });

  it('never accepts past a size limit the size guard enforces, whatever the limits (5,000 generated)', () => {
    const schema = z.looseObject({
      id: z.string().min(1),
      at: z.iso.datetime({ offset: true }).optional(),
      amount: z.int().nonnegative().optional(),
      kind: z.enum(['a', 'b']).optional(),
      flag: z.boolean().optional(),
      lines: z.array(z.looseObject({ sku: z.string(), quantity: z.int() })).optional(),
    });
    const value = fc.record(
      {
        id: fc.string({ minLength: 1, maxLength: 6 }),
        at: fc.constant('2026-03-01T10:00:00+08:00'),
        amount: fc.nat(),
        kind: fc.constantFrom('a', 'b'),
        flag: fc.boolean(),
        lines: fc.array(fc.record({ sku: fc.string({ maxLength: 6 }), quantity: fc.nat() }), { maxLength: 4 }),
        extra: fc.jsonValue({ maxDepth: 2 }),
      },
      { requiredKeys: ['id'] },
    );
    const limits = fc.record({ depth: fc.integer({ min: 1, max: 5 }), nodes: fc.integer({ min: 1, max: 60 }), stringLength: fc.integer({ min: 1, max: 40 }), arrayLength: fc.integer({ min: 1, max: 8 }) });
    let accepted = 0;
    fc.assert(
      fc.property(value, limits, (input, l) => {
        if (!(compileAcceptor(schema, l) as Acceptor)(input)) return;
        accepted++;
        expect(checkSize(input, l)).toBeUndefined();
        expect(schema.safeParse(input).success).toBe(true);
      }),
      { numRuns: 5_000, seed: 74 },
    );
    expect(accepted).toBeGreaterThan(250);
  });

  it('counts every value against the limit on values in all, each field kind included', () => {
    const schema = z.looseObject({ a: z.string(), b: z.int(), c: z.boolean(), d: z.enum(['x']), e: z.array(z.int()) });
    const input = { a: 's', b: 1, c: true, d: 'x', e: [1, 2] };
    // The object, five fields and two elements: eight values.
    expect((compileAcceptor(schema, { ...SNAPSHOT_LIMITS, nodes: 8 }) as Acceptor)(input)).toBe(true);
    // Each kind of field counts: an object with one field is two values.
    for (const field of ['a', 'b', 'c', 'd'] as const) {
      const single = compileAcceptor(z.looseObject({ [field]: schema.shape[field] }), { ...SNAPSHOT_LIMITS, nodes: 1 }) as Acceptor;
      expect(single({ [field]: input[field] })).toBe(false);
    }
    expect((compileAcceptor(schema, { ...SNAPSHOT_LIMITS, nodes: 7 }) as Acceptor)(input)).toBe(false);
    expect((compileAcceptor(schema, { ...SNAPSHOT_LIMITS, nodes: 8 }) as Acceptor)({ ...input, e: [1, 2, 3] })).toBe(false);
  });

  it('accepts input exactly at every limit, as the size guard does, and counts fields present as undefined', () => {
    const limits: SizeLimits = { depth: 2, nodes: 7, stringLength: 3, arrayLength: 5 };
    const schema = z.looseObject({ s: z.string(), t: z.string().regex(/^a+$/), flag: z.boolean(), kind: z.enum(['x']), list: z.array(z.int()), o: z.string().optional() });
    const check = compileAcceptor(schema, limits) as Acceptor;
    // Five fields, strings of three, seven values in all.
    const atLimits = { s: 'abc', t: 'aaa', flag: true, kind: 'x', list: [1] };
    expect(checkSize(atLimits, limits)).toBeUndefined();
    expect(check(atLimits)).toBe(true);
    expect(check({ ...atLimits, s: 'abcd' })).toBe(false);
    expect(check({ ...atLimits, t: 'aaaa' })).toBe(false);
    const wide = compileAcceptor(z.looseObject({ list: z.array(z.int()) }), limits) as Acceptor;
    expect(wide({ list: [1, 2, 3, 4, 5] })).toBe(true);
    expect(wide({ list: [1, 2, 3, 4, 5], a: 1 })).toBe(false);
    expect(wide({ list: [1, 2, 3, 4, 5, 6] })).toBe(false);
    // Five fields is the limit; a field present as undefined still counts as a field and a value.
    expect(wide({ list: [], a: 1, b: undefined, c: undefined, d: undefined })).toBe(true);
    expect(wide({ list: [], a: 1, b: undefined, c: undefined, d: undefined, e: undefined })).toBe(false);
    expect(wide({ list: [1], a: 1, b: undefined, c: undefined, d: undefined })).toBe(true);
    expect(wide({ list: [1, 2], a: 1, b: undefined, c: undefined, d: undefined })).toBe(false);
    // Known optional fields present as undefined count too.
    const optional = compileAcceptor(z.looseObject({ a: z.string().optional(), b: z.int().optional(), c: z.boolean().optional() }), { ...limits, nodes: 3 }) as Acceptor;
    expect(optional({ a: undefined, b: undefined })).toBe(true);
    expect(checkSize({ a: undefined, b: undefined, c: undefined }, { ...limits, nodes: 3 })).not.toBeUndefined();
    expect(optional({ a: undefined, b: undefined, c: undefined })).toBe(false);
    const withUndefined = { ...atLimits, o: undefined };
    expect(checkSize(withUndefined, limits)).not.toBeUndefined();
    expect(check(withUndefined)).toBe(false);
  });

  it('leaves strip and strict objects with other fields, and non-plain objects, to the full path', () => {
    const strip = compileAcceptor(z.object({ id: z.string() }), SNAPSHOT_LIMITS) as Acceptor;
    const strict = compileAcceptor(z.strictObject({ id: z.string() }), SNAPSHOT_LIMITS) as Acceptor;
    expect(strip({ id: 'a' })).toBe(true);
    expect(strip({ id: 'a', other: 1 })).toBe(false);
    expect(strict({ id: 'a', other: 1 })).toBe(false);
    class Order {
      id = 'a';
    }
    expect(strip(new Order())).toBe(false);
    expect(strip(Object.assign(Object.create(null), { id: 'a' }))).toBe(true);
  });

  it('judges numbers, strings, enums and refinements exactly as zod does', () => {
    const schema = z.looseObject({
      money: z.int().nonnegative(),
      ratio: z.number().gt(0).lte(1),
      code: z.string().min(2).max(3).regex(/^[A-Z]+$/),
      at: z.iso.datetime({ offset: true }),
      kind: z.enum(['a', 'b']),
      flag: z.boolean().optional(),
      even: z.string().refine((s) => s.length % 2 === 0),
    });
    const check = compileAcceptor(schema, SNAPSHOT_LIMITS) as Acceptor;
    const base = { money: 1, ratio: 1, code: 'AB', at: '2026-03-01T10:00:00+08:00', kind: 'a', even: 'xx' };
    const variants: Record<string, unknown>[] = [
      base,
      { ...base, money: -1 },
      { ...base, money: 1.5 },
      { ...base, money: 2 ** 53 },
      { ...base, ratio: 0 },
      { ...base, ratio: 1.01 },
      { ...base, ratio: Number.NaN },
      { ...base, code: 'A' },
      { ...base, code: 'ABCD' },
      { ...base, code: 'ab' },
      { ...base, at: '2026-03-01T10:00:00' },
      { ...base, kind: 'c' },
      { ...base, flag: 'yes' },
      { ...base, flag: undefined },
      { ...base, even: 'x' },
      // Values that turn into valid text when a pattern or length reads them, but are not strings.
      { ...base, at: ['2026-03-01T10:00:00+08:00'] },
      { ...base, code: ['AB'] },
      { ...base, code: { toString: () => 'AB', length: 2 } },
      { ...base, even: ['xx'] },
      { ...base, money: '1' },
      { ...base, flag: 1 },
    ];
    for (const input of variants) expect(check(input)).toBe(schema.safeParse(input).success);
  });

  it('keeps the tightest of several bounds, and judges optional elements in lists', () => {
    const schema = z.looseObject({
      a: z.number().gte(0).gt(0).lte(10).lt(10),
      b: z.number().gt(0).gte(0).lt(10).lte(10),
      c: z.number().gte(-5).gte(1).lte(50).lte(9),
      list: z.array(z.string().optional()),
    });
    const check = compileAcceptor(schema, SNAPSHOT_LIMITS) as Acceptor;
    const base = { a: 5, b: 5, c: 5, list: [] as unknown };
    const variants = [
      ...[0, 0.5, 9.5, 10].flatMap((v) => [{ ...base, a: v }, { ...base, b: v }]),
      ...[-5, 0, 1, 9, 10].map((c) => ({ ...base, c })),
      ...[[], [undefined, 'x'], [1], {}, 'xy', { length: 1, 0: 'x' }].map((list) => ({ ...base, list })),
    ];
    for (const input of variants) expect(check(input), JSON.stringify(input)).toBe(schema.safeParse(input).success);
  });

  it('cannot compile schemas whose output differs from their input or that it cannot judge exactly', () => {
    expect(compileAcceptor(z.looseObject({ n: z.string().transform((s) => s.length) }), SNAPSHOT_LIMITS)).toBeUndefined();
    expect(compileAcceptor(z.looseObject({ n: z.string().optional().default('x') }), SNAPSHOT_LIMITS)).toBeUndefined();
    expect(compileAcceptor(z.looseObject({ n: z.string().default('x').optional() }), SNAPSHOT_LIMITS)).toBeUndefined();
    expect(compileAcceptor(z.looseObject({ n: z.union([z.string(), z.number()]) }), SNAPSHOT_LIMITS)).toBeUndefined();
    expect(compileAcceptor(z.looseObject({ n: z.url() }), SNAPSHOT_LIMITS)).toBeUndefined();
    expect(compileAcceptor(z.looseObject({ n: z.coerce.number() }), SNAPSHOT_LIMITS)).toBeUndefined();
    // Checks it does not repeat: on lists, enums, objects, other string formats, conditional refinements, catch-alls.
    expect(compileAcceptor(z.looseObject({ n: z.array(z.string()).min(1) }), SNAPSHOT_LIMITS)).toBeUndefined();
    expect(compileAcceptor(z.looseObject({ n: z.enum(['a', 'b']).refine((v) => v === 'a') }), SNAPSHOT_LIMITS)).toBeUndefined();
    expect(compileAcceptor(z.looseObject({ n: z.boolean().refine((v) => v) }), SNAPSHOT_LIMITS)).toBeUndefined();
    expect(compileAcceptor(z.looseObject({ n: z.string() }).refine((o) => o.n !== 'x'), SNAPSHOT_LIMITS)).toBeUndefined();
    expect(compileAcceptor(z.looseObject({ n: z.email() }), SNAPSHOT_LIMITS)).toBeUndefined();
    expect(compileAcceptor(z.looseObject({ n: z.string().refine((v) => v.length > 1, { when: () => true }) }), SNAPSHOT_LIMITS)).toBeUndefined();
    expect(compileAcceptor(z.object({ n: z.string() }).catchall(z.string()), SNAPSHOT_LIMITS)).toBeUndefined();
    expect(compileAcceptor(z.looseObject({ n: z.int32() }), SNAPSHOT_LIMITS)).toBeUndefined();
    expect(compileAcceptor(z.looseObject({ n: z.number().multipleOf(2) }), SNAPSHOT_LIMITS)).toBeUndefined();
    expect(compileAcceptor(z.looseObject({ n: z.bigint().gt(0n) }), SNAPSHOT_LIMITS)).toBeUndefined();
  });

  it('says no, instead of throwing, when a refinement or a getter throws', () => {
    const check = compileAcceptor(z.looseObject({ n: z.string().refine(() => { throw new Error('boom'); }) }), SNAPSHOT_LIMITS) as Acceptor;
    expect(check({ n: 'x' })).toBe(false);
    // An async refinement's promise is not a yes.
    const later = compileAcceptor(z.looseObject({ n: z.string().refine(async () => false) }), SNAPSHOT_LIMITS) as Acceptor;
    expect(later({ n: 'x' })).toBe(false);
    const plain = compileAcceptor(z.looseObject({ n: z.string() }), SNAPSHOT_LIMITS) as Acceptor;
    expect(plain({ get n(): string { throw new Error('boom'); } })).toBe(false);
  });
});
