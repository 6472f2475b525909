import fc from 'fast-check';
import { createTriage, type EvaluateResult, isInvalidOptionsError, type MessageCatalogue, messageCatalogues } from 'order-triage';
import { allScenarios } from 'order-triage/testing';
import { describe, expect, it } from 'vitest';

// docs/reliability.md: options that createTriage accepts never make an evaluation fail.

type Path = (string | number)[];

const EXTREMES = [0, 1, 2, 2 ** 31, 2 ** 40, Number.MAX_SAFE_INTEGER, 1e308, -1, 0.5, 5_256_000, 87_600, 3_650];
const TAGS = ['en', 'zh-CN', 'xx-!!', 'EN', 'ja-JP', 'toString', 'constructor', 'de-DE-u-nu-arab', 'en-u-ca-buddhist', 'ar-EG', 'th-TH-u-nu-thai', 'i-klingon', 'x', 'und'];
const defaults = createTriage().options;

/** Every path to a number inside `value`. */
function numberPaths(value: unknown, path: Path, into: Path[]): Path[] {
  if (typeof value === 'number') into.push(path);
  else if (typeof value === 'object' && value !== null)
    for (const [key, child] of Object.entries(value)) numberPaths(child, [...path, Array.isArray(value) ? Number(key) : key], into);
  return into;
}

/** Every path to a function inside a catalogue. */
function functionPaths(value: unknown, path: string[], into: string[][]): string[][] {
  if (typeof value === 'function') into.push(path);
  else if (typeof value === 'object' && value !== null && !Array.isArray(value)) for (const [key, child] of Object.entries(value)) functionPaths(child, [...path, key], into);
  return into;
}

const NUMBER_PATHS = numberPaths({ thresholds: defaults.thresholds, policy: defaults.policy, batch: defaults.batch }, [], []);
const FUNCTION_PATHS = functionPaths(messageCatalogues.en, [], []);

/** Odd catalogue functions: wrong types, throws, and ones that only fail on real orders (not on a sample). */
const ODD_FUNCTIONS: (() => (...args: never[]) => unknown)[] = [
  () => () => 42,
  () => () => 10n,
  () => () => ({ text: 'object' }),
  () => () => null,
  () => () => undefined,
  () => () => {
    throw new Error('catalogue boom');
  },
  () => (m: { orderId?: string; order?: { id?: string } }) => {
    if ((m?.orderId ?? m?.order?.id) === 'ORD-1001') throw new Error('only on real orders');
    return 'fine';
  },
  () => (m: { orderId?: string; order?: { id?: string } }) => ((m?.orderId ?? m?.order?.id) === 'ORD-1001' ? Symbol('not text') : 'fine'),
  () => () => 'a plain custom text',
];

function setPath(target: Record<string | number, unknown>, path: Path, value: unknown): void {
  let node = target;
  for (const key of path.slice(0, -1)) {
    if (typeof node[key] !== 'object' || node[key] === null) node[key] = {};
    node = node[key] as Record<string | number, unknown>;
  }
  node[path[path.length - 1] as string | number] = value;
}

const optionsArbitrary = fc
  .record({
    numbers: fc.array(fc.tuple(fc.constantFrom(...NUMBER_PATHS), fc.constantFrom(...EXTREMES)), { maxLength: 2 }),
    custom: fc.option(
      fc.record({
        tag: fc.constantFrom(...TAGS),
        base: fc.constantFrom('en', 'zh-CN'),
        odd: fc.array(fc.tuple(fc.constantFrom(...FUNCTION_PATHS), fc.nat(ODD_FUNCTIONS.length - 1)), { maxLength: 3 }),
      }),
    ),
    locale: fc.constantFrom('zh-CN', 'en'),
  })
  .map(({ numbers, custom, locale }) => {
    const options: Record<string, unknown> = structuredClone({ thresholds: defaults.thresholds, policy: defaults.policy, batch: defaults.batch, locale });
    for (const [path, value] of numbers) setPath(options, path, value);
    if (custom !== null) {
      const catalogue: Record<string, unknown> = {};
      const base = messageCatalogues[custom.base as 'en' | 'zh-CN'] as MessageCatalogue;
      for (const [key, value] of Object.entries(base)) catalogue[key] = typeof value === 'object' && value !== null && !Array.isArray(value) ? deepSpread(value) : value;
      catalogue.locale = custom.tag;
      for (const [path, pick] of custom.odd) setPath(catalogue, path, (ODD_FUNCTIONS[pick] as () => unknown)());
      options.messages = { [custom.tag]: catalogue };
      options.locale = custom.tag;
    }
    return options;
  });

/** A copy of a catalogue's nested objects (functions and arrays shared), so entries can be replaced. */
function deepSpread(value: object): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) copy[key] = typeof child === 'object' && child !== null && !Array.isArray(child) ? deepSpread(child) : child;
  return copy;
}

function expectOkWithTexts(result: EvaluateResult): void {
  if (!result.ok) throw new Error(`expected a report, got ${JSON.stringify(result.error)}`);
  expect(() => JSON.stringify(result)).not.toThrow();
  for (const finding of result.findings) {
    expect(typeof finding.summary).toBe('string');
    for (const line of finding.checklist) expect(typeof line).toBe('string');
    expect(Number.isNaN(Date.parse(finding.respondBy))).toBe(false);
  }
  for (const action of result.actions) {
    expect(typeof action.note).toBe('string');
    if (action.customerMessage !== undefined) expect(typeof action.customerMessage.text).toBe('string');
    expect(Number.isNaN(Date.parse(action.dueBy))).toBe(false);
  }
}

const LAST_NOW = new Date(Date.UTC(9999, 11, 31, 23, 59, 59, 999));

describe('options that pass never fail later', () => {
  it('either refuses generated options (extreme numbers, odd locale tags, odd catalogue functions) at createTriage, or every sample order gives an ok report whose texts are strings', {
    timeout: 120_000,
  }, () => {
    fc.assert(
      fc.property(optionsArbitrary, fc.constantFrom<'scenario' | 'last' | 'first'>('scenario', 'last', 'first'), (options, when) => {
        let triage: ReturnType<typeof createTriage>;
        try {
          triage = createTriage(options as never);
        } catch (error) {
          expect(isInvalidOptionsError(error)).toBe(true);
          return;
        }
        for (const make of allScenarios) {
          const { order, now, context } = make();
          const at = when === 'scenario' ? now : when === 'last' ? LAST_NOW : new Date(0);
          expectOkWithTexts(triage.evaluate(order, { ...context, now: at }));
        }
      }),
      { numRuns: 300 },
    );
  });
});
