// Bounded memos of pure functions (docs/benchmarks.md, "Third round (issue 20)"): what they answer
// is what the function answers, only sooner; memory stays bounded whatever the input.

/**
 * `write` remembering the texts of the last `kept` numbers it was given (all go when it is full):
 * a report writes the same few amounts and instants many times. Anything but a number is written
 * afresh every time (and throws where `write` throws).
 *
 * @example
 * const iso = rememberTexts((ms) => new Date(ms).toISOString(), 1_024);
 * iso(0) //=> '1970-01-01T00:00:00.000Z'
 */
export function rememberTexts(write: (value: number) => string, kept: number): (value: number) => string {
  const texts = new Map<number, string>();
  return (value) => {
    if (typeof value !== 'number') return write(value);
    let text = texts.get(value);
    if (text === undefined) {
      text = write(value);
      if (texts.size >= kept) texts.clear();
      texts.set(value, text);
    }
    return text;
  };
}

/**
 * The value `map` holds under `key`, or the one `make` builds, kept there with the oldest entry
 * leaving once `map` holds `kept` (Intl formatters cost far more to build than to use).
 *
 * @example
 * keptOrMade(formatters, 'en|USD', 256, () => new Intl.NumberFormat('en', { style: 'currency', currency: 'USD' }))
 */
export function keptOrMade<V>(map: Map<string, V>, key: string, kept: number, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = make();
    if (map.size >= kept) map.delete(map.keys().next().value as string);
    map.set(key, value);
  }
  return value;
}
