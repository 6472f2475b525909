import { rememberTexts } from './remembered.js';

/** How many instants' texts are remembered; all go when it is full. */
const KEPT = 1_024;

/**
 * An instant (epoch milliseconds) as ISO 8601 UTC, as `new Date(ms).toISOString()` writes it
 * (and throws for it: a `RangeError` outside the Date range), remembering the last texts: a plan
 * writes the same few instants (now plus each severity's SLA) into every action and finding.
 *
 * @example
 * isoInstant(0) //=> '1970-01-01T00:00:00.000Z'
 */
export const isoInstant: (ms: number) => string = rememberTexts((ms) => new Date(ms).toISOString(), KEPT);
