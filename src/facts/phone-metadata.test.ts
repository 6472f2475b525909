import fc from 'fast-check';
import examples from 'libphonenumber-js/examples.mobile.json';
import { getCountries, parsePhoneNumberFromString as parseMax } from 'libphonenumber-js/max';
import { parsePhoneNumberFromString as parseMobile } from 'libphonenumber-js/mobile';
import { describe, expect, it } from 'vitest';
import { analysePhoneUncached } from './phone.js';

// The analysis as it was read with two metadata sets: the `mobile` metadata first (a valid number
// there is a mobile), then the full one. The full metadata alone must answer the same, with one
// deliberate difference: the `mobile` metadata also calls valid the non-geographic numbers it types
// as something else (+808 shared cost, +800 freephone), which the old reading took for mobiles.
const ext = (e: string | undefined) => (e === undefined || e === '' ? {} : { extension: e });
const MOBILE_TYPES = new Set([undefined, 'MOBILE', 'FIXED_LINE_OR_MOBILE']);
function withTwoMetadataSets(text: string, country: string) {
  const asMobile = parseMobile(text, { defaultCountry: country as never });
  if (asMobile?.isValid() === true && MOBILE_TYPES.has(asMobile.getType())) return { valid: true, mobile: true, e164: asMobile.number, ...ext(asMobile.ext) };
  const parsed = parseMax(text, { defaultCountry: country as never });
  if (parsed === undefined) return { valid: false, mobile: null };
  const valid = parsed.isValid();
  const type = valid ? parsed.getType() : undefined;
  return { valid, mobile: type === 'MOBILE' ? true : type === 'FIXED_LINE' ? false : null, e164: parsed.number, ...(valid ? ext(parsed.ext) : {}) };
}

const countries = getCountries();
const exampleOf = (country: string) => (examples as Record<string, string>)[country] ?? '';
// Near misses of each country's example mobile: digits changed, dropped or added, with or without `+`
// (digits only, so no extension is split off), read for that country, CN or US.
const phone = fc
  .tuple(
    fc.constantFrom(...countries),
    fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 9 })), { maxLength: 3 }),
    fc.integer({ min: -2, max: 2 }),
    fc.boolean(),
    fc.constantFrom('same', 'CN', 'US'),
  )
  .map(([country, changes, grow, plus, reader]) => {
    const chars = exampleOf(country).split('');
    for (const [at, d] of changes) if (chars.length > 0) chars[at % chars.length] = String(d);
    const body = grow < 0 ? chars.slice(0, chars.length + grow) : [...chars, ...'5'.repeat(grow)];
    return { text: `${plus ? '+' : ''}${body.join('')}`, country: reader === 'same' ? country : reader };
  });

describe('phone analysis with the full metadata alone', () => {
  it('gives the same answer as the mobile metadata first, then the full one, for every country’s example mobile', () => {
    for (const country of countries) {
      const text = exampleOf(country);
      if (text !== '') expect(analysePhoneUncached(text, country)).toEqual(withTwoMetadataSets(text, country));
    }
  });

  it('does not call a non-geographic shared-cost or freephone number a mobile, though it is valid', () => {
    expect(analysePhoneUncached('+80829112345', 'CN')).toEqual({ valid: true, mobile: null, e164: '+80829112345' });
    expect(analysePhoneUncached('+80012345678', 'US')).toMatchObject({ valid: true, mobile: null });
  });

  it('gives the same answer as the two metadata sets for near misses of every country’s numbers and random digits', () => {
    const digits = fc
      .tuple(fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 4, maxLength: 15 }), fc.constantFrom(...countries))
      .map(([text, country]) => ({ text, country }));
    fc.assert(
      fc.property(fc.oneof(phone, digits), ({ text, country }) => {
        expect(analysePhoneUncached(text, country)).toEqual(withTwoMetadataSets(text, country));
      }),
      { numRuns: 5000 },
    );
  });
});
