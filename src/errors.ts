/** One problem with an input, options or a rule, at a path inside it. */
export interface Issue {
  /** Where the problem is, as keys and indexes from the root: `['payments', 1, 'amount']`. */
  readonly path: readonly (string | number)[];
  /** What is wrong there, in a sentence. */
  readonly message: string;
}

/**
 * Formats a path the way a developer writes it: `payments[1].amount`, or `(root)`.
 *
 * @example
 * formatPath(['payments', 1, 'amount']) //=> 'payments[1].amount'
 */
export function formatPath(path: readonly (string | number)[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(key)) out += out === '' ? key : `.${key}`;
    else out += `[${JSON.stringify(key)}]`;
  }
  return out === '' ? '(root)' : out;
}

function describeIssues(headline: string, issues: readonly Issue[]): string {
  return [headline, ...issues.map((issue) => `  - ${formatPath(issue.path)}: ${issue.message}`)].join('\n');
}

/**
 * The brands of order-triage's errors: registered symbols (`Symbol.for`), so an error made by
 * another copy of the package (its ESM and CJS builds side by side, two versions, another realm)
 * carries the same ones, where `instanceof` would answer false. Each is a getter on the class's
 * prototype answering `true`: not an own property, so it is neither copied nor serialised.
 */
const BRANDS = {
  OrderTriageError: Symbol.for('order-triage.OrderTriageError'),
  InvalidOptionsError: Symbol.for('order-triage.InvalidOptionsError'),
} as const;

/** Whether `value` is an object whose `brand` reads `true`; false (never a throw) when reading it throws. */
function hasBrand(value: unknown, brand: symbol): boolean {
  if ((typeof value !== 'object' && typeof value !== 'function') || value === null) return false;
  try {
    return (value as Record<symbol, unknown>)[brand] === true;
  } catch {
    return false;
  }
}

/** The base class of every error order-triage throws. */
export class OrderTriageError extends Error {
  /** The brand {@link isOrderTriageError} reads: `Symbol.for('order-triage.OrderTriageError')`. */
  get [BRANDS.OrderTriageError](): true {
    return true;
  }

  /** Every problem found, never only the first. */
  readonly issues: readonly Issue[];

  constructor(headline: string, issues: readonly Issue[]) {
    super(describeIssues(headline, issues));
    this.name = 'OrderTriageError';
    this.issues = issues;
  }
}

/**
 * Thrown once by `createTriage` when its options are wrong, listing every problem with its
 * path. Unknown keys are problems too: a misspelt threshold must not silently do nothing.
 */
export class InvalidOptionsError extends OrderTriageError {
  /** The brand {@link isInvalidOptionsError} reads: `Symbol.for('order-triage.InvalidOptionsError')`. */
  get [BRANDS.InvalidOptionsError](): true {
    return true;
  }

  constructor(issues: readonly Issue[]) {
    super(`Invalid order-triage options (${issues.length} problem${issues.length === 1 ? '' : 's'}):`, issues);
    this.name = 'InvalidOptionsError';
  }
}

/**
 * Tells whether a value is an error thrown by order-triage, by this copy of the package or by
 * another one (ESM and CJS builds, another version, another realm): it reads the brand
 * `Symbol.for('order-triage.OrderTriageError')`, not the prototype chain. Never throws.
 *
 * @example
 * try { createTriage({ locale: 'fr' as never }) } catch (e) { isOrderTriageError(e) } //=> true
 */
export function isOrderTriageError(value: unknown): value is OrderTriageError {
  return value instanceof OrderTriageError || hasBrand(value, BRANDS.OrderTriageError);
}

/**
 * Tells whether a value is the error `createTriage` throws for bad options, made by this copy of
 * the package or another one: it reads the brand `Symbol.for('order-triage.InvalidOptionsError')`.
 * Never throws.
 *
 * @example
 * try { createTriage({ thresholds: { PAYMENT_FAILED: { unpaidMinute: 5 } } } as never) }
 * catch (e) { isInvalidOptionsError(e) && e.issues.length } //=> 1
 */
export function isInvalidOptionsError(value: unknown): value is InvalidOptionsError {
  return value instanceof InvalidOptionsError || hasBrand(value, BRANDS.InvalidOptionsError);
}
