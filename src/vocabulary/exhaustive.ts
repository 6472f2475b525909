/**
 * `T` when it has exactly one entry per member of `K`: a missing member is a type error naming
 * it, and so is a key that is not a member. Records keyed by a vocabulary are declared through
 * it, so a new member cannot be forgotten in any of them.
 *
 * @example
 * type Ranks = ExactlyKeyedBy<'low' | 'high', { low: 0; high: 1 }>; // compiles
 * type Broken = ExactlyKeyedBy<'low' | 'high', { low: 0 }>; // error: property 'high' is missing
 */
export type ExactlyKeyedBy<K extends PropertyKey, T extends { readonly [P in K]: unknown } & { readonly [P in Exclude<keyof T, K>]: never }> = T;
