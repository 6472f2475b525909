/**
 * Appends every item of `items` to `list`, one at a time. `list.push(...items)` passes each item
 * as an argument, and throws a RangeError (call stack exceeded) past about 100,000 items: a
 * cluster of 130,000 orders did. Never spread a list that input can make long.
 *
 * @example
 * const list = [1];
 * appendAll(list, [2, 3]);
 * list //=> [1, 2, 3]
 */
export function appendAll<T>(list: T[], items: Iterable<T>): void {
  for (const item of items) list.push(item);
}
