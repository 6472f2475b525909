/** A lone surrogate: a high one not followed by a low one, or a low one not after a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** Only characters encodeURIComponent never escapes: A–Z a–z 0–9 - _ . ! ~ * ' ( ). */
const UNRESERVED = /^[\w.!~*'()-]*$/;
/** How a key writes a lone surrogate: `%u` and four capital hex digits, `D800`–`DFFF`. */
const SURROGATE_ESCAPE = /%u(D[89A-F][0-9A-F]{2})/;

/**
 * Percent-encodes one part. A lone surrogate (legal in JSON, not in UTF-8, so
 * `encodeURIComponent` throws on it) is written `%uD800`: percent-encoding never writes `%u`
 * (a `%` in the text is `%25`), so the escape can be neither confused nor forged, and it is
 * not U+FFFD (which is `%EF%BF%BD`).
 */
function encodePart(part: string): string {
  // Most parts (ids, kinds, amounts) are characters encodeURIComponent leaves as they are: one scan says so.
  if (UNRESERVED.test(part)) return part;
  if (!LONE_SURROGATE.test(part)) return encodeURIComponent(part);
  let out = '';
  let run = '';
  for (let i = 0; i < part.length; i++) {
    const unit = part.charCodeAt(i);
    const next = part.charCodeAt(i + 1);
    if (unit >= 0xd800 && unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      run += part[i] + (part[i + 1] as string);
      i++;
    } else if (unit >= 0xd800 && unit <= 0xdfff) {
      out += `${encodeURIComponent(run)}%u${unit.toString(16).toUpperCase()}`;
      run = '';
    } else run += part[i];
  }
  return out + encodeURIComponent(run);
}

/** Inverts {@link encodePart}; throws (URIError) on a part it never writes. */
function decodePart(part: string): string {
  const pieces = part.split(SURROGATE_ESCAPE);
  // split with one capture group alternates: text, surrogate hex, text, ...
  let out = '';
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i] as string;
    out += i % 2 === 0 ? decodeURIComponent(piece) : String.fromCharCode(Number.parseInt(piece, 16));
  }
  return out;
}

/**
 * Builds an idempotency key from an order id, an action kind and what distinguishes this action
 * (a payment id, an amount). Each part is percent-encoded, so `/` only ever separates parts and
 * distinct parts can never produce the same key; a lone surrogate is written `%uD800`. Readable
 * in logs, stable across runs, and defined for every string.
 *
 * @example
 * buildIdempotencyKey(['ORD-1', 'refund', 'pay_2', 10000]) //=> 'ORD-1/refund/pay_2/10000'
 * buildIdempotencyKey(['A/B', 'cancel_order']) //=> 'A%2FB/cancel_order'
 * buildIdempotencyKey(['A\uD800', 'cancel_order']) //=> 'A%uD800/cancel_order'
 */
export function buildIdempotencyKey(parts: readonly (string | number)[]): string {
  return parts.map((part) => encodePart(String(part))).join('/');
}

/**
 * Splits a key built by {@link buildIdempotencyKey} back into its parts (lone surrogates
 * included); undefined for a key that is not well-formed (a key some other system made).
 *
 * @example
 * parseIdempotencyKey('ORD-1/refund/pay_2/10000') //=> ['ORD-1', 'refund', 'pay_2', '10000']
 * parseIdempotencyKey('A%uD800/cancel_order') //=> ['A\uD800', 'cancel_order']
 */
export function parseIdempotencyKey(key: string): string[] | undefined {
  try {
    return key.split('/').map(decodePart);
  } catch {
    return undefined;
  }
}
