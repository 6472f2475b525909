/** A key with case, `_` and `-` folded away: `promised_ship_by` and `PromisedShipBy` fold alike. */
function fold(key: string): string {
  return key.toLowerCase().replace(/[_-]/g, '');
}

/**
 * The optimal-string-alignment (restricted Damerau-Levenshtein) distance between `a` and `b`,
 * or `limit + 1` once it is sure to exceed `limit`. Callers compare only keys whose lengths
 * differ by at most `limit`, so a long key costs nothing.
 */
function distanceWithin(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, (previous[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, (before[j - 2] as number) + 1);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
    before = previous;
    previous = current;
  }
  return previous[b.length] as number;
}

/** How far a key may be from a known field of `length` characters and still be taken for it: short names need an exact fold. */
function allowedDistance(length: number): number {
  if (length >= 6) return 2;
  return length >= 4 ? 1 : 0;
}

/**
 * A suffix that names a column of its own when written as a word of the key (`customer_id`,
 * `customerId`, `created_by`, `statusCode`, `order_no`, `channelName`): a known field plus such a
 * suffix is a different column (a foreign key, an author, a code), not a misspelling, unless the
 * field itself ends in it (`promised_ship_by` still means `promisedShipBy`).
 */
const COLUMN_SUFFIX = /[_\- ](id|by|code|no|num|number|name|key|ref|type)$/i;
/** The same suffixes written camelCase (`customerId`, `createdBy`, `customerID`). */
const CAMEL_COLUMN_SUFFIX = /(?<=[a-z0-9])(Id|ID|By|BY|Code|CODE|No|NO|Num|Number|Name|NAME|Key|Ref|Type)$/;

/** The column suffix `key` ends in, folded (`id` for `customer_id`), or undefined. */
function columnSuffix(key: string): string | undefined {
  const match = COLUMN_SUFFIX.exec(key) ?? CAMEL_COLUMN_SUFFIX.exec(key);
  return match?.[1]?.toLowerCase();
}

/** The known field `key` most likely misspells, or undefined for a key unlike every known field. */
function nearestField(key: string, known: readonly string[]): string | undefined {
  // A leading underscore marks a store's own column (MongoDB's `_id`, `__v`), never a field.
  if (key.startsWith('_')) return undefined;
  const folded = fold(key);
  const suffix = columnSuffix(key);
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const field of known) {
    const target = fold(field);
    if (suffix !== undefined && !target.endsWith(suffix)) continue;
    const allowed = allowedDistance(target.length);
    const distance = folded === target ? 0 : distanceWithin(folded, target, allowed);
    if (distance <= allowed && distance < bestDistance) {
      best = field;
      bestDistance = distance;
    }
  }
  return best;
}

/** How many keys one suggester remembers before it starts afresh: enough for every extra field a backend sends, bounded for hostile input. */
const REMEMBERED_KEYS = 512;

/**
 * How many unknown keys of one object are looked at for misspellings: an object with more is not
 * a row with a typo but a wide export, and looking at each would cost without bound. The reader
 * says so in one warning (see {@link tooManyUnknownKeys}).
 */
export const SUGGESTED_KEYS_PER_OBJECT = 64;

/**
 * The warning for an object with more unknown keys than are looked at for misspellings.
 *
 * @example
 * tooManyUnknownKeys(1000) //=> '1000 unknown fields: only the first 64 were checked for misspelt field names'
 */
export function tooManyUnknownKeys(count: number): string {
  return `${count} unknown fields: only the first ${SUGGESTED_KEYS_PER_OBJECT} were checked for misspelt field names`;
}

/**
 * A suggester for the fields of one object level: for an unknown key that looks like a misspelt
 * or snake_case known field (case, `_` and `-` folded, then at most two edits, one for names of
 * four or five letters, none for shorter ones), the field it most likely means; undefined for
 * unrelated keys (`erpInternalFlag`), for keys starting with `_` (`_id`, `__v`) and for a field
 * plus a column suffix (`customer_id`, `created_by`: see COLUMN_SUFFIX). Answers are remembered
 * per key (backends send the same extra keys on every order), so the common case costs one map
 * lookup; the memory starts afresh after 512 keys. Callers look at no more than
 * {@link SUGGESTED_KEYS_PER_OBJECT} unknown keys of one object, so an object costs a bounded
 * amount whatever came before it.
 *
 * @example
 * const suggest = createFieldSuggester(['promisedShipBy', 'remark']);
 * suggest('promised_ship_by') //=> 'promisedShipBy'
 * suggest('erpInternalFlag') //=> undefined
 */
export function createFieldSuggester(known: readonly string[]): (key: string) => string | undefined {
  let remembered = new Map<string, string | null>();
  return (key) => {
    const seen = remembered.get(key);
    if (seen !== undefined) return seen ?? undefined;
    // A very long key is no misspelling of a field name; folding it would cost for nothing.
    const nearest = key.length > 64 ? undefined : nearestField(key, known);
    // Full: start afresh, so keys one input floods it with cannot keep the next inputs' keys out.
    if (remembered.size >= REMEMBERED_KEYS) remembered = new Map();
    remembered.set(key, nearest ?? null);
    return nearest;
  };
}
