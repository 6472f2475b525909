// Module-level work that only some evaluations need (ICU list formatters for a locale the triage
// does not write in, a compiled check the clean path never runs) is built on first use instead of
// at import: importing the package then costs less, and what is never used is never built
// (docs/benchmarks.md, "Third round (issue 20): cold start and bundle").

/**
 * A value built by `make` on the first call, then the same value on every call: `make` must be
 * pure (its value the same whenever it runs), so building it later changes no answer. A `make`
 * that throws is called again next time.
 *
 * @example
 * const list = lazy(() => new Intl.ListFormat('en', { type: 'conjunction' }));
 * list().format(['a', 'b']) //=> 'a and b' (the formatter is made here, once)
 */
export function lazy<T>(make: () => T): () => T {
  let made = false;
  let value: T;
  return () => {
    if (!made) {
      value = make();
      made = true;
    }
    return value;
  };
}
