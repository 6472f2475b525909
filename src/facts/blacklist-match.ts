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

/** A blacklist prepared once for matching: addresses normalised, phones keyed per country. */
export interface PreparedBlacklist {
  readonly customerIds: ReadonlySet<string>;
  readonly addresses: ReadonlySet<string>;
  readonly devices: ReadonlySet<string>;
  /** Phone keys for a country (numbers without a country code are read as that country's). */
  readonly phonesFor: (country: string) => ReadonlySet<string>;
}

/** Prepares a blacklist for matching many orders. */
export function prepareBlacklist(blacklist: Blacklist): PreparedBlacklist {
  const phones = blacklist.phones ?? [];
  const byCountry = new Map<string, ReadonlySet<string>>();
  return {
    customerIds: new Set(blacklist.customerIds ?? []),
    addresses: new Set((blacklist.addresses ?? []).map(normaliseAddress).filter((a) => a !== '')),
    devices: new Set(blacklist.devices ?? []),
    phonesFor: (country) => {
      let set = byCountry.get(country);
      if (set === undefined) {
        set = new Set(phones.map((p) => phoneKey(p, country)));
        byCountry.set(country, set);
      }
      return set;
    },
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
  const phones = blacklist.phonesFor(country);
  if (phones.size > 0) {
    const candidates = new Set([snapshot.shippingAddress.phone, ...(snapshot.customer.phone === undefined ? [] : [snapshot.customer.phone])]);
    for (const phone of candidates) if (phones.has(phoneKey(phone, country))) matches.push({ on: 'phone', value: phone });
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
