import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { anything, replaceOneValue } from '../../test/arbitraries.js';
import { allScenarios, buildOrder, buildPayment, generateOrders } from '../testing/index.js';
import { ISO_4217_MINOR_UNITS } from '../vocabulary/iso-4217.js';
import { type Acceptor, compileAcceptor } from './fast-accept.js';
import { normaliseSnapshot } from './normalise-snapshot.js';
import { checkSize, type SizeLimits, SNAPSHOT_LIMITS } from './size-guard.js';
import { OrderSnapshotSchema } from './snapshot.js';
import { SNAPSHOT_TOLERANCE } from './tolerance.js';

const copyOf = compileAcceptor(OrderSnapshotSchema, SNAPSHOT_LIMITS) as Acceptor;
/** The acceptor as a yes/no check: does it accept (return a copy)? */
const yesNo =
  (acceptor: Acceptor | undefined) =>
  (input: unknown): boolean => {
    if (acceptor === undefined) throw new Error('the schema did not compile');
    return acceptor(input) !== undefined;
  };
const accept = yesNo(copyOf);
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

/** Every object reachable from `value`. */
const objectsIn = (value: unknown, into = new Set<object>()): Set<object> => {
  if (typeof value !== 'object' || value === null || into.has(value)) return into;
  into.add(value);
  for (const key of Reflect.ownKeys(value)) objectsIn((value as Record<PropertyKey, unknown>)[key], into);
  return into;
};

/** True when every object in `value` has `Object.prototype` (arrays `Array.prototype`), none a `__proto__` of the input. */
const isPlainData = (value: unknown): boolean => [...objectsIn(value)].every((o) => Object.getPrototypeOf(o) === (Array.isArray(o) ? Array.prototype : Object.prototype));

/**
 * A value without own keys named `__proto__`: zod drops them from the objects it parses (not from
 * unknown fields' values, which it passes on as they are), the acceptor's copy keeps them.
 */
const withoutProtoKeys = (value: unknown): unknown => {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map(withoutProtoKeys);
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => key !== '__proto__')
      .map(([key, v]) => [key, withoutProtoKeys(v)]),
  );
};

/** The acceptor's copy held to zod's output and to the input: deep-equal to the one, sharing no object with the other. */
function expectCopyOfInput(input: unknown): void {
  const copy = copyOf(input);
  const parsed = OrderSnapshotSchema.safeParse(input);
  expect(parsed.success).toBe(true);
  expect(withoutProtoKeys(copy)).toEqual(withoutProtoKeys(parsed.data));
  expect(isPlainData(copy)).toBe(true);
  const inputs = objectsIn(input);
  expect([...objectsIn(copy)].filter((o) => inputs.has(o))).toEqual([]);
}

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
    const check = yesNo(compileAcceptor(z.looseObject({ id: z.string() }), limits));
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
    const limits = fc.record({
      depth: fc.integer({ min: 1, max: 5 }),
      nodes: fc.integer({ min: 1, max: 60 }),
      stringLength: fc.integer({ min: 1, max: 40 }),
      arrayLength: fc.integer({ min: 1, max: 8 }),
    });
    let accepted = 0;
    fc.assert(
      fc.property(value, limits, (input, l) => {
        if (!yesNo(compileAcceptor(schema, l))(input)) return;
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
    expect(yesNo(compileAcceptor(schema, { ...SNAPSHOT_LIMITS, nodes: 8 }))(input)).toBe(true);
    // Each kind of field counts: an object with one field is two values.
    for (const field of ['a', 'b', 'c', 'd'] as const) {
      const single = yesNo(compileAcceptor(z.looseObject({ [field]: schema.shape[field] }), { ...SNAPSHOT_LIMITS, nodes: 1 }));
      expect(single({ [field]: input[field] })).toBe(false);
    }
    expect(yesNo(compileAcceptor(schema, { ...SNAPSHOT_LIMITS, nodes: 7 }))(input)).toBe(false);
    expect(yesNo(compileAcceptor(schema, { ...SNAPSHOT_LIMITS, nodes: 8 }))({ ...input, e: [1, 2, 3] })).toBe(false);
  });

  it('accepts input exactly at every limit, as the size guard does, and counts fields present as undefined', () => {
    const limits: SizeLimits = { depth: 2, nodes: 7, stringLength: 3, arrayLength: 5 };
    const schema = z.looseObject({ s: z.string(), t: z.string().regex(/^a+$/), flag: z.boolean(), kind: z.enum(['x']), list: z.array(z.int()), o: z.string().optional() });
    const check = yesNo(compileAcceptor(schema, limits));
    // Five fields, strings of three, seven values in all.
    const atLimits = { s: 'abc', t: 'aaa', flag: true, kind: 'x', list: [1] };
    expect(checkSize(atLimits, limits)).toBeUndefined();
    expect(check(atLimits)).toBe(true);
    expect(check({ ...atLimits, s: 'abcd' })).toBe(false);
    expect(check({ ...atLimits, t: 'aaaa' })).toBe(false);
    const wide = yesNo(compileAcceptor(z.looseObject({ list: z.array(z.int()) }), limits));
    expect(wide({ list: [1, 2, 3, 4, 5] })).toBe(true);
    expect(wide({ list: [1, 2, 3, 4, 5], a: 1 })).toBe(false);
    expect(wide({ list: [1, 2, 3, 4, 5, 6] })).toBe(false);
    // Five fields is the limit; a field present as undefined still counts as a field and a value.
    expect(wide({ list: [], a: 1, b: undefined, c: undefined, d: undefined })).toBe(true);
    expect(wide({ list: [], a: 1, b: undefined, c: undefined, d: undefined, e: undefined })).toBe(false);
    expect(wide({ list: [1], a: 1, b: undefined, c: undefined, d: undefined })).toBe(true);
    expect(wide({ list: [1, 2], a: 1, b: undefined, c: undefined, d: undefined })).toBe(false);
    // Known optional fields present as undefined count too.
    const optional = yesNo(compileAcceptor(z.looseObject({ a: z.string().optional(), b: z.int().optional(), c: z.boolean().optional() }), { ...limits, nodes: 3 }));
    expect(optional({ a: undefined, b: undefined })).toBe(true);
    expect(checkSize({ a: undefined, b: undefined, c: undefined }, { ...limits, nodes: 3 })).not.toBeUndefined();
    expect(optional({ a: undefined, b: undefined, c: undefined })).toBe(false);
    const withUndefined = { ...atLimits, o: undefined };
    expect(checkSize(withUndefined, limits)).not.toBeUndefined();
    expect(check(withUndefined)).toBe(false);
  });

  it('leaves strip and strict objects with other fields, and non-plain objects, to the full path', () => {
    const strip = yesNo(compileAcceptor(z.object({ id: z.string() }), SNAPSHOT_LIMITS));
    const strict = yesNo(compileAcceptor(z.strictObject({ id: z.string() }), SNAPSHOT_LIMITS));
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
      code: z
        .string()
        .min(2)
        .max(3)
        .regex(/^[A-Z]+$/),
      at: z.iso.datetime({ offset: true }),
      kind: z.enum(['a', 'b']),
      flag: z.boolean().optional(),
      even: z.string().refine((s) => s.length % 2 === 0),
    });
    const check = yesNo(compileAcceptor(schema, SNAPSHOT_LIMITS));
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
    const check = yesNo(compileAcceptor(schema, SNAPSHOT_LIMITS));
    const base = { a: 5, b: 5, c: 5, list: [] as unknown };
    const variants = [
      ...[0, 0.5, 9.5, 10].flatMap((v) => [
        { ...base, a: v },
        { ...base, b: v },
      ]),
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
    expect(
      compileAcceptor(
        z.looseObject({ n: z.string() }).refine((o) => o.n !== 'x'),
        SNAPSHOT_LIMITS,
      ),
    ).toBeUndefined();
    expect(compileAcceptor(z.looseObject({ n: z.email() }), SNAPSHOT_LIMITS)).toBeUndefined();
    expect(compileAcceptor(z.looseObject({ n: z.string().refine((v) => v.length > 1, { when: () => true }) }), SNAPSHOT_LIMITS)).toBeUndefined();
    expect(compileAcceptor(z.object({ n: z.string() }).catchall(z.string()), SNAPSHOT_LIMITS)).toBeUndefined();
    expect(compileAcceptor(z.looseObject({ n: z.int32() }), SNAPSHOT_LIMITS)).toBeUndefined();
    expect(compileAcceptor(z.looseObject({ n: z.number().multipleOf(2) }), SNAPSHOT_LIMITS)).toBeUndefined();
    expect(compileAcceptor(z.looseObject({ n: z.bigint().gt(0n) }), SNAPSHOT_LIMITS)).toBeUndefined();
    // A root that accepts undefined (its copy could not be told from a refusal), a schema key named __proto__.
    expect(compileAcceptor(z.looseObject({ n: z.string() }).optional(), SNAPSHOT_LIMITS)).toBeUndefined();
    expect(compileAcceptor(z.unknown(), SNAPSHOT_LIMITS)).toBeUndefined();
    expect(compileAcceptor(z.looseObject({ ['__proto__']: z.string() }), SNAPSHOT_LIMITS)).toBeUndefined();
  });

  it('says no, instead of throwing, when a refinement or a getter throws', () => {
    const check = yesNo(
      compileAcceptor(
        z.looseObject({
          n: z.string().refine(() => {
            throw new Error('boom');
          }),
        }),
        SNAPSHOT_LIMITS,
      ),
    );
    expect(check({ n: 'x' })).toBe(false);
    // An async refinement's promise is not a yes.
    const later = yesNo(compileAcceptor(z.looseObject({ n: z.string().refine(async () => false) }), SNAPSHOT_LIMITS));
    expect(later({ n: 'x' })).toBe(false);
    const plain = yesNo(compileAcceptor(z.looseObject({ n: z.string() }), SNAPSHOT_LIMITS));
    expect(
      plain({
        get n(): string {
          throw new Error('boom');
        },
      }),
    ).toBe(false);
  });
  it('returns a plain copy of each valid order that deep-equals zod’s output and shares no object with the input', () => {
    for (const order of orders) expectCopyOfInput(order);
  });

  it('copies exactly what zod outputs for 4,000 mutated JSON orders it accepts, unknown fields included, sharing no object with them', () => {
    let accepted = 0;
    fc.assert(
      fc.property(mutatedWith(jsonEdgy), fc.boolean(), (input, addField) => {
        const json = JSON.parse(JSON.stringify(addField ? { ...input, extra: { nested: [input.id, { deep: 1 }] } } : input)) as unknown;
        if (copyOf(json) === undefined) return;
        accepted++;
        expectCopyOfInput(json);
      }),
      { numRuns: 4_000, seed: 75 },
    );
    expect(accepted).toBeGreaterThan(1_000);
  });

  it('copies values of unknown fields as read (bigints, functions, symbols, null-prototype objects, sparse lists), and leaves dates, maps and class instances to the full path', () => {
    const order = orders[0] as Record<string, unknown>;
    const fn = () => 1;
    const sym = Symbol('s');
    const odd = { big: 10n, fn, sym, bare: Object.assign(Object.create(null) as object, { a: 1 }), sparse: [1, , 3] };
    const copy = copyOf({ ...order, odd }) as { odd: typeof odd };
    expect(copy.odd.big).toBe(10n);
    expect(copy.odd.fn).toBe(fn);
    expect(copy.odd.sym).toBe(sym);
    expect(Object.getPrototypeOf(copy.odd.bare)).toBe(Object.prototype);
    expect(copy.odd.bare).toEqual({ a: 1 });
    expect(copy.odd.sparse).toEqual([1, undefined, 3]);
    class Note {
      text = 'x';
    }
    for (const value of [new Date(0), new Map([[1, 2]]), new Note(), [new Note()]]) {
      expect(copyOf({ ...order, extra: value })).toBeUndefined();
      expect(OrderSnapshotSchema.safeParse({ ...order, extra: value }).success).toBe(true);
    }
  });

  it('keeps own keys named __proto__ as own fields of the copy, never as its prototype, at any depth', () => {
    const order = JSON.stringify(orders[0]);
    const proto = '"__proto__":{"status":"cancelled","remark":"急 invoice","polluted":true}';
    const inputs = [`{${proto},${order.slice(1)}`, `${order.slice(0, -1)},"extra":{${proto}}}`, order.replace('"items":[{', `"items":[{${proto},`)].map(
      (text) => JSON.parse(text) as Record<string, unknown>,
    );
    for (const input of inputs) {
      const copy = copyOf(input) as Record<string, unknown>;
      expect(copy).not.toBeUndefined();
      expect(isPlainData(copy)).toBe(true);
      const holders = [...objectsIn(copy)].filter((o) => Object.hasOwn(o, '__proto__'));
      expect(holders).toHaveLength(1);
      expect((holders[0] as Record<string, unknown>)['__proto__']).toEqual({ status: 'cancelled', remark: '急 invoice', polluted: true });
      expect(copy.status).toBe((orders[0] as Record<string, unknown>).status);
      expect(copy.remark).toBe((orders[0] as Record<string, unknown>).remark);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(withoutProtoKeys(copy)).toEqual(withoutProtoKeys(OrderSnapshotSchema.parse(input)));
    }
  });

  it('reads each field and element once, a getter or a Proxy alike, and copies the value it read', () => {
    const order = structuredClone(orders[0]) as { payments: Record<string, unknown>[]; items: unknown[] };
    let getterReads = 0;
    Object.defineProperty(order.payments[0], 'amount', { get: () => (++getterReads === 1 ? 100 : 1.5), enumerable: true });
    const proxyReads = new Map<PropertyKey, number>();
    const items = new Proxy(order.items, {
      get: (target, key, receiver) => {
        proxyReads.set(key, (proxyReads.get(key) ?? 0) + 1);
        return key === 'length' && (proxyReads.get(key) ?? 0) > 1 ? 10_000 : Reflect.get(target, key, receiver);
      },
    });
    const copy = copyOf({ ...order, items }) as typeof order;
    expect(getterReads).toBe(1);
    expect(copy.payments[0]?.amount).toBe(100);
    expect(copy.items).toEqual(order.items);
    expect(Array.isArray(copy.items) && Object.getPrototypeOf(copy.items) === Array.prototype).toBe(true);
    expect([...proxyReads.values()].every((n) => n === 1)).toBe(true);
    expect(proxyReads.get('length')).toBe(1);
  });
});

describe('compileAcceptor with the snapshot tolerance', () => {
  const tolerant = compileAcceptor(OrderSnapshotSchema, SNAPSHOT_LIMITS, SNAPSHOT_TOLERANCE) as Acceptor;
  /** zod's output for the input as normaliseSnapshot reads it, or undefined when it refuses or warns. */
  const fullTolerantPath = (input: unknown): unknown => {
    if (checkSize(input, SNAPSHOT_LIMITS) !== undefined) return undefined;
    const normalised = normaliseSnapshot(input);
    if (normalised.issues.length > 0 || normalised.warnings.length > 0) return undefined;
    const parsed = OrderSnapshotSchema.safeParse(normalised.value);
    return parsed.success ? parsed.data : undefined;
  };
  // Values a database hands over: SQL NULL, Dates (one invalid), numeric ids, compact offsets.
  const databaseValues = fc.oneof(
    jsonEdgy,
    fc.constantFrom(
      null,
      new Date('2026-03-01T02:00:00Z'),
      new Date(Number.NaN),
      1001,
      2 ** 53,
      '2026-03-01T10:00:00+0800',
      '2026-03-01T10:00:00+08',
      'customs_clearance',
      'DELIVERED',
      ' In-Transit',
      'Damaged',
    ),
  );
  // Values replaced in place (a Date added as an unknown field is not plain data: the full path judges it).
  const tolerantMutated = fc.tuple(fc.constantFrom(...orders), fc.nat(), databaseValues).map(([order, pick, replacement]) => replaceOneValue(order, pick, replacement, false));

  it('accepts exactly what normaliseSnapshot and zod accept without a warning, and copies what zod outputs for it (4,000 mutated orders, unknown fields plain data)', () => {
    let accepted = 0;
    fc.assert(
      fc.property(tolerantMutated, (input) => {
        const copy = tolerant(input);
        const expected = fullTolerantPath(input);
        expect(copy === undefined).toBe(expected === undefined);
        if (copy === undefined) return;
        accepted++;
        expect(withoutProtoKeys(copy)).toEqual(withoutProtoKeys(expected));
        expect(isPlainData(copy)).toBe(true);
      }),
      { numRuns: 4_000, seed: 75 },
    );
    expect(accepted).toBeGreaterThan(500);
  });

  it('accepts nothing the tolerant full path would refuse or warn about, whatever the values (4,000 mutated orders)', () => {
    fc.assert(
      fc.property(mutatedWith(fc.oneof(edgy, databaseValues)), (input) => {
        const copy = tolerant(input);
        if (copy !== undefined) expect(withoutProtoKeys(copy)).toEqual(withoutProtoKeys(fullTolerantPath(input)));
      }),
      { numRuns: 4_000, seed: 76 },
    );
  });

  it('reads null on optional fields, Dates, numeric ids and +0800 offsets without leaving the fast path', () => {
    const order = buildOrder({ remark: 'x' }) as Record<string, unknown>;
    const input = { ...order, remark: null, id: 42, createdAt: new Date('2026-03-01T02:00:00Z'), promisedShipBy: '2026-03-03T10:00:00+0800' };
    expect(tolerant(input)).toMatchObject({ id: '42', createdAt: '2026-03-01T02:00:00.000Z', promisedShipBy: '2026-03-03T10:00:00+08:00' });
    expect(tolerant(input)).not.toHaveProperty('remark');
  });

  it('reads a known code in another case or with spaces and hyphens as that code without leaving the fast path', () => {
    const order = buildOrder() as Record<string, unknown>;
    const shipment = { id: 'S1', carrier: 'SF', trackingNumber: 'SF1', events: [{ at: '2026-03-01T10:00:00+08:00', code: 'Out-For-Delivery ' }] };
    expect(tolerant({ ...order, shipments: [shipment] })).toMatchObject({ shipments: [{ events: [{ code: 'out_for_delivery' }] }] });
    expect(tolerant({ ...order, shipments: [{ ...shipment, events: [{ at: '2026-03-01T10:00:00+08:00', code: 'customs' }] }] })).toBeUndefined();
  });

  it('leaves keys that look misspelt, unknown codes, invalid Dates and unsafe ids to the full path', () => {
    const order = buildOrder() as Record<string, unknown>;
    expect(tolerant({ ...order, promised_ship_by: 'x' })).toBeUndefined();
    expect(tolerant({ ...order, createdAt: new Date(Number.NaN) })).toBeUndefined();
    expect(tolerant({ ...order, id: 2 ** 53 })).toBeUndefined();
    expect(tolerant({ ...order, erpInternalFlag: 1 })).toBeDefined();
  });
});
