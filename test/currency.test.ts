import { createTriage, formatMoney, ISO_4217_MINOR_UNITS, type Issue, isInvalidOptionsError, isIsoCurrency, toDecimalString } from 'order-triage';
import { buildOrder, buildPayment, expectFailure, expectReport, paymentScenarios } from 'order-triage/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';

/**
 * Codes where this runtime's Intl (CLDR display digits) differs from ISO 4217: CLDR shows these
 * with no decimals although ISO 4217 gives them minor units. docs/money.md lists them.
 */
const INTL_DIFFERS_FROM_ISO = new Set(['AFN', 'ALL', 'COP', 'HUF', 'IDR', 'IQD', 'IRR', 'KPW', 'LAK', 'LBP', 'MGA', 'MMK', 'PKR', 'SOS', 'SYP', 'YER']);

const intlDigits = (code: string) => new Intl.NumberFormat('en', { style: 'currency', currency: code }).resolvedOptions().maximumFractionDigits;

function optionIssues(options: unknown): Issue[] {
  try {
    createTriage(options as never);
  } catch (error) {
    if (isInvalidOptionsError(error)) return [...error.issues];
    throw error;
  }
  throw new Error('expected InvalidOptionsError');
}

describe('ISO 4217 currency table', () => {
  it('agrees with this runtime’s Intl on every code both know, except the documented CLDR differences', () => {
    const known = new Set(Intl.supportedValuesOf('currency'));
    const disagreeing = [...ISO_4217_MINOR_UNITS].filter(([code, digits]) => known.has(code) && intlDigits(code) !== digits).map(([code]) => code);
    expect(disagreeing.filter((code) => !INTL_DIFFERS_FROM_ISO.has(code))).toEqual([]);
    // The table has the ISO 4217 digits the runtimes disagree about.
    expect(['IDR', 'JPY', 'KWD', 'CLF', 'UYW', 'SLE', 'VES', 'HUF', 'IQD'].map((c) => [c, ISO_4217_MINOR_UNITS.get(c)])).toEqual([
      ['IDR', 2],
      ['JPY', 0],
      ['KWD', 3],
      ['CLF', 4],
      ['UYW', 4],
      ['SLE', 2],
      ['VES', 2],
      ['HUF', 2],
      ['IQD', 3],
    ]);
  });

  it('holds only well-formed codes with 0 to 4 digits, and neither withdrawn codes nor units without minor units', () => {
    for (const [code, digits] of ISO_4217_MINOR_UNITS) {
      expect(code).toMatch(/^[A-Z]{3}$/);
      expect([0, 2, 3, 4]).toContain(digits);
    }
    expect(['HRK', 'SLL', 'ANG', 'ZWL', 'CUC', 'XAU', 'XXX', 'XTS', 'XDR', 'RMB', '__proto__', 'constructor', 'cny', undefined, null, 2, {}].filter(isIsoCurrency)).toEqual([]);
  });
});

describe('money text independent of the runtime', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('writes IDR 20900 minor units as 209.00, with ISO 4217’s two digits and not Intl’s none', () => {
    expect(toDecimalString(20_900, 'IDR')).toBe('209.00');
    expect(formatMoney(20_900, 'IDR', 'en')).toBe('IDR\u00a0209.00');
    expect(formatMoney(20_900, 'HUF', 'en')).toBe('HUF\u00a0209.00');
    expect(formatMoney(12_345, 'CLF', 'en')).toBe('CLF\u00a01.2345');
    expect(formatMoney(1_005, 'IQD', 'en')).toBe('IQD\u00a01.005');
  });

  it('writes the amount as CODE and decimal when the runtime’s Intl refuses the currency', () => {
    const RealNumberFormat = Intl.NumberFormat;
    const refusing = function NumberFormat(locale: string, options: Intl.NumberFormatOptions) {
      if (options?.currency === 'SLE') throw new RangeError('Invalid currency code : SLE');
      return new RealNumberFormat(locale, options);
    };
    vi.stubGlobal('Intl', { ...Intl, NumberFormat: refusing });
    expect(formatMoney(1_234, 'SLE', 'en-GB')).toBe('SLE 12.34');
  });

  it('says the same refund in every money text of an IDR order: IDR 209.00, never IDR 20,900', () => {
    const { order, now } = paymentScenarios.duplicatePayment();
    const report = expectReport(createTriage({ locale: 'en' }).evaluate({ ...order, currency: 'IDR' }, { now }));
    const texts = [...report.findings.map((f) => f.summary), ...report.actions.flatMap((a) => [a.note, a.customerMessage?.text ?? ''])].join('\n');
    expect(texts).toContain('IDR\u00a0209.00'); // Intl separates code and amount with a no-break space
    expect(texts).not.toContain('20,900');
  });
});

describe('currency validation by the shipped table', () => {
  const triage = createTriage({ locale: 'en' });
  const now = paymentScenarios.clean().now;
  const inCurrency = (currency: string) => buildOrder({ currency, payments: [buildPayment({ amount: 20_900 })] });

  it('accepts SLE, and every code of the table, including those this runtime’s Intl does not list (CLF, UYW, VED)', () => {
    for (const code of ['SLE', 'CLF', 'UYW', 'VED', ...ISO_4217_MINOR_UNITS.keys()]) {
      expect(triage.evaluate(inCurrency(code), { now }).ok, code).toBe(true);
    }
  });

  it('refuses a withdrawn or unknown code in the order and in a payment, naming the path', () => {
    for (const code of ['HRK', 'SLL', 'XYZ', 'XAU']) {
      expect(expectFailure(triage.evaluate(inCurrency(code), { now })).error.issues.map((i) => i.path)).toEqual([['currency']]);
      const payment = buildOrder({ payments: [buildPayment({ currency: code })] });
      expect(expectFailure(triage.evaluate(payment, { now })).error.issues.map((i) => i.path)).toEqual([['payments', 0, 'currency']]);
    }
  });

  it('refuses policy currency keys outside the table at createTriage', () => {
    expect(optionIssues({ policy: { authority: { HRK: { agent: 1, supervisor: 2, manager: 3 } }, priority: { highValue: { SLL: 100 } } } }).map((i) => i.path)).toEqual([
      ['policy', 'authority', 'HRK'],
      ['policy', 'priority', 'highValue', 'SLL'],
    ]);
    expect(optionIssues({ policy: { fraudReporting: { HRK: 1 } } }).map((i) => i.message)).toEqual(['invalid key: currency is not an active ISO 4217 code (see docs/money.md)']);
  });
});

describe('policy.currencies: a shop’s own digits per currency', () => {
  it('changes the digits of every money text of that currency, and of no other', () => {
    const { order, now } = paymentScenarios.duplicatePayment();
    const triage = createTriage({ locale: 'en', policy: { currencies: { IDR: { digits: 0 } } } });
    const idr = expectReport(triage.evaluate({ ...order, currency: 'IDR' }, { now }));
    expect(idr.actions[0]?.note).toBe('Order ORD-1001: refund IDR\u00a020,900 to payment pay_2 (WeChat Pay); reason: duplicate payment.');
    expect(idr.findings[0]?.summary).toContain('IDR\u00a020,900 more than the IDR\u00a020,900 payable');
    const usd = expectReport(triage.evaluate({ ...order, currency: 'USD' }, { now }));
    expect(usd.actions[0]?.note).toContain('$209.00');
    expect(triage.options.policy.currencies).toEqual({ IDR: { digits: 0 } });
  });

  it('is validated at createTriage: digits an integer 0..4, keys ISO 4217 codes, every problem listed', () => {
    const issues = optionIssues({ policy: { currencies: { XYZ: { digits: 0 }, IDR: { digits: 5 }, JPY: { digits: 1.5 }, KWD: { digits: -1 }, USD: { digit: 2 }, EUR: 2 } } });
    expect(issues.map((i) => i.path)).toEqual([
      ['policy', 'currencies', 'XYZ'],
      ['policy', 'currencies', 'IDR', 'digits'],
      ['policy', 'currencies', 'JPY', 'digits'],
      ['policy', 'currencies', 'KWD', 'digits'],
      ['policy', 'currencies', 'USD', 'digits'],
      ['policy', 'currencies', 'USD', 'digit'],
      ['policy', 'currencies', 'EUR'],
    ]);
  });
});
