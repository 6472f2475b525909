/** The JSON type of a fact's value. */
export type FactType = 'number' | 'string' | 'boolean';

/** How a fact is documented: its type, unit and meaning. */
export interface FactSpec {
  readonly type: FactType;
  /** True when the fact is `null` for orders it does not apply to (a fact that is null never compares). */
  readonly nullable?: boolean;
  readonly unit?: 'minutes' | 'hours' | 'days' | 'minor_units' | 'count';
  readonly description: string;
}

type ValueOf<S extends FactSpec> = (S['type'] extends 'number' ? number : S['type'] extends 'string' ? string : boolean) | (S['nullable'] extends true ? null : never);

/** The record of values a catalogue of facts describes. */
export type FactsOf<C extends Readonly<Record<string, FactSpec>>> = { -readonly [K in keyof C]: ValueOf<C[K]> };

/** A fact record being filled in by the fact groups. */
export type Writable<T> = { -readonly [K in keyof T]: T[K] };
