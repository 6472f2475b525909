import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import type { ReadonlyFields } from '../_lib/readonly-fields.js';
import type { ClusterThresholds, ClusterThresholdsSchema } from '../batch/clusters.js';
import type { KpiBaseline, KpiBaselineSchema, KpiThresholds, KpiThresholdsSchema } from '../batch/kpis.js';
import type { Detector } from '../detectors/detector.js';
import type { Finding } from '../findings/finding.js';
import type { Action } from '../playbooks/action.js';
import type { ActionDraft } from '../playbooks/playbook.js';
import { PRECEDENCE } from '../playbooks/precedence.js';
import type { Policy } from '../policy/policy.js';
import { getRuleJsonSchema, type UserRule } from '../rules/rule-schema.js';
import type { ResolvedOptions } from '../schema/options.js';
import type { OrderStatus } from '../schema/snapshot.js';
import { ACTION_KINDS, type ActionKind } from './action-kind.js';
import type { ActionParams, ActionParamsByKind } from './action-params.js';
import { APPROVAL_ROLES, type ApprovalRole, ESCALATION_ROLES, type EscalationRole } from './approval-role.js';
import { CATEGORIES, type Category } from './category.js';
import type { ExactlyKeyedBy } from './exhaustive.js';
import { OPERATORS } from './operator.js';
import type { ORDER_STATUSES } from './order-status.js';
import { OWNERS, type Owner } from './owner.js';
import { SEVERITIES, type Severity } from './severity.js';
import { isRefusalEvent, REFUSAL_EVENT_CODES, TRACKING_EVENT_CODES } from './tracking-event.js';

const SRC = fileURLToPath(new URL('..', import.meta.url));

/** Every source file of src/ outside the vocabulary layer, tests left out. */
function sourcesOutsideVocabulary(dir = SRC): { file: string; text: string }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return path === join(SRC, 'vocabulary') ? [] : sourcesOutsideVocabulary(path);
    if (!entry.name.endsWith('.ts') || entry.name.endsWith('.test.ts')) return [];
    return [{ file: relative(SRC, path), text: readFileSync(path, 'utf8') }];
  });
}

/** Lists of quoted words written out in code (`'a', 'b'` or `'a' | 'b'`), each as its words. */
function spelledLists(text: string): string[][] {
  return (text.match(/(?:'[a-zA-Z_]+'\s*(?:,|\|)\s*)+'[a-zA-Z_]+'/g) ?? []).map((list) => list.match(/[a-zA-Z_]+/g) ?? []);
}

/** Where three or more members of `vocabulary` are spelt out next to each other. */
function respellings(vocabulary: readonly string[]): string[] {
  const members = new Set(vocabulary);
  const found: string[] = [];
  for (const { file, text } of sourcesOutsideVocabulary()) {
    for (const words of spelledLists(text)) {
      let run = 0;
      for (const word of words) {
        run = members.has(word) ? run + 1 : 0;
        if (run === 3) found.push(`${file}: ${words.join(', ')}`);
      }
    }
  }
  return found;
}

describe('each vocabulary is written once, in src/vocabulary/', () => {
  it.each([
    ['owners', OWNERS],
    ['severities', SEVERITIES],
    ['categories', CATEGORIES],
    ['approval roles', APPROVAL_ROLES],
    ['operators', OPERATORS],
  ] as const)('no file outside the vocabulary spells out the %s again', (_name, vocabulary) => {
    expect(respellings(vocabulary)).toEqual([]);
  });

  it('compares tracking events with the refusal list, never with the literal codes', () => {
    const compared = sourcesOutsideVocabulary().filter(({ text }) => /===\s*'(?:refused|returned_to_sender)'|'(?:refused|returned_to_sender)'\s*===/.test(text));
    expect(compared.map((s) => s.file)).toEqual([]);
    expect(TRACKING_EVENT_CODES.filter(isRefusalEvent)).toEqual([...REFUSAL_EVENT_CODES]);
  });

  it('gives rule authors exactly the listed categories, severities and owners in the rule JSON Schema', () => {
    const params = (getRuleJsonSchema() as { properties: { event: { properties: { params: { properties: Record<string, { enum?: unknown }> } } } } }).properties.event.properties
      .params.properties;
    expect(params.category?.enum).toEqual([...CATEGORIES]);
    expect(params.severity?.enum).toEqual([...SEVERITIES]);
    expect(params.owner?.enum).toEqual([...OWNERS]);
  });

  it('ranks approval roles as none, then the escalation roles in order', () => {
    expect(APPROVAL_ROLES).toEqual(['none', ...ESCALATION_ROLES]);
    expect(SEVERITIES).toEqual(['low', 'medium', 'high', 'critical']);
  });

  it('derives every type that names an owner, severity, category or role from the lists', () => {
    expectTypeOf<Detector['owner']>().toEqualTypeOf<Owner>();
    expectTypeOf<Finding['owner']>().toEqualTypeOf<Owner>();
    expectTypeOf<Action['owner']>().toEqualTypeOf<Owner>();
    expectTypeOf<NonNullable<NonNullable<UserRule['event']['params']>['owner']>>().toEqualTypeOf<Owner>();
    expectTypeOf<NonNullable<Policy['owners'][keyof Policy['owners']]>>().toEqualTypeOf<Owner>();
    expectTypeOf<Detector['severity']>().toEqualTypeOf<Severity>();
    expectTypeOf<Finding['severity']>().toEqualTypeOf<Severity>();
    expectTypeOf<NonNullable<NonNullable<UserRule['event']['params']>['severity']>>().toEqualTypeOf<Severity>();
    expectTypeOf<Detector['category']>().toEqualTypeOf<Category>();
    expectTypeOf<NonNullable<NonNullable<UserRule['event']['params']>['category']>>().toEqualTypeOf<Category>();
    expectTypeOf<Action['requiresApproval']>().toEqualTypeOf<ApprovalRole>();
    expectTypeOf<Policy['escalation'][number]['to']>().toEqualTypeOf<EscalationRole>();
    expectTypeOf<NonNullable<ActionDraft['approval']>>().toEqualTypeOf<EscalationRole>();
    expectTypeOf<ActionParams<'escalate'>['to']>().toEqualTypeOf<Owner | EscalationRole>();
    expectTypeOf<OrderStatus>().toEqualTypeOf<(typeof ORDER_STATUSES)[number]>();
    expectTypeOf<Owner>().toEqualTypeOf<(typeof OWNERS)[number]>();
    expectTypeOf<Severity>().toEqualTypeOf<(typeof SEVERITIES)[number]>();
  });
});

/** The params of today's kinds are complete: this compiles. */
export type CompleteParams = ExactlyKeyedBy<ActionKind, ActionParamsByKind>;
// @ts-expect-error a new kind ('gift_wrap') without a params type does not compile
export type ParamsWithNewKind = ExactlyKeyedBy<ActionKind | 'gift_wrap', ActionParamsByKind>;
// @ts-expect-error a params type for a kind that is not in ACTION_KINDS does not compile either
export type ParamsWithStrayKind = ExactlyKeyedBy<ActionKind, ActionParamsByKind & { gift_wrap: { paper: string } }>;

describe('action kinds', () => {
  it('have one params type each, and a kind without one is a type error', () => {
    expectTypeOf<keyof ActionParamsByKind>().toEqualTypeOf<ActionKind>();
    expectTypeOf<ActionParams<'points'>>().toEqualTypeOf<{ amount: number; currency?: string; validDays?: number }>();
    expect(new Set(ACTION_KINDS).size).toBe(ACTION_KINDS.length);
  });

  it('type what the precedence table drops by action kind', () => {
    expectTypeOf(PRECEDENCE[0]?.then.kinds).toEqualTypeOf<readonly ActionKind[] | undefined>();
    for (const rule of PRECEDENCE) for (const kind of rule.then.kinds ?? []) expect(ACTION_KINDS).toContain(kind);
  });
});

describe('types declared beside their schemas', () => {
  it('are the schemas own types, not a second declaration', () => {
    expectTypeOf<KpiBaseline>().toEqualTypeOf<ReadonlyFields<z.output<typeof KpiBaselineSchema>>>();
    expectTypeOf<KpiThresholds>().toEqualTypeOf<ReadonlyFields<z.output<typeof KpiThresholdsSchema>>>();
    expectTypeOf<ClusterThresholds>().toEqualTypeOf<ReadonlyFields<z.output<typeof ClusterThresholdsSchema>>>();
    expectTypeOf<ResolvedOptions['batch']['kpi']>().toEqualTypeOf<z.output<typeof KpiThresholdsSchema>>();
    expectTypeOf<KpiBaseline>().toEqualTypeOf<{
      readonly paymentSuccessRate?: number;
      readonly onTimeShippingRate?: number;
      readonly exceptionRate?: Readonly<Partial<Record<string, number>>>;
    }>();
  });
});
