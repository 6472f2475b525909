/** How many lists' texts one list format remembers; all go when it is full. */
const TEXTS_KEPT = 512;

/** The part of `Intl.ListFormat` the catalogues use. */
export interface ListFormat {
  readonly format: (items: readonly string[]) => string;
}

/** A key no other list of strings has: each item's length, then the item. */
function keyOf(items: readonly string[]): string | undefined {
  let key = '';
  for (const item of items) {
    if (typeof item !== 'string') return undefined;
    key += `${item.length}:${item}`;
  }
  return key;
}

/**
 * An `Intl.ListFormat` that remembers the texts of the last lists it joined: a report joins the
 * same few channel, topic and option labels in every order's notes and messages, and joining
 * them in ICU costs far more than finding the text again. Answers as `Intl.ListFormat#format`
 * does (a list holding a non-string is passed to it as it is, and throws as it throws).
 *
 * @example
 * listFormat('en', 'disjunction').format(['phone', 'SMS']) //=> 'phone or SMS'
 */
export function listFormat(locale: string, type: 'conjunction' | 'disjunction'): ListFormat {
  const intl = new Intl.ListFormat(locale, { type });
  const texts = new Map<string, string>();
  return {
    format: (items) => {
      const key = Array.isArray(items) ? keyOf(items) : undefined;
      if (key === undefined) return intl.format(items);
      let text = texts.get(key);
      if (text === undefined) {
        text = intl.format(items);
        if (texts.size >= TEXTS_KEPT) texts.clear();
        texts.set(key, text);
      }
      return text;
    },
  };
}
