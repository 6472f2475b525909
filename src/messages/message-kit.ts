import { formatMoney } from '../money/format-money.js';

/** Formats money and time for one reader: the locale, the order's currency, the shop's time zone. */
export interface MessageKit {
  /** Minor units of the order's currency, formatted: `¥129.99`. */
  readonly money: (minor: number) => string;
  /** An instant (epoch ms) in the shop's time zone: `2026年3月1日 10:30`. */
  readonly time: (epochMs: number) => string;
}

const timeFormatters = new Map<string, Intl.DateTimeFormat>();

/**
 * Builds the kit. Deterministic: the time zone is explicit, never the process's, and money has
 * the `digits` given (the currency's ISO 4217 minor unit unless the shop overrides it), never the
 * runtime's.
 */
export function createMessageKit(locale: string, currency: string, timeZone: string, digits: number): MessageKit {
  const key = `${locale}|${timeZone}`;
  let formatter = timeFormatters.get(key);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat(locale, { timeZone, dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23' });
    timeFormatters.set(key, formatter);
  }
  const timeFormatter = formatter;
  return {
    money: (minor) => formatMoney(minor, currency, locale, digits),
    time: (epochMs) => timeFormatter.format(epochMs),
  };
}
