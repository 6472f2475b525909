import fc from 'fast-check';

/** Any value at all, hostile ones included: null prototypes, bigints, dates, sparse arrays, boxed values, maps, sets, typed arrays. */
export const anything = fc.anything({
  withNullPrototype: true,
  withBigInt: true,
  withDate: true,
  withSparseArray: true,
  withBoxedValues: true,
  withMap: true,
  withSet: true,
  withTypedArray: true,
  withObjectString: true,
  maxDepth: 4,
});

/**
 * A deep copy of `order` with one value inside it replaced: the `pick`-th field or element in
 * walk order (modulo their number), or, with `addField`, a new field beside it.
 */
export function replaceOneValue(order: unknown, pick: number, replacement: unknown, addField = false): Record<string, unknown> {
  const copy = structuredClone(order) as Record<string, unknown>;
  const slots: [Record<string | number, unknown>, string | number][] = [];
  const walk = (node: unknown) => {
    if (typeof node !== 'object' || node === null) return;
    for (const key of Object.keys(node)) {
      slots.push([node as Record<string, unknown>, Array.isArray(node) ? Number(key) : key]);
      walk((node as Record<string, unknown>)[key]);
    }
  };
  walk(copy);
  const [parent, key] = slots[pick % slots.length] as [Record<string | number, unknown>, string | number];
  if (addField && !Array.isArray(parent)) parent.extra = replacement;
  else parent[key] = replacement;
  return copy;
}
