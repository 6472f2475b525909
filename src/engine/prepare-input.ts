import type { z } from 'zod';
import type { WorkingCalendar } from '../_lib/business-time.js';
import { describeError } from '../_lib/describe-error.js';
import { lazy } from '../_lib/lazy.js';
import { isPlainObject } from '../_lib/plain-object.js';
import { parseTimestamp } from '../_lib/timestamp.js';
import type { Issue } from '../errors.js';
import { type PreparedBlacklist, prepareBlacklist } from '../facts/blacklist-match.js';
import type { FactContext, FactSettings } from '../facts/derive-facts.js';
import { ledgerIssues } from '../money/ledger-issues.js';
import { BlacklistSchema, type Calendar, CalendarSchema, EvaluateContextSchema, EvaluateContextShellSchema } from '../schema/context.js';
import { compileAcceptor } from '../schema/fast-accept.js';
import { toIssues } from '../schema/issues.js';
import { normaliseSnapshot } from '../schema/normalise-snapshot.js';
import type { ResolvedOptions } from '../schema/options.js';
import { withoutResolvedReports } from '../schema/recorded-actions.js';
import { checkSize, SNAPSHOT_LIMITS } from '../schema/size-guard.js';
import { type OrderSnapshot, OrderSnapshotSchema } from '../schema/snapshot.js';
import { dateAsTimestamp, SNAPSHOT_TOLERANCE, withColonOffset } from '../schema/tolerance.js';
import { unreadableIssue } from '../schema/unreadable.js';
import { buildFactSettings } from './fact-settings.js';
import { failure } from './failure.js';
import type { TriageFailure } from './types.js';

/**
 * The snapshot schema, size limits and tolerance as one compiled check that copies what it
 * accepts (see compileAcceptor); without tolerance, to copy what zod already parsed. Each is
 * compiled on first use, not at import (the second only when a snapshot takes the full path).
 */
const acceptSnapshot = lazy(() => compileAcceptor(OrderSnapshotSchema, SNAPSHOT_LIMITS, SNAPSHOT_TOLERANCE));
const copyParsed = lazy(() => compileAcceptor(OrderSnapshotSchema, SNAPSHOT_LIMITS));

/** No warnings: shared, never changed (reports copy warnings into an array of their own). */
const NO_WARNINGS: readonly Issue[] = Object.freeze([]);

/**
 * What preparing input keeps between evaluations of one triage. Blacklists and calendars are
 * usually shared by many evaluations (and a blacklist may be large): each object is validated
 * and prepared once, on first use, then reused. They are treated as immutable once passed:
 * pass a new object when the list changes.
 */
export interface InputState {
  /** The shop's time zone (`policy.timeZone`): a calendar without its own works in it. */
  readonly timeZone: string;
  readonly settings: FactSettings;
  readonly defaultCalendar: WorkingCalendar;
  readonly blacklists: WeakMap<object, PreparedBlacklist>;
  readonly calendars: WeakMap<object, WorkingCalendar>;
  /** `createTriage({ strict: true })`: what reading tolerated is an error, not a warning. */
  readonly strict: boolean;
}

/** A valid snapshot, read once, and what reading it tolerated (docs/snapshot.md, "Tolerance"). */
export interface CheckedSnapshot {
  readonly order: OrderSnapshot;
  readonly warnings: readonly Issue[];
}

/** A valid snapshot, read once, what reading it tolerated, and the context it is evaluated in. */
export interface PreparedInput extends CheckedSnapshot {
  readonly context: FactContext;
}

/**
 * The input state of a new triage: fact settings from its options, empty caches.
 *
 * @example
 * const state = createInputState(resolveOptions({}).resolved);
 * prepareInput(state, order, { now: '2026-03-01T12:00:00Z' }) //=> { order, context }
 */
export function createInputState(resolved: ResolvedOptions): InputState {
  return {
    timeZone: resolved.policy.timeZone,
    settings: buildFactSettings(resolved),
    defaultCalendar: { timeZone: resolved.policy.timeZone, holidays: new Set(), nonWorkingWeekdays: new Set() },
    blacklists: new WeakMap(),
    calendars: new WeakMap(),
    strict: resolved.strict,
  };
}

/**
 * The instant `now` names, read once. A Date can change after it was checked (`setTime` from a
 * getter read later, a `getTime` override): its time value is read once, past any override, and
 * a Date of that value is what is checked and used.
 */
function readNow(now: string | Date): number | Issue[] {
  if (!(now instanceof Date)) return parseTimestamp(now);
  const read = new Date(Date.prototype.getTime.call(now));
  const checked = EvaluateContextSchema.shape.now.safeParse(read);
  return checked.success ? read.getTime() : toIssues(checked.error, ['context', 'now']);
}

type SafeParser<T> = { safeParse: (v: unknown) => { success: true; data: T } | { success: false; error: z.ZodError } };

/** `value` validated and prepared once per object (then from `cache`), its issues, or undefined when absent. */
function prepareOnce<T extends object, P>(value: unknown, cache: WeakMap<object, P>, schema: SafeParser<T>, path: string, build: (valid: T) => P): P | Issue[] | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'object' && value !== null) {
    const cached = cache.get(value);
    if (cached !== undefined) return cached;
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) return toIssues(parsed.error, ['context', path], schema as unknown as z.ZodType);
  const prepared = build(parsed.data);
  cache.set(value as object, prepared);
  return prepared;
}

function factContext(state: InputState, now: number, blacklist: unknown, calendar: unknown): FactContext | Issue[] {
  const list = prepareOnce(blacklist, state.blacklists, BlacklistSchema, 'blacklist', prepareBlacklist);
  if (Array.isArray(list)) return list;
  const working = prepareOnce(
    calendar,
    state.calendars,
    CalendarSchema,
    'calendar',
    (c: Calendar): WorkingCalendar => ({
      timeZone: c.timeZone ?? state.timeZone,
      holidays: new Set(c.holidays ?? []),
      nonWorkingWeekdays: new Set(c.nonWorkingWeekdays ?? []),
    }),
  );
  if (Array.isArray(working)) return working;
  return { now, settings: state.settings, calendar: working ?? state.defaultCalendar, blacklist: list };
}

/**
 * A context as a database or a config file may hold it, read as its schema has it
 * (docs/snapshot.md, "Tolerance"): `now` with a `+hhmm` or `+hh` offset or a lower-case `z`
 * written `+hh:mm` or `Z`, a Date from another realm as its ISO string; `null` for `blacklist`, `allowlist` or `calendar` left out. Each
 * field is read once (a copy); anything but a plain object is left to the schema as it is.
 */
function readTolerantContext(context: unknown): unknown {
  if (typeof context !== 'object' || context === null || !isPlainObject(context)) return context;
  const copy: Record<string, unknown> = { ...(context as Record<string, unknown>) };
  if (typeof copy.now === 'string') copy.now = withColonOffset(copy.now);
  else if (!(copy.now instanceof Date)) {
    // A Date from another realm (a vm context): its instant, as a string the schema reads.
    const date = dateAsTimestamp(copy.now);
    if (date !== undefined && 'iso' in date) copy.now = date.iso;
  }
  for (const key of ['blacklist', 'allowlist', 'calendar']) if (copy[key] === null) delete copy[key];
  return copy;
}

/** The last `now` text the full check accepted, and its instant: a string is checked the same way every time. */
let lastNow: { readonly text: string; readonly at: number } | undefined;

/**
 * The context of the common call, `{ now }` (and perhaps `trusted`), without the schema: only a
 * plain object whose keys (own and inherited, as `for…in` lists them) are `now` and `trusted`,
 * `now` the very text the full check last accepted and `trusted` a boolean or absent. Anything
 * else (undefined) goes through the full check, which gives the same answer for these.
 */
function knownContext(state: InputState, context: unknown): { context: FactContext; trusted: boolean } | undefined {
  if (lastNow === undefined || typeof context !== 'object' || context === null || Object.getPrototypeOf(context) !== Object.prototype) return undefined;
  for (const key in context) if (key !== 'now' && key !== 'trusted') return undefined;
  const { now, trusted } = context as { now?: unknown; trusted?: unknown };
  if (now !== lastNow.text || (trusted !== undefined && typeof trusted !== 'boolean')) return undefined;
  return { context: { now: lastNow.at, settings: state.settings, calendar: state.defaultCalendar, blacklist: undefined }, trusted: trusted === true };
}

function readContext(state: InputState, context: unknown, snapshot: unknown): { context: FactContext; trusted: boolean } | TriageFailure {
  const known = knownContext(state, context);
  if (known !== undefined) return known;
  const ctx = EvaluateContextShellSchema.safeParse(readTolerantContext(context));
  if (!ctx.success) return failure('invalid_context', toIssues(ctx.error, ['context'], EvaluateContextSchema), snapshot);
  const now = readNow(ctx.data.now);
  if (typeof now !== 'number') return failure('invalid_context', now, snapshot);
  if (typeof ctx.data.now === 'string') lastNow = { text: ctx.data.now, at: now };
  const factCtx = factContext(state, now, ctx.data.blacklist, ctx.data.calendar);
  if (Array.isArray(factCtx)) return failure('invalid_context', factCtx, snapshot);
  return { context: factCtx, trusted: ctx.data.trusted === true };
}

/**
 * Validates and prepares an evaluation context, or says what is wrong with it (a failure for
 * `snapshot`, naming its id); never throws.
 *
 * @example
 * prepareContext(state, { now: 'yesterday' }, order) //=> { ok: false, error: { code: 'invalid_context', ... } }
 */
export function prepareContext(state: InputState, context: unknown, snapshot: unknown): { context: FactContext; trusted: boolean } | TriageFailure {
  try {
    return readContext(state, context, snapshot);
  } catch (error) {
    // A context whose reading throws (a throwing getter, a Proxy around a Date) is bad input.
    return failure('invalid_context', [{ path: ['context'], message: `could not be read: ${describeError(error)}` }], snapshot);
  }
}

/** Validates a snapshot (size first, then the schema), or says what is wrong with it. */
function validateSnapshot(snapshot: unknown, trusted: boolean): CheckedSnapshot | TriageFailure {
  // A snapshot the caller already parsed with OrderSnapshotSchema (plain data, docs/snapshot.md)
  // may skip re-validation and is read in place.
  if (trusted) return { order: snapshot as OrderSnapshot, warnings: NO_WARNINGS };
  // Most snapshots are valid: a compiled check (what it accepts, zod and the size guard accept,
  // read with the same tolerance) copies them as it reads them, each value once, far cheaper
  // than zod; the engine evaluates that copy, so a getter or Proxy cannot answer differently
  // later. Anything else takes the full path below (zod's output is a copy too), which names
  // every problem and warns about what it tolerated.
  const accepted = acceptSnapshot()?.(snapshot);
  if (accepted !== undefined) return { order: accepted, warnings: NO_WARNINGS };
  const tooLarge = checkSize(snapshot, SNAPSHOT_LIMITS);
  if (tooLarge !== undefined) return failure('input_too_large', [tooLarge], snapshot);
  const normalised = normaliseSnapshot(snapshot);
  const parsed = OrderSnapshotSchema.safeParse(normalised.value);
  if (!parsed.success || normalised.issues.length > 0) return failure('invalid_snapshot', withTolerantIssues(normalised.issues, parsed.error), snapshot);
  // zod passes unknown fields on by reference: copying its output once more holds them to the
  // size limits and reads each of them once (a non-plain value keeps zod's output as it is).
  return { order: copyParsed()?.(parsed.data) ?? parsed.data, warnings: normalised.warnings };
}

/** The issues reading named (an invalid Date, an unsafe id), then zod's issues at other paths. */
function withTolerantIssues(own: readonly Issue[], error: z.ZodError | undefined): Issue[] {
  const named = new Set(own.map((issue) => JSON.stringify(issue.path)));
  const others = error === undefined ? [] : toIssues(error).filter((issue) => !named.has(JSON.stringify(issue.path)));
  return [...own, ...others];
}

/**
 * Validates a snapshot, then checks that its money sums stay exact (see ledgerIssues); a
 * snapshot that throws when read (a getter, a Proxy trap) is `invalid_snapshot` naming where.
 *
 * @example
 * prepareSnapshot(order, false) //=> { order, warnings: [] } (a copy, read once)
 * prepareSnapshot({ ...order, promisedShipby: '...' }, false, true) //=> { ok: false, error: { code: 'invalid_snapshot', ... } }
 * prepareSnapshot({}, false) //=> { ok: false, error: { code: 'invalid_snapshot', issues: [...] } }
 */
export function prepareSnapshot(snapshot: unknown, trusted: boolean, strict = false): CheckedSnapshot | TriageFailure {
  let checked: CheckedSnapshot | TriageFailure;
  try {
    checked = validateSnapshot(snapshot, trusted);
  } catch (error) {
    return failure('invalid_snapshot', [unreadableIssue(snapshot, SNAPSHOT_LIMITS, error)], snapshot);
  }
  if ('ok' in checked) return checked;
  // Strict: what reading tolerated (docs/snapshot.md, "Tolerance") is refused, listing each.
  if (strict && checked.warnings.length > 0) return failure('invalid_snapshot', [...checked.warnings], snapshot);
  const issues = ledgerIssues(checked.order);
  return issues.length === 0 ? checked : failure('invalid_snapshot', issues, snapshot);
}

/**
 * Validates the context and then the snapshot, or says what is wrong with them.
 *
 * @example
 * prepareInput(state, order, { now: '2026-03-01T12:00:00Z' }) //=> { order, context: { now, settings, calendar, blacklist } }
 */
export function prepareInput(state: InputState, snapshot: unknown, context: unknown): PreparedInput | TriageFailure {
  const prepared = prepareContext(state, context, snapshot);
  if ('ok' in prepared) return prepared;
  const checked = prepareSnapshot(snapshot, prepared.trusted, state.strict);
  // Reports resolved by now no longer raise anything (docs/lifecycle.md).
  return 'ok' in checked ? checked : { order: withoutResolvedReports(checked.order, prepared.context.now), warnings: checked.warnings, context: prepared.context };
}
