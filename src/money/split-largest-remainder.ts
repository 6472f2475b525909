/**
 * Splits `total` minor units in proportion to `weights` so that the parts are integers and add up
 * to exactly `total`: each part gets the floor of its share, and the units left over go to the
 * largest remainders (ties to the earlier weight). No floating point touches the amounts: shares
 * are computed with BigInt.
 *
 * @example
 * splitByLargestRemainder(100, [1, 1, 1]) //=> [34, 33, 33]
 * splitByLargestRemainder(1000, [7000, 3000]) //=> [700, 300]
 */
export function splitByLargestRemainder(total: number, weights: readonly number[]): number[] {
  if (!Number.isSafeInteger(total) || total < 0) throw new RangeError('total must be a non-negative safe integer');
  if (weights.some((w) => !Number.isSafeInteger(w) || w < 0)) throw new RangeError('weights must be non-negative safe integers');
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum === 0) return weights.map(() => 0);
  const bigTotal = BigInt(total);
  const bigSum = BigInt(sum);
  const parts = weights.map((w) => {
    const scaled = bigTotal * BigInt(w);
    return { floor: scaled / bigSum, remainder: scaled % bigSum };
  });
  let left = bigTotal - parts.reduce((a, p) => a + p.floor, 0n);
  const order = parts
    .map((_, i) => i)
    .sort((a, b) => {
      const ra = (parts[a] as (typeof parts)[number]).remainder;
      const rb = (parts[b] as (typeof parts)[number]).remainder;
      return ra === rb ? a - b : rb > ra ? 1 : -1;
    });
  const result = parts.map((p) => p.floor);
  for (const i of order) {
    if (left === 0n) break;
    result[i] = (result[i] as bigint) + 1n;
    left -= 1n;
  }
  return result.map(Number);
}
