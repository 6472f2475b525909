/**
 * order-triage/internals: building blocks the main entry uses but does not teach (the condition
 * compiler, rule paths, the approval rule, the derived facts rules read). They are exported for tools and tests that need
 * them; unlike the main entry, they may change in a minor version.
 *
 * @packageDocumentation
 */
export { type CompiledCondition, compileCondition, type FactRecord } from './conditions/compile-condition.js';
export { type PathSegment, parseRulePath, resolveRulePath } from './conditions/rule-path.js';
export { buildFactSettings } from './engine/fact-settings.js';
export { deriveFacts, type FactContext } from './facts/derive-facts.js';
export { requiredApproval } from './policy/approval.js';
