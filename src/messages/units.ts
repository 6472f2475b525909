import { lazy } from '../_lib/lazy.js';
/** What {@link MessageCatalogue.count} counts: each unit has its singular and plural (en) and its measure word (zh-CN). */
export type CountUnit = 'item' | 'unit' | 'system' | 'point' | 'identifier' | 'failure' | 'payment' | 'order' | 'account' | 'time' | 'minute' | 'hour' | 'day';

const EN_UNITS: { readonly [U in CountUnit]: readonly [one: string, other: string] } = {
  item: ['item', 'items'],
  unit: ['unit', 'units'],
  system: ['system', 'systems'],
  point: ['point', 'points'],
  identifier: ['identifier', 'identifiers'],
  failure: ['failure', 'failures'],
  payment: ['payment', 'payments'],
  order: ['order', 'orders'],
  account: ['account', 'accounts'],
  time: ['time', 'times'],
  minute: ['minute', 'minutes'],
  hour: ['hour', 'hours'],
  day: ['day', 'days'],
};

const ZH_CN_UNITS: { readonly [U in CountUnit]: string } = {
  item: '个商品',
  unit: '件',
  system: '个系统',
  point: '项',
  identifier: '项',
  failure: '次',
  payment: '笔支付',
  order: '单',
  account: '个账号',
  time: '次',
  minute: '分钟',
  hour: '小时',
  day: '天',
};

const EN_PLURALS = lazy(() => new Intl.PluralRules('en'));

/**
 * `n` of `unit` in English, the plural chosen by `Intl.PluralRules`.
 *
 * @example
 * enCount(1, 'item') //=> '1 item'
 * enCount(2, 'hour') //=> '2 hours'
 */
export function enCount(n: number, unit: CountUnit): string {
  const [one, other] = EN_UNITS[unit];
  return `${n} ${EN_PLURALS().select(n) === 'one' ? one : other}`;
}

/**
 * `n` of `unit` in Simplified Chinese, with its measure word.
 *
 * @example
 * zhCNCount(2, 'item') //=> '2 个商品'
 * zhCNCount(3, 'unit') //=> '3 件'
 */
export function zhCNCount(n: number, unit: CountUnit): string {
  return `${n} ${ZH_CN_UNITS[unit]}`;
}

/** Whole days, hours and minutes in a span: minutes under an hour, hours and minutes under a day, else days and hours. */
function parts(minutes: number): { unit: 'day' | 'hour' | 'minute'; n: number }[] {
  const total = Number.isFinite(minutes) ? Math.max(0, Math.floor(minutes)) : 0;
  if (total < 60) return [{ unit: 'minute', n: total }];
  if (total < 24 * 60) {
    const [hours, rest] = [Math.floor(total / 60), total % 60];
    return rest === 0
      ? [{ unit: 'hour', n: hours }]
      : [
          { unit: 'hour', n: hours },
          { unit: 'minute', n: rest },
        ];
  }
  const days = Math.floor(total / (24 * 60));
  const hours = Math.floor((total % (24 * 60)) / 60);
  return hours === 0
    ? [{ unit: 'day', n: days }]
    : [
        { unit: 'day', n: days },
        { unit: 'hour', n: hours },
      ];
}

/**
 * A span of minutes in English, in the largest units that read naturally: minutes under an
 * hour, hours (and minutes) under a day, days (and hours) from a day on.
 *
 * @example
 * enDuration(45) //=> '45 minutes'
 * enDuration(90) //=> '1 hour 30 minutes'
 * enDuration(2975) //=> '2 days 1 hour'
 */
export function enDuration(minutes: number): string {
  return parts(minutes)
    .map((p) => enCount(p.n, p.unit))
    .join(' ');
}

/**
 * A span of minutes in Simplified Chinese, in the same units as {@link enDuration}.
 *
 * @example
 * zhCNDuration(45) //=> '45分钟'
 * zhCNDuration(2975) //=> '2天1小时'
 */
export function zhCNDuration(minutes: number): string {
  return parts(minutes)
    .map((p) => `${p.n}${ZH_CN_UNITS[p.unit]}`)
    .join('');
}
