/**
 * mulberry32: a small seeded generator of numbers in [0, 1), so generated orders are
 * reproducible from their seed alone (nothing in order-triage reads Math.random).
 *
 * @example
 * const random = seeded(7);
 * random() //=> the same first number for seed 7, every run
 */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
