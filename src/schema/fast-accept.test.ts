import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { anything, replaceOneValue } from '../../test/arbitraries.js';
import { allScenarios, generateOrders } from '../testing/index.js';
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
    ];
    for (const input of variants) expect(check(input)).toBe(schema.safeParse(input).success);
  });

  it('cannot compile schemas whose output differs from their input or that it cannot judge exactly', () => {
    expect(compileAcceptor(z.looseObject({ n: z.string().transform((s) => s.length) }), SNAPSHOT_LIMITS)).toBeUndefined();
    expect(compileAcceptor(z.looseObject({ n: z.string().optional().default('x') }), SNAPSHOT_LIMITS)).toBeUndefined();
    expect(compileAcceptor(z.looseObject({ n: z.union([z.string(), z.number()]) }), SNAPSHOT_LIMITS)).toBeUndefined();
    expect(compileAcceptor(z.looseObject({ n: z.url() }), SNAPSHOT_LIMITS)).toBeUndefined();
    expect(compileAcceptor(z.looseObject({ n: z.coerce.number() }), SNAPSHOT_LIMITS)).toBeUndefined();
  });

  it('says no, instead of throwing, when a refinement or a getter throws', () => {
    const check = compileAcceptor(z.looseObject({ n: z.string().refine(() => { throw new Error('boom'); }) }), SNAPSHOT_LIMITS) as Acceptor;
    expect(check({ n: 'x' })).toBe(false);
    const plain = compileAcceptor(z.looseObject({ n: z.string() }), SNAPSHOT_LIMITS) as Acceptor;
    expect(plain({ get n(): string { throw new Error('boom'); } })).toBe(false);
  });
});
