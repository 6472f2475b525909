import type { RuleValidationOptions } from 'order-triage';
import * as main from 'order-triage';
import * as internals from 'order-triage/internals';
import { describe, expect, it } from 'vitest';

const INTERNALS = ['buildFactSettings', 'compileCondition', 'deriveFacts', 'parseRulePath', 'requiredApproval', 'resolveRulePath'];

describe('public surface', () => {
  it('the condition compiler, rule paths, the approval rule and the derived facts are exported from order-triage/internals, not from the main entry', () => {
    expect(Object.keys(internals).sort()).toEqual(INTERNALS);
    expect(INTERNALS.filter((name) => name in main)).toEqual([]);
  });

  it("validateRules' options type is exported from the main entry with its signature", () => {
    const options: RuleValidationOptions = {};
    expect(main.validateRules([], options)).toEqual({ rules: [], issues: [] });
  });
});
