import { getCountries, getCountryCallingCode } from 'libphonenumber-js/max';
import { lazy } from '../_lib/lazy.js';
import { normaliseAddress } from '../_lib/normalise-address.js';
import type { Blacklist } from '../schema/context.js';
import type { OrderSnapshot } from '../schema/snapshot.js';
import { phoneKey } from './phone.js';

/** Which blacklist entry an order matched, and on what. */
export interface BlacklistMatch {
  readonly on: 'customerId' | 'phone' | 'address' | 'device';
  /** The order's value that matched. */
  readonly value: string;
}

/** A blacklist prepared once for matching: addresses normalised, phones indexed (see preparePhones). */
export interface PreparedBlacklist {
  readonly customerIds: ReadonlySet<string>;
  readonly addresses: ReadonlySet<string>;
  readonly devices: ReadonlySet<string>;
  /** True when the blacklist holds a phone whose key, read for `country`, is `key` (a phoneKey). */
  readonly hasPhone: (key: string, country: string) => boolean;
  /** Whether the blacklist holds any phone. */
  readonly hasPhones: boolean;
}

/** Prepares a blacklist for matching many orders. */
export function prepareBlacklist(blacklist: Blacklist): PreparedBlacklist {
  const phones = blacklist.phones ?? [];
  return {
    customerIds: new Set((blacklist.customerIds ?? []).map(String)),
    addresses: new Set((blacklist.addresses ?? []).map(normaliseAddress).filter((a) => a !== '')),
    devices: new Set(blacklist.devices ?? []),
    hasPhone: preparePhones(phones),
    hasPhones: phones.length > 0,
  };
}

// Country calling codes (prefix-free: no code starts another), read from the metadata on first use.
const CALLING_CODES = lazy((): ReadonlySet<string> => new Set(getCountries().map((country) => getCountryCallingCode(country) as string)));

// The first character libphonenumber starts a number at: a plus sign or a digit of any script.
const NUMBER_START = /[+\uFF0B\p{Nd}]/u;
// A national number written with ASCII digits and plain separators only: no letters (vanity
// numbers, extensions such as "ext 12" or "x12"), no '#', ';' or ',' (extensions), no other digits.
const PLAIN_NATIONAL = /^[0-9\s\-().\/]*$/;
// Bounds of the caches: (country, bucket) key sets, and countries' keys of the irregular phones.
const KEPT_BUCKETS = 1_024;
const KEPT_COUNTRIES = 16;

/** The bucket of a national number's digits: its last four, or all of them (and their count) when fewer. */
function bucketOf(digits: string): string {
  return digits.length >= 4 ? `4:${digits.slice(-4)}` : `${digits.length}:${digits}`;
}

/** The buckets a plain national number may be looked up by: its own, and those of its shorter endings. */
function bucketsOf(digits: string): string[] {
  const buckets = digits.length >= 4 ? [bucketOf(digits)] : [];
  for (let length = digits.length === 0 ? 0 : 1; length <= Math.min(3, digits.length); length++) buckets.push(`${length}:${digits.slice(-length)}`);
  return buckets;
}

/**
 * The national (significant) number of a phone key: E.164 less its country calling code, else the
 * digits; an extension's digits follow (`+8617012345678;ext=12` -> `1701234567812`), as they end the written number.
 */
function nationalOf(key: string): string {
  if (!key.startsWith('+')) return key;
  const callingCodes = CALLING_CODES();
  for (let length = 1; length <= 3; length++) if (callingCodes.has(key.slice(1, 1 + length))) return key.slice(1 + length).replace(/\D/g, '');
  return key.slice(1).replace(/\D/g, '');
}

/** Reads `key` from a Map kept to `limit` entries, least recently used out first; builds it when absent. */
function cached<T>(cache: Map<string, T>, key: string, limit: number, build: () => T): T {
  let value = cache.get(key);
  if (value === undefined) {
    value = build();
    if (cache.size >= limit) cache.delete(cache.keys().next().value as string);
  } else cache.delete(key);
  cache.set(key, value);
  return value;
}

/**
 * Indexes the blacklist's phones so that matching an order costs a few phone analyses, however
 * many countries orders come from (keying every phone again for each new country cost 0.2 to 6 s
 * per country for 20,000 phones, and 60 made-up codes 50 s):
 * - a number written with its country code (+86 ...) has one key in every country: keyed once;
 * - a plain national number (ASCII digits and separators) is read as the order's country's, and
 *   its key's national number is the end of its digits (a country's prefixes are stripped from
 *   the start only): bucketed by its last digits, and only the bucket of the order's key is
 *   keyed, for the order's country (cached, KEPT_BUCKETS at most);
 * - any other (letters, extensions, digits of other scripts) is keyed per country, for the last
 *   KEPT_COUNTRIES countries seen.
 */
function preparePhones(phones: readonly string[]): (key: string, country: string) => boolean {
  const international = new Set<string>();
  const buckets = new Map<string, string[]>();
  const irregular: string[] = [];
  for (const phone of phones) {
    const start = NUMBER_START.exec(phone)?.[0];
    if (start === '+' || start === '\uFF0B') international.add(phoneKey(phone, 'US'));
    else if (!PLAIN_NATIONAL.test(phone)) irregular.push(phone);
    else {
      for (const bucket of bucketsOf(phone.replace(/\D/g, ''))) {
        const members = buckets.get(bucket);
        if (members === undefined) buckets.set(bucket, [phone]);
        else members.push(phone);
      }
    }
  }
  const bucketKeys = new Map<string, ReadonlySet<string>>();
  const irregularKeys = new Map<string, ReadonlySet<string>>();
  return (key, country) => {
    if (international.has(key)) return true;
    const bucket = bucketOf(nationalOf(key));
    const members = buckets.get(bucket);
    if (members !== undefined && cached(bucketKeys, `${country}|${bucket}`, KEPT_BUCKETS, () => new Set(members.map((p) => phoneKey(p, country)))).has(key)) return true;
    return irregular.length > 0 && cached(irregularKeys, country, KEPT_COUNTRIES, () => new Set(irregular.map((p) => phoneKey(p, country)))).has(key);
  };
}

/** The order's full address and its street part, as normalised keys. */
export function addressKeys(snapshot: OrderSnapshot): string[] {
  const a = snapshot.shippingAddress;
  const street = `${a.line1}${a.line2 ?? ''}`;
  return [normaliseAddress(`${a.province ?? ''}${a.city ?? ''}${a.district ?? ''}${street}`), normaliseAddress(street)];
}

/**
 * Every way the order matches the blacklist: the customer id, the shipping or account phone, the
 * address (whole, or its street part, after normalisation), the device fingerprint or IP.
 */
export function matchBlacklist(snapshot: OrderSnapshot, blacklist: PreparedBlacklist): BlacklistMatch[] {
  const matches: BlacklistMatch[] = [];
  if (blacklist.customerIds.has(snapshot.customer.id)) matches.push({ on: 'customerId', value: snapshot.customer.id });
  const country = snapshot.shippingAddress.country;
  if (blacklist.hasPhones) {
    const candidates = new Set([snapshot.shippingAddress.phone, ...(snapshot.customer.phone === undefined ? [] : [snapshot.customer.phone])]);
    for (const phone of candidates) if (blacklist.hasPhone(phoneKey(phone, country), country)) matches.push({ on: 'phone', value: phone });
  }
  if (blacklist.addresses.size > 0 && addressKeys(snapshot).some((key) => blacklist.addresses.has(key))) {
    const a = snapshot.shippingAddress;
    matches.push({ on: 'address', value: [a.province, a.city, a.district, a.line1, a.line2].filter(Boolean).join(' ') });
  }
  for (const device of [snapshot.device?.fingerprint, snapshot.device?.ip]) {
    if (device !== undefined && blacklist.devices.has(device)) matches.push({ on: 'device', value: device });
  }
  return matches;
}
