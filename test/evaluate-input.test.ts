import { createTriage, formatPath } from 'order-triage';
import { buildOrder, buildPayment, expectFailure, expectReport, minutesAfter } from 'order-triage/testing';
import { describe, expect, it } from 'vitest';

const triage = createTriage();
const now = minutesAfter(60);
const pathsOf = (input: unknown) => expectFailure(triage.evaluate(input, { now })).error.issues.map((i) => formatPath(i.path));

describe('evaluate with a bad snapshot', () => {
  it('returns a structured error naming the path of a float amount', () => {
    const order = buildOrder({ payments: [buildPayment({ amount: 209.5 })] });
    const failure = expectFailure(triage.evaluate(order, { now }));
    expect(failure).toMatchObject({ ok: false, orderId: 'ORD-1001', error: { code: 'invalid_snapshot' } });
    expect(failure.error.issues).toEqual([{ path: ['payments', 0, 'amount'], message: expect.stringContaining('safe integer in minor units') }]);
  });

  it.each([
    ['a numeric string', '20900'],
    ['NaN', Number.NaN],
    ['an unsafe integer', 2 ** 53],
    ['a negative amount', -1],
    ['Infinity', Number.POSITIVE_INFINITY],
  ])('rejects %s as money', (_name, amount) => {
    expect(pathsOf(buildOrder({ totals: { payable: amount as number }, payments: [buildPayment()] }))).toEqual(['totals.payable']);
  });

  it('rejects timestamps without an offset and currencies that are not ISO 4217', () => {
    expect(pathsOf(buildOrder({ createdAt: '2026-03-01 10:00:00', currency: 'RMB' }))).toEqual(['createdAt', 'currency']);
  });

  it('says a missing required field is required', () => {
    const { createdAt: _omitted, ...order } = buildOrder();
    const failure = expectFailure(triage.evaluate(order, { now }));
    expect(failure.error.issues).toEqual([{ path: ['createdAt'], message: 'required: an ISO 8601 timestamp with offset' }]);
  });

  it('lists every problem, not only the first', () => {
    const order = buildOrder({ status: 'lost' as never, payments: [buildPayment({ status: 'ok' as never, amount: 1.5 })] });
    expect(pathsOf(order)).toEqual(['status', 'payments[0].status', 'payments[0].amount']);
  });

  it.each([null, undefined, 42, 'order', [], true])('never throws for %p', (input) => {
    const failure = expectFailure(triage.evaluate(input, { now }));
    expect(failure.error.code).toBe('invalid_snapshot');
    expect(failure.error.issues[0]?.path).toEqual([]);
  });

  it('never throws even when reading the input throws', () => {
    const hostile = new Proxy(
      {},
      {
        get: () => {
          throw new Error('boom');
        },
        ownKeys: () => {
          throw new Error('boom');
        },
      },
    );
    const revoked = Proxy.revocable({}, {});
    revoked.revoke();
    for (const input of [hostile, revoked.proxy]) {
      const result = triage.evaluate(input, { now });
      expect(result.ok).toBe(false);
    }
  });

  it('names where a snapshot could not be read (a throwing getter, a Proxy trap, a revoked Proxy) as invalid_snapshot, in evaluate and in a batch', async () => {
    const getter = buildOrder();
    Object.defineProperty(getter.totals, 'payable', {
      get: () => {
        throw new Error('lazy field failed');
      },
      enumerable: true,
    });
    const revoked = Proxy.revocable({}, {});
    revoked.revoke();
    const keysThrow = new Proxy(buildOrder().items[0] as object, {
      ownKeys: () => {
        throw new Error('no keys');
      },
    });
    const cases: [unknown, (string | number)[], string][] = [
      [getter, ['totals', 'payable'], 'could not be read: lazy field failed'],
      [{ ...buildOrder(), shippingAddress: revoked.proxy }, ['shippingAddress'], 'could not be read: '],
      [{ ...buildOrder(), items: [keysThrow] }, ['items', 0], 'could not be read: no keys'],
    ];
    for (const [input, path, message] of cases) {
      const failure = expectFailure(triage.evaluate(input, { now }));
      expect([failure.error.code, failure.error.issues[0]?.path]).toEqual(['invalid_snapshot', path]);
      expect(failure.error.issues[0]?.message.startsWith(message)).toBe(true);
    }
    const batch = await triage.evaluateBatch(
      cases.map(([input]) => input),
      { now },
    );
    expect(batch.reports.map((r) => (r.ok ? 'ok' : r.error.code))).toEqual(['invalid_snapshot', 'invalid_snapshot', 'invalid_snapshot']);
  });

  it('lets unknown fields through and ignores them', () => {
    const order = { ...buildOrder(), erpRef: 'X-1', items: [{ ...buildOrder().items[0], colour: 'blue' }] };
    expect(expectReport(triage.evaluate(order, { now })).findings).toEqual([]);
  });
});

describe('evaluate with a bad context', () => {
  it('requires now, and says so at context.now', () => {
    const failure = expectFailure(triage.evaluate(buildOrder(), {} as never));
    expect(failure.error).toMatchObject({ code: 'invalid_context', issues: [{ path: ['context', 'now'] }] });
  });

  it('rejects a now without an offset, an invalid Date and unknown context keys', () => {
    expect(expectFailure(triage.evaluate(buildOrder(), { now: '2026-03-01T10:00:00' })).error.code).toBe('invalid_context');
    expect(expectFailure(triage.evaluate(buildOrder(), { now: new Date(Number.NaN) })).error.code).toBe('invalid_context');
    const typo = expectFailure(triage.evaluate(buildOrder(), { now, blaklist: {} } as never));
    expect(typo.error.issues[0]?.message).toContain('did you mean "blacklist"?');
  });

  it('accepts now as a Date with the same result as the ISO string', () => {
    const order = buildOrder({ status: 'pending_payment', payments: [] });
    expect(triage.evaluate(order, { now: new Date(Date.parse(now)) })).toEqual(triage.evaluate(order, { now }));
  });
});

describe('evaluate with a trusted snapshot', () => {
  it('gives the same report for a snapshot already parsed with OrderSnapshotSchema, without re-validating it', async () => {
    const { OrderSnapshotSchema } = await import('order-triage');
    const { paymentScenarios } = await import('order-triage/testing');
    const { order, now } = paymentScenarios.duplicatePayment();
    const parsed = OrderSnapshotSchema.parse(order);
    expect(triage.evaluate(parsed, { now, trusted: true })).toEqual(triage.evaluate(order, { now }));
  });

  it('still never throws for data that was not validated', () => {
    const result = triage.evaluate({ id: 'X' }, { now, trusted: true });
    expect(result).toMatchObject({ ok: false, orderId: 'X', error: { code: 'internal_error' } });
  });
});
