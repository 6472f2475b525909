import { isPlainObject } from '../_lib/plain-object.js';

/**
 * Characters no produced text carries (docs/messages.md): C0 and C1 controls, DEL, the
 * bidirectional marks, embeddings, overrides and isolates (U+061C, U+200E, U+200F,
 * U+202A–U+202E, U+2066–U+2069), the line and paragraph separators U+2028 and U+2029, and
 * invisible format characters that can hide or spoof text (soft hyphen U+00AD, U+180E, zero
 * width space U+200B, U+2060–U+2064, U+FEFF, the annotation marks U+FFF9–U+FFFB, and the tag
 * characters U+E0001, U+E0020–U+E007F). Line breaks and tabs become a space (words stay
 * apart); the others go. Zero-width joiners stay: emoji and several scripts need them.
 */
const BREAKS = /[\t\n\v\f\r\u0085\u2028\u2029]/g;
const FORBIDDEN = /[\u0000-\u001F\u007F-\u009F\u00AD\u061C\u180E\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\uFFF9-\uFFFB]|\uDB40[\uDC01\uDC20-\uDC7F]/g;
/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Any character {@link plainText} may change (surrogates included, paired or not). */
const UNPLAIN = /[\u0000-\u001F\u007F-\u009F\u00AD\u061C\u180E\u200B\u200E\u200F\u202A-\u202E\u2028\u2029\u2060-\u2064\u2066-\u2069\uD800-\uDFFF\uFEFF\uFFF9-\uFFFB]/;

/** How many UTF-16 code units of a snapshot value a text quotes, before the ellipsis. */
export const QUOTE_LIMIT = 200;

/** What stands for the rest of a value cut at {@link QUOTE_LIMIT}. */
export const ELLIPSIS = '…';

/**
 * Makes a produced text plain: line breaks and tabs become spaces, every other control and
 * bidirectional-formatting character is removed, and a lone surrogate becomes U+FFFD, so the
 * text is well-formed Unicode that can be sent as UTF-8.
 *
 * @example
 * plainText('Order A\u202Eevil\nnext') //=> 'Order Aevil next'
 * plainText('x\uD800') //=> 'x\uFFFD'
 */
export function plainText(text: string): string {
  // Most texts have nothing to change: one scan says so, and the text is returned as it is.
  if (!UNPLAIN.test(text)) return text;
  return text.replace(BREAKS, ' ').replace(FORBIDDEN, '').replace(LONE_SURROGATE, '\uFFFD');
}

/**
 * Quotes a value from the snapshot (or the caller's options) into a text: made plain by
 * {@link plainText}, then cut to at most {@link QUOTE_LIMIT} code units followed by
 * {@link ELLIPSIS} when longer. A surrogate pair is never split.
 *
 * @example
 * quoteText('short remark') //=> 'short remark'
 * quoteText('x'.repeat(500)).length //=> 201 (200 x, then '…')
 */
export function quoteText(text: string): string {
  const plain = plainText(text);
  if (plain.length <= QUOTE_LIMIT) return plain;
  const last = plain.charCodeAt(QUOTE_LIMIT - 1);
  const end = last >= 0xd800 && last <= 0xdbff ? QUOTE_LIMIT - 1 : QUOTE_LIMIT;
  return plain.slice(0, end) + ELLIPSIS;
}

/**
 * Quotes every string in a value (through arrays and plain objects, which are copied; inputs
 * are never mutated): what a template is given to write from.
 *
 * @example
 * quoteValues({ sku: 'A\u202E', units: 2, skus: ['B\n'] }) //=> { sku: 'A', units: 2, skus: ['B '] }
 */
export function quoteValues<T>(value: T): T {
  // Most values quote as they are: checking that allocates nothing, copying would.
  if (isQuoted(value)) return value;
  if (typeof value === 'string') return quoteText(value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => quoteValues(item)) as T;
  if (typeof value !== 'object' || value === null) return value;
  if (!isPlainObject(value)) return value;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    Object.defineProperty(copy, key, { value: quoteValues((value as Record<string, unknown>)[key]), enumerable: true, writable: true, configurable: true });
  }
  return copy as T;
}

/** True when {@link quoteValues} would return `value` unchanged. */
function isQuoted(value: unknown): boolean {
  if (typeof value === 'string') return value.length <= QUOTE_LIMIT && !UNPLAIN.test(value);
  if (typeof value !== 'object' || value === null) return true;
  if (Array.isArray(value)) return value.every((item: unknown) => isQuoted(item));
  if (!isPlainObject(value)) return true;
  for (const key of Object.keys(value)) if (!isQuoted((value as Record<string, unknown>)[key])) return false;
  return true;
}
