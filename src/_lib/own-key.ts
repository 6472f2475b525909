// Tables keyed by data (a carrier, a province, a payment method, a currency) are read and written
// only through these: a name such as "__proto__", "constructor" or "toString" is then just a
// name, never Object.prototype or one of its methods (docs/reliability.md, "Data used as keys").

/**
 * The value `table` holds under `key` as its own property, or undefined: never an inherited one.
 *
 * @example
 * readOwn({ alipay: 'Alipay' }, 'alipay') //=> 'Alipay'
 * readOwn({ alipay: 'Alipay' }, 'constructor') //=> undefined
 */
export function readOwn<T>(table: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return table !== undefined && Object.hasOwn(table, key) ? table[key] : undefined;
}

/**
 * Sets `key` on `table` as an own, enumerable data property, even when `key` is "__proto__"
 * (an assignment would replace the prototype instead).
 *
 * @example
 * const counts = {}; writeOwn(counts, '__proto__', 1); JSON.stringify(counts) //=> '{"__proto__":1}'
 */
export function writeOwn<T>(table: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(table, key, { value, writable: true, enumerable: true, configurable: true });
}
