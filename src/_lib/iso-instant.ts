/** How many instants' texts are remembered; all go when it is full. */
const KEPT = 1_024;
const texts = new Map<number, string>();

/**
 * An instant (epoch milliseconds) as ISO 8601 UTC, as `new Date(ms).toISOString()` writes it
 * (and throws for it: a `RangeError` outside the Date range), remembering the last texts: a plan
 * writes the same few instants (now plus each severity's SLA) into every action and finding.
 *
 * @example
 * isoInstant(0) //=> '1970-01-01T00:00:00.000Z'
 */
export function isoInstant(ms: number): string {
  let text = texts.get(ms);
  if (text === undefined) {
    text = new Date(ms).toISOString();
    if (texts.size >= KEPT) texts.clear();
    texts.set(ms, text);
  }
  return text;
}
