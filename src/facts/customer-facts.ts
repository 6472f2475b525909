import { readOwn } from '../_lib/own-key.js';
import type { OrderSnapshot } from '../schema/snapshot.js';
import type { FactSpec, FactsOf, Writable } from './fact-spec.js';
import { analysePhone } from './phone.js';
import { findRemarkRequests, type RemarkKind } from './remark-requests.js';

/** The facts about the buyer's shipping address. */
export const addressFactCatalogue = {
  'address.country': { type: 'string', description: "The shipping address's country (ISO 3166-1 alpha-2)." },
  'address.missingPartCount': {
    type: 'number',
    unit: 'count',
    description: "Parts the address's country requires that are missing or blank (thresholds.ADDRESS_INVALID.requiredParts).",
  },
  'address.hasPlaceholder': {
    type: 'boolean',
    description: 'A part of the address is placeholder text: test, 测试, 无, 不详, n/a, xxx, 123, ...',
  },
  'address.detailLength': {
    type: 'number',
    unit: 'count',
    description: 'Characters in line1 + line2, without spaces (the detailed street address).',
  },
} as const satisfies Record<string, FactSpec>;

/** The facts about the shipping phone (libphonenumber-js: the costliest facts, derived only when read). */
export const phoneFactCatalogue = {
  'phone.isValid': {
    type: 'boolean',
    description: "The shipping phone is a valid number for the address's country (libphonenumber-js), or a valid international one.",
  },
  'phone.isMobile': {
    type: 'boolean',
    nullable: true,
    description: 'The shipping phone can be a mobile (true) or is a fixed line (false); null when invalid or it cannot be told.',
  },
} as const satisfies Record<string, FactSpec>;

/** The facts about the customer's remark. */
export const remarkFactCatalogue = {
  'remark.requestCount': {
    type: 'number',
    nullable: true,
    unit: 'count',
    description:
      'Kinds of special request in the remark (delivery time, invoice, gift or no price list, change, colour or size, carrier, drop-off place, merge with another order, urgency, do-not-call); null without a remark.',
  },
} as const satisfies Record<string, FactSpec>;

/** Values of the address facts. */
export type AddressFacts = FactsOf<typeof addressFactCatalogue>;
/** Values of the phone facts. */
export type PhoneFacts = FactsOf<typeof phoneFactCatalogue>;
/** Values of the remark facts. */
export type RemarkFacts = FactsOf<typeof remarkFactCatalogue>;

/** The address parts a country may require. */
export type AddressPart = 'province' | 'city' | 'district' | 'line1' | 'postalCode';

/** Settings from the options that decide how the customer's data is judged. */
export interface CustomerFactSettings {
  readonly requiredAddressParts: Readonly<Record<string, readonly AddressPart[]>>;
  readonly defaultRequiredAddressParts: readonly AddressPart[];
  readonly remarkKeywords: Readonly<Partial<Record<RemarkKind, readonly string[]>>>;
}

const PLACEHOLDER = /^(?:test|testing|测试|无|暂无|没有|不详|未知|待定|不知道|x+|n\/?a|none|null|undefined|unknown|asdf+|qwer+|1+|123+|0+|\.+|-+|\?+)$/i;

/** The address parts that are missing for the address's country. */
export function missingAddressParts(snapshot: OrderSnapshot, settings: CustomerFactSettings): AddressPart[] {
  const address = snapshot.shippingAddress;
  const required = readOwn(settings.requiredAddressParts, address.country) ?? settings.defaultRequiredAddressParts;
  return required.filter((part) => (address[part] ?? '').trim() === '');
}

// The ideographs placeholders are written with. NFKC leaves every CJK unified ideograph as it is,
// so text holding any other one cannot normalise into a placeholder (most real addresses).
const PLACEHOLDER_IDEOGRAPHS: ReadonlySet<string> = new Set('测试无暂没有不详未知待定道');
const ASCII = /^[\x00-\x7f]*$/;

/**
 * True when `value`, NFKC-normalised and without whitespace, is placeholder text. Skips the
 * normalisation where it cannot change the answer: ASCII (NFKC leaves it alone) and text with
 * an ideograph no placeholder has. Equal to the plain reading, property-tested.
 */
export function isPlaceholderText(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code >= 0x4e00 && code <= 0x9fff && !PLACEHOLDER_IDEOGRAPHS.has(value.charAt(i))) return false;
  }
  return matchesPlaceholder(ASCII.test(value) ? value : value.normalize('NFKC'));
}

/** The plain reading {@link isPlaceholderText} must equal: normalise, strip whitespace, match. */
export function isPlaceholderTextPlain(value: string): boolean {
  return matchesPlaceholder(value.normalize('NFKC'));
}

/** Whether normalised text, without its whitespace, is a placeholder. */
function matchesPlaceholder(normalised: string): boolean {
  return PLACEHOLDER.test(normalised.replace(/\s+/g, ''));
}

/** The address parts that hold placeholder text. */
export function placeholderAddressParts(snapshot: OrderSnapshot): string[] {
  const address = snapshot.shippingAddress;
  const parts = ['name', 'province', 'city', 'district', 'line1', 'line2'] as const;
  return parts.filter((part) => {
    const value = address[part];
    return value !== undefined && isPlaceholderText(value);
  });
}

const SPACE = /\s/;

/** Characters in line1 + line2 without whitespace; most addresses have none, and are not copied to be counted. */
function detailLength(line1: string, line2: string | undefined): number {
  const text = line2 === undefined ? line1 : `${line1}${line2}`;
  return SPACE.test(text) ? text.replace(/\s+/g, '').length : text.length;
}

/** Writes the address facts into `facts`. */
export function writeAddressFacts(facts: Writable<AddressFacts>, snapshot: OrderSnapshot, settings: CustomerFactSettings): void {
  const address = snapshot.shippingAddress;
  facts['address.country'] = address.country;
  facts['address.missingPartCount'] = missingAddressParts(snapshot, settings).length;
  facts['address.hasPlaceholder'] = placeholderAddressParts(snapshot).length > 0;
  facts['address.detailLength'] = detailLength(address.line1, address.line2);
}

const SNAPSHOT = Symbol('snapshot');
const PHONE = Symbol('phone');

interface PhoneHolder {
  [SNAPSHOT]: OrderSnapshot;
  [PHONE]?: ReturnType<typeof analysePhone>;
}

function phoneOf(holder: PhoneHolder): ReturnType<typeof analysePhone> {
  const address = holder[SNAPSHOT].shippingAddress;
  return (holder[PHONE] ??= analysePhone(address.phone, address.country));
}

/**
 * The prototype of every fact record: the phone facts as getters, derived on first read and at
 * most once per order. The costliest facts (libphonenumber parsing) are then paid only by orders
 * whose conditions get that far (PHONE_INVALID reads them after its status guard); a shared
 * prototype costs nothing per order, unlike per-order property definitions (measured).
 */
export const LAZY_FACTS: object = Object.create(Object.prototype, {
  'phone.isValid': {
    get(this: PhoneHolder) {
      return phoneOf(this).valid;
    },
    enumerable: true,
  },
  'phone.isMobile': {
    get(this: PhoneHolder) {
      return phoneOf(this).mobile;
    },
    enumerable: true,
  },
});

/** Names of the facts that live on {@link LAZY_FACTS}: copy them out before handing facts to code that only sees own properties. */
export const LAZY_FACT_NAMES = ['phone.isValid', 'phone.isMobile'] as const;

/** Points a fact record (created from {@link LAZY_FACTS}) at the snapshot its phone facts are read from. */
export function writePhoneFacts(facts: Writable<PhoneFacts>, snapshot: OrderSnapshot): void {
  (facts as unknown as PhoneHolder)[SNAPSHOT] = snapshot;
}

/** Writes the remark facts into `facts`. */
export function writeRemarkFacts(facts: Writable<RemarkFacts>, snapshot: OrderSnapshot, settings: CustomerFactSettings): void {
  facts['remark.requestCount'] = snapshot.remark === undefined ? null : findRemarkRequests(snapshot.remark, settings.remarkKeywords).length;
}
