import { keptOrMade, rememberTexts } from '../_lib/remembered.js';
import { moneyFormatter } from '../money/format-money.js';
import { carrierNameFrom, EN_CARRIERS, ZH_CN_CARRIERS } from './carrier-names.js';

/**
 * Formats money and time for one reader: the locale, the order's currency, the shop's time
 * zone; and names carriers as the triage does (its catalogue's `carrierName`, with the
 * `carrierNames` option).
 */
export interface MessageKit {
  /** Minor units of the order's currency, formatted: `¥129.99`. */
  readonly money: (minor: number) => string;
  /** An instant (epoch ms) in the shop's time zone: `2026年3月1日 10:30`. */
  readonly time: (epochMs: number) => string;
  /** A carrier as people know it (`SF` → `顺丰速运`), the triage's `carrierNames` first; unknown ones as given. */
  readonly carrierName: (carrier: string) => string;
}

/** How many time formatters (locale × time zone) are kept, the oldest going first; and how many texts each remembers. */
const TIME_FORMATTERS_KEPT = 64;
const TIME_TEXTS_KEPT = 1_024;
const timeFormatters = new Map<string, (epochMs: number) => string>();

/**
 * Instants as text for a reader of `locale` in `timeZone`, remembering the last texts written
 * (an order's instants are written in several texts of one report). Built once per locale and
 * time zone: an `Intl.DateTimeFormat` costs far more to construct than to use.
 */
function timeFormatter(locale: string, timeZone: string): (epochMs: number) => string {
  const key = `${locale.length}:${locale}|${timeZone}`;
  return keptOrMade(timeFormatters, key, TIME_FORMATTERS_KEPT, () => {
    const intl = new Intl.DateTimeFormat(locale, { timeZone, dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23' });
    return rememberTexts((epochMs) => intl.format(epochMs), TIME_TEXTS_KEPT);
  });
}

/**
 * Builds the kit. Deterministic: the time zone is explicit, never the process's, and money has
 * the `digits` given (the currency's ISO 4217 minor unit unless the shop overrides it), never the
 * runtime's. Carriers are named by `carrierName` (the triage's catalogue's), else by the built-in
 * table of the locale's language (Chinese for `zh*`, English otherwise).
 *
 * @example
 * createMessageKit('zh-CN', 'CNY', 'Asia/Shanghai', 2).money(12_999) //=> '¥129.99'
 * createMessageKit('zh-CN', 'CNY', 'Asia/Shanghai', 2).carrierName('SF') //=> '顺丰速运'
 */
export function createMessageKit(locale: string, currency: string, timeZone: string, digits: number, carrierName?: (carrier: string) => string): MessageKit {
  return {
    money: moneyFormatter(locale, currency, digits),
    time: timeFormatter(locale, timeZone),
    carrierName: carrierName ?? carrierNameFrom(/^zh\b/i.test(locale) ? ZH_CN_CARRIERS : EN_CARRIERS),
  };
}
