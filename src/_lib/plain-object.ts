/**
 * True for plain data objects: an object literal or `Object.create(null)`. A Date, Map, boxed
 * value or class instance is not (copies, quotes and the compiled check treat those apart).
 *
 * @example
 * isPlainObject({ a: 1 }) //=> true
 * isPlainObject(new Date()) //=> false
 */
export function isPlainObject(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
