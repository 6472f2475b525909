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

/** The known field `key` most likely misspells, or undefined for a key unlike every known field. */
function nearestField(key: string, known: readonly string[]): string | undefined {
  const folded = fold(key);
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const field of known) {
    const target = fold(field);
    const allowed = allowedDistance(target.length);
    const distance = folded === target ? 0 : distanceWithin(folded, target, allowed);
    if (distance <= allowed && distance < bestDistance) {
      best = field;
      bestDistance = distance;
    }
  }
  return best;
}

/** How many keys one suggester remembers: enough for every extra field a backend sends, bounded for hostile input. */
const REMEMBERED_KEYS = 512;

/**
 * A suggester for the fields of one object level: for an unknown key that looks like a misspelt
 * or snake_case known field (case, `_` and `-` folded, then at most two edits, one for names of
 * four or five letters, none for shorter ones), the field it most likely means; undefined for
 * unrelated keys (`erpInternalFlag`). Answers are remembered per key (backends send the same
 * extra keys on every order), so the common case costs one map lookup.
 *
 * @example
 * const suggest = createFieldSuggester(['promisedShipBy', 'remark']);
 * suggest('promised_ship_by') //=> 'promisedShipBy'
 * suggest('erpInternalFlag') //=> undefined
 */
export function createFieldSuggester(known: readonly string[]): (key: string) => string | undefined {
  const remembered = new Map<string, string | null>();
  return (key) => {
    const seen = remembered.get(key);
    if (seen !== undefined) return seen ?? undefined;
    // A very long key is no misspelling of a field name; folding it would cost for nothing.
    const nearest = key.length > 64 ? undefined : nearestField(key, known);
    if (remembered.size < REMEMBERED_KEYS) remembered.set(key, nearest ?? null);
    return nearest;
  };
}
