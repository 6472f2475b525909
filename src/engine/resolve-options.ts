import { describeError } from '../_lib/describe-error.js';
import { InvalidOptionsError, type Issue } from '../errors.js';
import { checkUserFacts, type ValidUserFact } from '../facts/user-facts.js';
import { withCarrierNames } from '../messages/carrier-names.js';
import type { MessageCatalogue } from '../messages/catalogue.js';
import { messageCatalogues } from '../messages/locales.js';
import { quotingCatalogue } from '../messages/quoting-catalogue.js';
import { customOperatorIssues } from '../rules/rule-engine.js';
import { type ValidRule, validateRules } from '../rules/validate-rules.js';
import { copyOptions } from '../schema/copy-options.js';
import { toIssues } from '../schema/issues.js';
import { type ResolvedOptions, TriageOptionsSchema, timeZoneAliasIssues, withShopTimeZone } from '../schema/options.js';
import { guardCatalogue, messageOptionIssues } from './catalogue-guard.js';

/** The options with defaults filled in, and the user rules they carry, validated. */
export interface OptionsResolved {
  readonly resolved: ResolvedOptions;
  readonly rules: ValidRule[];
  /** The user facts (options.facts), validated. */
  readonly userFacts: ValidUserFact[];
}

const OPTION_ORDER = Object.keys(TriageOptionsSchema.shape);

/**
 * Validates the options: first a plain copy, each value read once (a getter or Proxy cannot
 * answer one thing to validation and another to the engine), then that copy is checked and
 * compiled. Anything that throws while reading them is an InvalidOptionsError listing every
 * problem, in the order the options are documented.
 *
 * @example
 * resolveOptions({ locale: 'en' }).resolved.locale //=> 'en'
 * resolveOptions({ locale: 'xx' }) // throws InvalidOptionsError naming ['locale']
 */
export function resolveOptions(options: unknown): OptionsResolved {
  const copied = copyOptions(options ?? {});
  if (copied.issues.length > 0) throw new InvalidOptionsError(copied.issues);
  let checked: ReturnType<typeof checkOptions>;
  try {
    checked = checkOptions(copied.value);
  } catch (error) {
    throw new InvalidOptionsError([{ path: [], message: `the options could not be checked: ${describeError(error)}` }]);
  }
  if (checked.issues.length > 0) throw new InvalidOptionsError(checked.issues);
  return checked.result;
}

function checkOptions(options: unknown): { result: OptionsResolved; issues: Issue[] } {
  // Options are parsed once per triage: without zod's JIT, which would first generate and compile a
  // parser for each of the options' ~60 object schemas, to run it once (createTriage() cost 92 M
  // instructions with it, 29 M without: docs/benchmarks.md, "Third round (issue 20)"). Same answers:
  // src/schema/options-jitless.test.ts.
  const parsed = TriageOptionsSchema.safeParse(options, { jitless: true });
  const raw = typeof options === 'object' && options !== null ? (options as { rules?: unknown; conditions?: unknown; customOperators?: unknown; facts?: unknown }) : {};
  const operatorIssues = customOperatorIssues(raw.customOperators);
  const extraOperators = Array.isArray(raw.customOperators) ? raw.customOperators.map((o: { name?: unknown }) => String(o?.name)) : [];
  const userFacts = checkUserFacts(raw.facts);
  const checkedRules = validateRules(raw.rules, { namedConditions: raw.conditions, extraOperators, userFacts: userFacts.facts });
  const issues = [
    ...(parsed.success ? [] : toIssues(parsed.error, [], TriageOptionsSchema)),
    ...timeZoneAliasIssues(options),
    ...messageOptionIssues(options),
    ...checkedRules.issues,
    ...operatorIssues,
    ...userFacts.issues,
  ];
  // One list in the order the options are documented, whichever check found each problem.
  const rank = (issue: Issue) => {
    const at = OPTION_ORDER.indexOf(String(issue.path[0]));
    return at === -1 ? OPTION_ORDER.length : at;
  };
  return {
    // Without parsed data there are issues, and the caller throws them instead of reading this.
    result: { resolved: parsed.success ? withShopTimeZone(parsed.data) : (undefined as never), rules: checkedRules.rules, userFacts: userFacts.facts },
    issues: issues
      .map((issue, i) => ({ issue, i }))
      .sort((a, b) => rank(a.issue) - rank(b.issue) || a.i - b.i)
      .map((x) => x.issue),
  };
}

/**
 * The message catalogue in force: the options' own for the locale (guarded: a text that throws
 * or is not a string falls back to the built-in one), else the built-in one, else English; with
 * the `carrierNames` option looked up before its carrier names; with quoted values shortened and
 * made plain in every catalogue (docs/messages.md).
 *
 * @example
 * resolveMessages(resolveOptions({ locale: 'en' }).resolved).locale //=> 'en'
 */
export function resolveMessages(resolved: ResolvedOptions): MessageCatalogue {
  const builtIn = Object.hasOwn(messageCatalogues, resolved.locale) ? (messageCatalogues as Record<string, MessageCatalogue>)[resolved.locale] : undefined;
  const catalogue = Object.hasOwn(resolved.messages, resolved.locale)
    ? guardCatalogue(resolved.messages[resolved.locale] as MessageCatalogue, builtIn ?? messageCatalogues.en)
    : (builtIn ?? messageCatalogues.en);
  return quotingCatalogue(withCarrierNames(catalogue, resolved.carrierNames));
}
