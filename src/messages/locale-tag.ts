/**
 * True when `tag` is a well-formed BCP 47 language tag, as `Intl.getCanonicalLocales` reads
 * it: `en`, `zh-CN`, `ja-JP`; never `"xx-!!"`. Only such a tag may name the language of a
 * catalogue, since texts are formatted with `Intl` in it.
 *
 * @example
 * isLocaleTag('ja-JP') //=> true
 * isLocaleTag('xx-!!') //=> false
 */
export function isLocaleTag(tag: unknown): boolean {
  if (typeof tag !== 'string' || tag === '') return false;
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}
