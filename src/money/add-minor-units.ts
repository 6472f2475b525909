/**
 * Adds two amounts of minor units exactly, or refuses: a sum beyond `Number.MAX_SAFE_INTEGER`
 * cannot be represented exactly, so it throws a RangeError instead of being rounded. Snapshots
 * whose money sums leave the safe range are refused before any planning (see
 * `ledgerIssues`), so in evaluation this never throws.
 *
 * @example
 * addMinorUnits(9_007_199_254_740_990, 1) //=> 9007199254740991
 * addMinorUnits(Number.MAX_SAFE_INTEGER, 1) // throws RangeError
 */
export function addMinorUnits(a: number, b: number): number {
  const sum = a + b;
  // Both terms are safe integers: an exact sum within the range is computed exactly, and one
  // beyond it rounds to at least 2^53, which is not a safe integer.
  if (!Number.isSafeInteger(sum)) throw new RangeError(`money sum ${a} + ${b} leaves the safe integer range; refused, not rounded`);
  return sum;
}
