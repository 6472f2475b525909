type OptionalKeys<T> = { [K in keyof T]-?: {} extends Pick<T, K> ? K : never }[keyof T];

/**
 * A schema's inferred type as the interface beside it would spell it: every field `readonly`
 * (arrays and records inside too, one level down), and an optional field without the
 * `| undefined` zod adds to it. So a type is derived from its schema, not declared twice.
 *
 * @example
 * type T = ReadonlyFields<{ a?: number | undefined; b: string[] }>;
 * //=> { readonly a?: number; readonly b: readonly string[] }
 */
export type ReadonlyFields<T> = {
  readonly [K in keyof T]: K extends OptionalKeys<T> ? Readonly<Exclude<T[K], undefined>> : Readonly<T[K]>;
};
