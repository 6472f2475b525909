import { createTriage, type EvaluateResult } from 'order-triage';
import { allScenarios, expectFailure, expectReport, minutesAfter, paymentScenarios } from 'order-triage/testing';
import { describe, expect, it } from 'vitest';

type Path = readonly (string | number)[];
type Node = Record<string | number, unknown>;

/** The path of every primitive value in `value` (fields and list elements), in walk order. */
function leafPaths(value: unknown, at: Path = []): Path[] {
  if (typeof value !== 'object' || value === null) return [at];
  return Object.keys(value).flatMap((key) => leafPaths((value as Node)[key], [...at, Array.isArray(value) ? Number(key) : key]));
}

/** The object at `path` in `root`. */
const nodeAt = (root: unknown, path: Path): Node => path.reduce<Node>((node, key) => node[key] as Node, root as Node);

/** A value that answers `first` on the first read and `later` on every read after; counts its reads. */
function changing(first: unknown, later: unknown) {
  let reads = 0;
  return { read: () => (++reads === 1 ? first : later), reads: () => reads };
}

/** A copy of `order` whose value at `path` is a getter answering the true value once, then `later`. */
function withGetter(order: unknown, path: Path, later: unknown): { snapshot: unknown; reads: () => number } {
  const snapshot = structuredClone(order);
  const parent = nodeAt(snapshot, path.slice(0, -1));
  const key = path[path.length - 1] as string | number;
  const value = changing(parent[key], later);
  Object.defineProperty(parent, key, { get: value.read, enumerable: true, configurable: true });
  return { snapshot, reads: value.reads };
}

/** A copy of `order` whose object holding `path` is a Proxy answering the true value once, then `later`. */
function withProxy(order: unknown, path: Path, later: unknown): { snapshot: unknown; reads: () => number } {
  const copy = structuredClone(order);
  const parentPath = path.slice(0, -1);
  const target = nodeAt(copy, parentPath);
  const key = String(path[path.length - 1]);
  const value = changing(target[key], later);
  const proxy = new Proxy(target, { get: (t, k, receiver) => (k === key ? value.read() : Reflect.get(t, k, receiver)) });
  if (parentPath.length === 0) return { snapshot: proxy, reads: value.reads };
  nodeAt(copy, parentPath.slice(0, -1))[parentPath[parentPath.length - 1] as string | number] = proxy;
  return { snapshot: copy, reads: value.reads };
}

const LATER = [1e15, 1.5, Number.NaN] as const;
const triage = createTriage();
const scenarios = allScenarios.map((make) => make());

describe('each input value is read once', () => {
  it('refunds the amount validated, with no NaN in any text, when a payment amount is a getter that then says 10^15, 1.5 or NaN', () => {
    const { order, now } = paymentScenarios.duplicatePayment();
    for (const later of LATER) {
      for (const make of [withGetter, withProxy]) {
        const { snapshot, reads } = make(order, ['payments', 1, 'amount'], later);
        const report = expectReport(triage.evaluate(snapshot, { now }));
        expect(report.actions.flatMap((a) => (a.kind === 'refund' ? [a.params.amount] : []))).toEqual([20_900]);
        expect(JSON.stringify(report)).not.toMatch(/NaN|1e\+?15|1000000000000000/);
        expect(reads()).toBe(1);
      }
    }
  });

  it('evaluates every value as first read: a getter or Proxy at any field of any scenario that later answers otherwise changes nothing, and is read once', () => {
    for (const { order, now } of scenarios) {
      const expected = JSON.stringify(triage.evaluate(order, { now }));
      leafPaths(order).forEach((path, i) => {
        const later = LATER[i % LATER.length];
        for (const make of [withGetter, withProxy]) {
          const { snapshot, reads } = make(order, path, later);
          const result: EvaluateResult = triage.evaluate(snapshot, { now });
          expect(JSON.stringify(result), `${make.name} at ${path.join('.')}`).toBe(expected);
          expect(reads(), `${make.name} at ${path.join('.')}`).toBe(1);
        }
      });
    }
  });

  it('evaluates every order of a batch as first read: the batch report equals the one for plain snapshots, and each getter runs once', async () => {
    for (const { order, now } of scenarios.slice(0, 12)) {
      const paths = leafPaths(order);
      const hostile = paths.map((path, i) => (i % 2 === 0 ? withGetter : withProxy)(order, path, LATER[i % LATER.length]));
      const plain = paths.map(() => structuredClone(order));
      const batch = await triage.evaluateBatch(
        hostile.map((h) => h.snapshot),
        { now },
      );
      expect(JSON.stringify(batch)).toBe(JSON.stringify(await triage.evaluateBatch(plain, { now })));
      expect(hostile.map((h) => h.reads())).toEqual(paths.map(() => 1));
    }
  });

  it('reads a Date now once, past a getTime override that answers a year later after the first call', async () => {
    const { order, now } = paymentScenarios.duplicatePayment();
    const at = Date.parse(now);
    class Shifty extends Date {
      reads = 0;
      override getTime(): number {
        return super.getTime() + (++this.reads === 1 ? 0 : 365 * 86_400_000);
      }
    }
    const expected = JSON.stringify(triage.evaluate(order, { now: new Date(at) }));
    expect(JSON.stringify(triage.evaluate(order, { now: new Shifty(at) }))).toBe(expected);
    const batch = await triage.evaluateBatch([order], { now: new Shifty(at) });
    expect(JSON.stringify(batch)).toBe(JSON.stringify(await triage.evaluateBatch([order], { now: new Date(at) })));
  });

  it('names now as invalid, not an internal error, when a context field read after it makes its Date invalid', () => {
    const { order } = paymentScenarios.clean();
    const now = new Date(minutesAfter(60));
    const context = {
      now,
      get trusted() {
        now.setTime(Number.NaN);
        return false;
      },
    };
    const failure = expectFailure(triage.evaluate(order, context));
    expect(failure.error.code).toBe('invalid_context');
    expect(failure.error.issues.map((issue) => issue.path)).toEqual([['context', 'now']]);
  });

  it('names a context that throws when read (a Proxy around a Date as now) invalid_context, in evaluate and per order in a batch', async () => {
    const { order } = paymentScenarios.clean();
    const now = new Proxy(new Date(minutesAfter(60)), {});
    const failure = expectFailure(triage.evaluate(order, { now }));
    expect([failure.error.code, failure.error.issues[0]?.path]).toEqual(['invalid_context', ['context']]);
    const batch = await triage.evaluateBatch([order, order], { now });
    expect(batch.reports.map((report) => (report.ok ? 'ok' : report.error.code))).toEqual(['invalid_context', 'invalid_context']);
  });

  it('lets user rules read the validated copy, never the caller object, when the snapshot takes the full path (records made by a class, as ORMs make them)', () => {
    const rules = [
      {
        name: 'gift-note',
        conditions: { all: [{ fact: 'order', path: '$.extra.note', operator: 'equal', value: 'gift' }] },
        event: { type: 'GIFT_NOTE', params: { category: 'customer', severity: 'low', owner: 'customer_service' } },
      },
    ];
    const { order } = paymentScenarios.clean();
    // A snapshot that is a class instance is not plain data: zod reads it, not the compiled check.
    class OrderRow {}
    const readsWhile = (triage: ReturnType<typeof createTriage>) => {
      let reads = 0;
      const extra = {};
      Object.defineProperty(extra, 'note', { get: () => (++reads <= 2 ? 'gift' : 'later'), enumerable: true });
      const report = expectReport(triage.evaluate(Object.assign(new OrderRow(), order, { extra }), { now: minutesAfter(60) }));
      return { reads, codes: report.findings.map((finding) => finding.code) };
    };
    const plain = readsWhile(triage);
    const withRule = readsWhile(createTriage({ rules } as never));
    // Validation reads the field (size, then the copy); the rule reads the copy, not the getter again.
    expect(withRule.reads).toBe(plain.reads);
    expect(withRule.codes).toContain('GIFT_NOTE');
  });
});
