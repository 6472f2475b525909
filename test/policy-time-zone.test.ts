import { createTriage, type EvaluateResult, formatPath, type InvalidOptionsError, isInvalidOptionsError } from 'order-triage';
import { buildOrder, expectReport, minutesAfter } from 'order-triage/testing';
import { describe, expect, it } from 'vitest';

// The shop's time zone lives in the policy (docs/policy.md); the top-level `timeZone` option is
// its deprecated alias.

function optionProblems(options: unknown): string[] {
  try {
    createTriage(options as never);
  } catch (error) {
    expect(isInvalidOptionsError(error)).toBe(true);
    return (error as InvalidOptionsError).issues.map((i) => `${formatPath(i.path)}: ${i.message}`);
  }
  throw new Error('createTriage did not throw');
}

// Unpaid since 10:00 in Shanghai (02:00Z): the items are held 24 hours, until 02:00Z the next day.
const unpaid = buildOrder({ status: 'pending_payment', payments: [] });
const now = minutesAfter(31);
const customerTexts = (r: EvaluateResult) => expectReport(r).actions.flatMap((a) => (a.customerMessage === undefined ? [] : [a.customerMessage.text]));

describe('policy.timeZone', () => {
  it('defaults to Asia/Shanghai, and the deprecated options.timeZone reads the same', () => {
    const { options } = createTriage();
    expect(options.policy.timeZone).toBe('Asia/Shanghai');
    expect(options.timeZone).toBe('Asia/Shanghai');
    expect(customerTexts(createTriage({ locale: 'en' }).evaluate(unpaid, { now })).join('\n')).toContain('Mar 2, 2026, 10:00');
  });

  it('shows times to the customer in the policy’s zone', () => {
    const triage = createTriage({ locale: 'en', policy: { timeZone: 'America/New_York' } });
    expect(triage.options.policy.timeZone).toBe('America/New_York');
    const texts = customerTexts(triage.evaluate(unpaid, { now })).join('\n');
    expect(texts).toContain('Mar 1, 2026, 21:00');
    expect(texts).not.toContain('10:00');
  });

  it('takes the deprecated top-level timeZone, given alone, as the policy’s zone', () => {
    const triage = createTriage({ locale: 'en', timeZone: 'America/New_York' });
    expect(triage.options.policy.timeZone).toBe('America/New_York');
    expect(triage.options.timeZone).toBe('America/New_York');
    expect(customerTexts(triage.evaluate(unpaid, { now })).join('\n')).toContain('Mar 1, 2026, 21:00');
  });

  it('accepts both when they name the same zone', () => {
    expect(createTriage({ timeZone: 'Europe/Berlin', policy: { timeZone: 'Europe/Berlin' } }).options.policy.timeZone).toBe('Europe/Berlin');
  });

  it('refuses a top-level timeZone that contradicts policy.timeZone, naming both', () => {
    const problems = optionProblems({ timeZone: 'UTC', policy: { timeZone: 'Asia/Tokyo' } });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^timeZone: "UTC" contradicts policy\.timeZone "Asia\/Tokyo"/);
  });

  it('refuses a policy.timeZone that is not an IANA zone, at its path, with the other problems', () => {
    expect(optionProblems({ locale: 'xx-YY-invalid!', policy: { timeZone: 'Mars/Olympus' } })).toEqual([
      expect.stringMatching(/^locale: /),
      'policy.timeZone: timeZone must be an IANA time zone such as Asia/Shanghai',
    ]);
  });
});
