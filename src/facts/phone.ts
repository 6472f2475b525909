import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

/** What a phone number is, judged for the country of the address it belongs to. */
export interface PhoneAnalysis {
  /** A real number for its country (libphonenumber's metadata: length and prefixes). */
  readonly valid: boolean;
  /** True for a number that can be a mobile, false for a fixed line, null when invalid or it cannot be told. */
  readonly mobile: boolean | null;
  /** E.164 form, when the number parses (without its extension). */
  readonly e164?: string;
  /**
   * The extension after a valid number, as marketplaces hand out buyers' privacy numbers
   * (17012345678-1234, 17012345678转1234): the courier dials the number, then the extension.
   */
  readonly extension?: string;
}

// A number, then an extension of 1 to 6 digits after `-`, `转`, `#`, `,`, `ext` or `x` (privacy numbers).
const WITH_EXTENSION = /^(.*\d)\s*(?:-|－|转|#|,|，|;|ext\.?|x|分机)\s*(\d{1,6})$/i;

// Analyses made, by country, then text: a bounded memo (see analysePhone). The oldest entry leaves
// when the memo is full (`order` lists the entries from oldest, a ring of MEMO_LIMIT slots); a
// lookup builds no key string (joining country and text made and hashed a new string per read).
// Sized to hold a sweep's distinct phones (the same 20,000 open orders re-evaluated every few
// minutes: docs/benchmarks.md, "Re-evaluation sweep").
const MEMO_LIMIT = 32_768;
const memo = new Map<string, Map<string, PhoneAnalysis>>();
const order: { country: string; text: string }[] = [];
let oldest = 0;
let size = 0;

/**
 * Validates a phone number for `country` (ISO 3166-1 alpha-2) with libphonenumber-js: a number
 * without a country code is read as that country's; one with `+` may belong to any country.
 *
 * @example
 * analysePhone('138 0013 8000', 'CN') //=> { valid: true, mobile: true, e164: '+8613800138000' }
 * analysePhone('010-62345678', 'CN') //=> { valid: true, mobile: false, e164: '+861062345678' }
 * analysePhone('12345', 'CN') //=> { valid: false, mobile: null, e164: '+8612345' }
 * analysePhone('17012345678-1234', 'CN') //=> { valid: true, mobile: true, e164: '+8617012345678', extension: '1234' }
 */
export function analysePhone(text: string, country: string): PhoneAnalysis {
  // A pure function's memo: the answer is the same either way (property-tested in phone-memo.test.ts).
  // A batch reads each order's phone twice in a row (PHONE_INVALID, then the contact clusters), and
  // a re-evaluation sweep reads the same phones on every pass.
  let byText = memo.get(country);
  const known = byText?.get(text);
  if (known !== undefined) return known;
  const analysis = analysePhoneUncached(text, country);
  if (byText === undefined) {
    byText = new Map();
    memo.set(country, byText);
  }
  if (size === MEMO_LIMIT) {
    // Full: the oldest entry leaves, and the new one takes its slot in the ring.
    const gone = order[oldest] as { country: string; text: string };
    const itsCountry = memo.get(gone.country) as Map<string, PhoneAnalysis>;
    itsCountry.delete(gone.text);
    if (itsCountry.size === 0 && gone.country !== country) memo.delete(gone.country);
    order[oldest] = { country, text };
    oldest = (oldest + 1) % MEMO_LIMIT;
  } else {
    order.push({ country, text });
    size++;
  }
  byText.set(text, analysis);
  return analysis;
}

/**
 * analysePhone without the memo: what the memo must always agree with.
 *
 * @example
 * analysePhoneUncached('138 0013 8000', 'CN') //=> { valid: true, mobile: true, e164: '+8613800138000' }
 */
export function analysePhoneUncached(text: string, country: string): PhoneAnalysis {
  const whole = analyse(text, country);
  const split = whole.valid ? undefined : WITH_EXTENSION.exec(text);
  const main = split === undefined || split === null ? undefined : analyse(split[1] as string, country);
  return Object.freeze(main?.valid === true ? { ...main, extension: split?.[2] as string } : whole);
}

/**
 * Empties the phone memo (for tests that compare a cold and a warm memo).
 *
 * @example
 * clearPhoneMemo()
 */
export function clearPhoneMemo(): void {
  memo.clear();
  order.length = 0;
  oldest = 0;
  size = 0;
}

/** How many analyses the memo holds, at most. */
export const PHONE_MEMO_LIMIT = MEMO_LIMIT;

/**
 * The analysis itself, with libphonenumber-js's full (`max`) metadata alone. A number that can be
 * a mobile is one whose type is MOBILE or FIXED_LINE_OR_MOBILE (where a country's mobiles and
 * fixed lines share their prefixes): the same numbers the `mobile` metadata confirms, which this
 * module used to read first (the answers are equal: src/facts/phone-metadata.test.ts), except the
 * non-geographic shared-cost and freephone numbers (+808, +800) that metadata also calls valid. One
 * metadata set is 24 KB gzip less in a bundle, and no slower per number (docs/benchmarks.md).
 */
function analyse(text: string, country: string): PhoneAnalysis {
  const parsed = parsePhoneNumberFromString(text, { defaultCountry: country as never });
  if (parsed === undefined) return { valid: false, mobile: null };
  const valid = parsed.isValid();
  const type = valid ? parsed.getType() : undefined;
  const mobile = type === 'MOBILE' || type === 'FIXED_LINE_OR_MOBILE' ? true : type === 'FIXED_LINE' ? false : null;
  return { valid, mobile, e164: parsed.number, ...(valid ? ext(parsed.ext) : {}) };
}

/** The extension field, when libphonenumber read one (`17012345678,1234`, `… ext 1234`). */
function ext(extension: string | undefined): { extension?: string } {
  return extension === undefined || extension === '' ? {} : { extension };
}

/**
 * A key under which two spellings of one number compare equal: E.164 when it parses (with its
 * extension: buyers behind one privacy number are different people), else its digits.
 *
 * @example
 * phoneKey('17012345678转1234', 'CN') //=> '+8617012345678;ext=1234'
 */
export function phoneKey(text: string, country: string): string {
  const { e164, extension } = analysePhone(text, country);
  if (e164 === undefined) return text.replace(/\D/g, '');
  return extension === undefined ? e164 : `${e164};ext=${extension}`;
}
