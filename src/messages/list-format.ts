import { lazy } from '../_lib/lazy.js';

// Lists in texts ("a, b, and c", "a、b或c") are joined here with the patterns ICU's list formatter
// uses for en and zh-CN, rather than by Intl.ListFormat: the first list formatter of a process
// costs ~23 M instructions (V8 builds the set of locales it can format lists in), a fifth of a
// cold evaluation's one-time work (docs/benchmarks.md, "Third round (issue 20)"). The answers are
// Intl.ListFormat's, property-tested (list-format.test.ts); anything but an array of strings is
// handed to Intl.ListFormat itself, so it fails as it always did.

/** The locales and list types the built-in texts join lists in. */
export type ListLocale = 'en' | 'zh-CN';
export type ListType = 'conjunction' | 'disjunction';

/** Separators: between earlier items, between the only two, before the last of three or more. */
type Pattern = readonly [middle: string, two: string, end: string];

const PATTERNS: Readonly<Record<ListLocale, Readonly<Record<ListType, Pattern>>>> = {
  en: { conjunction: [', ', ' and ', ', and '], disjunction: [', ', ' or ', ', or '] },
  'zh-CN': { conjunction: ['、', '和', '和'], disjunction: ['、', '或', '或'] },
};

const ARRAY_ITERATOR = Array.prototype[Symbol.iterator];

/** Joins `items` with `pattern`, or undefined when they are not an array of strings. */
function joinStrings(items: unknown, [middle, two, end]: Pattern): string | undefined {
  // An array with an iterator of its own is read as Intl.ListFormat reads it: through that iterator.
  if (!Array.isArray(items) || items[Symbol.iterator] !== ARRAY_ITERATOR) return undefined;
  for (let i = 0; i < items.length; i++) if (typeof items[i] !== 'string') return undefined;
  const list = items as readonly string[];
  if (list.length <= 1) return list[0] ?? '';
  if (list.length === 2) return `${list[0]}${two}${list[1]}`;
  return `${list.slice(0, -1).join(middle)}${end}${list[list.length - 1]}`;
}

/**
 * A list formatter for a built-in locale: `format` answers as `new Intl.ListFormat(locale, { type }).format`
 * does, without building an Intl.ListFormat for arrays of strings.
 *
 * @example
 * listFormat('en', 'conjunction').format(['a', 'b', 'c']) //=> 'a, b, and c'
 * listFormat('zh-CN', 'disjunction').format(['短信', '电话']) //=> '短信或电话'
 */
export function listFormat(locale: ListLocale, type: ListType): { format(items: Iterable<string>): string } {
  const pattern = PATTERNS[locale][type];
  const intl = lazy(() => new Intl.ListFormat(locale, { type }));
  return { format: (items) => joinStrings(items, pattern) ?? intl().format(items) };
}
